import type { AnchoredSwiftExport } from "@/lib/credits/swift-messages";

/** One entry of GET /api/v1/credits/{id}/swift: what the message is, whether it is valid, and where its FIN text is. */
export function swiftSummary(creditId: string, m: AnchoredSwiftExport) {
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
    /** SHA-256 of the file's bytes (what href sends). */
    sha256: m.anchored.sha256,
    /** What the milestone that produced it recorded, and whether this file matches it (lib/swift/verify.ts). */
    anchored: {
      status: m.anchored.status,
      sha256: m.anchored.status === "notRecorded" ? null : (m.anchored.recorded?.sha256 ?? null),
      reason: m.anchored.status === "notRecorded" ? m.anchored.reason : null,
      milestoneDate: m.anchored.milestoneOn,
    },
    href: `/api/v1/credits/${creditId}/swift/${m.id}`,
  };
}
