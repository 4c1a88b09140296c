import type { CreditDetail } from "@/lib/credits/get-credit";

// The timeline's entries: every action on the credit, with the milestones it recorded, plus any
// milestone no event names. The Timeline tab's count is the number of these rows (bug 9: it
// counted milestones only and said "Timeline 0" above a list of entries).

type Milestone = CreditDetail["milestones"][number];
export interface TimelineRow {
  key: string;
  at: Date;
  event?: CreditDetail["events"][number];
  milestones: Milestone[];
}

export function timelineRows(credit: Pick<CreditDetail, "events" | "milestones">): TimelineRow[] {
  const bySeq = new Map(credit.milestones.map((m) => [m.seq, m]));
  const shown = new Set<number>();
  // Each event names the milestones its action recorded (lib/lifecycle/perform.ts).
  const rows: TimelineRow[] = credit.events.map((event) => {
    const seqs = Array.isArray(event.data.milestones) ? (event.data.milestones as number[]) : [];
    seqs.forEach((seq) => shown.add(seq));
    return { key: event.id, at: event.createdAt, event, milestones: seqs.map((seq) => bySeq.get(seq)).filter((m): m is Milestone => Boolean(m)) };
  });
  for (const milestone of credit.milestones) if (!shown.has(milestone.seq)) rows.push({ key: milestone.id, at: milestone.createdAt, milestones: [milestone] });
  return rows.sort((a, b) => a.at.getTime() - b.at.getTime());
}
