import type { SwiftExport } from "@/lib/swift/messages";

/** One entry of GET /api/v1/credits/{id}/swift: what the message is, whether it is valid, and where its FIN text is. */
export function swiftSummary(creditId: string, m: SwiftExport) {
  return {
    id: m.id,
    type: `MT${m.type}`,
    title: m.title,
    /** The message and its continuations, e.g. ["MT700", "MT701"]. */
    messageTypes: m.messages.map((x) => `MT${x.type}`),
    milestoneSeq: m.seq,
    date: m.on,
    sender: { name: m.sender.name, bic: m.sender.bic },
    receiver: { name: m.receiver.name, bic: m.receiver.bic },
    valid: m.problems.length === 0,
    problems: m.problems.map((p) => ({ message: p.message, tag: p.tag ?? null, messageIndex: p.messageIndex })),
    transliterations: m.transliterations.map((t) => ({ messageIndex: t.message, tag: t.tag, line: t.line, from: t.from, to: t.to })),
    href: `/api/v1/credits/${creditId}/swift/${m.id}`,
  };
}
