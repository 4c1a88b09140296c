import { describe, expect, it } from "vitest";
import type { CreditDetail } from "@/lib/credits/get-credit";
import { timelineRows } from "./timeline-rows";

// Bug 9: the Timeline tab said "Timeline 0" while it listed entries: it counted milestones only.

const at = (minute: number) => new Date(Date.UTC(2027, 2, 15, 10, minute));
const event = (id: string, minute: number, milestones?: number[]) => ({ id, createdAt: at(minute), action: "sendToBeneficiary", actor: "A", actorOrg: "Org", data: milestones ? { milestones } : {} });
const milestone = (seq: number, minute: number) => ({ id: `m${seq}`, seq, createdAt: at(minute), kind: "TERMS_AGREED" });
const credit = (events: unknown[], milestones: unknown[]) => ({ events, milestones }) as unknown as Pick<CreditDetail, "events" | "milestones">;

describe("timelineRows", () => {
  it("has an entry for every action, even before any milestone (what the tab counts)", () => {
    const rows = timelineRows(credit([event("e1", 1), event("e2", 2)], []));
    expect(rows.map((r) => r.key)).toEqual(["e1", "e2"]);
  });

  it("puts each milestone under the action that recorded it, and lists any other on its own, in time order", () => {
    const rows = timelineRows(credit([event("e2", 5, [1]), event("e1", 1)], [milestone(1, 5), milestone(2, 3)]));
    expect(rows.map((r) => [r.key, r.milestones.map((m) => m.seq)])).toEqual([
      ["e1", []],
      ["m2", [2]],
      ["e2", [1]],
    ]);
  });
});
