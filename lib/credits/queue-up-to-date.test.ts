import { describe, expect, it } from "vitest";
import { type QueueRead, type WaitingItem, bringQueueUpToDate, oldestFirst } from "./waiting";

// bringQueueUpToDate (lib/credits/waiting.ts): a cached queue after a few credits changed, from
// those credits alone, or null when only a whole read can tell. The same rule is played against
// PostgreSQL, with every change a lifecycle makes, in tests/integration/queue-cache.test.ts.

const item = (id: string, at: number): WaitingItem => ({ id, reference: id, creditNumber: null, status: "ISSUED", currency: "USD", amount: "1.00", updatedAt: new Date(at), applicantName: "A", beneficiaryName: "B" });
/** A queue read of `limit` from the candidates (id, time), as the SQL cuts them: oldest first. */
function queue(limit: number, candidates: [string, number][]): QueueRead<WaitingItem> {
  const rows = candidates.map(([id, at]) => item(id, at)).sort(oldestFirst).slice(0, limit);
  return { rows, cut: rows.map((r) => [r.updatedAt.getTime(), r.id] as const), limit };
}
const ids = (q: QueueRead<WaitingItem> | null) => q?.rows.map((r) => r.id) ?? null;

describe("bringing a queue up to date from the credits that changed", () => {
  const all: [string, number][] = [["a", 1], ["b", 2], ["c", 3], ["d", 4], ["e", 5]];

  it("keeps a full cut as it was when a credit beyond it changes", () => {
    const before = queue(3, all);
    expect(ids(bringQueueUpToDate(before, ["e"], queue(3, [["e", 9]]), oldestFirst))).toEqual(["a", "b", "c"]);
    // … or stops being a candidate.
    expect(ids(bringQueueUpToDate(before, ["d"], queue(3, []), oldestFirst))).toEqual(["a", "b", "c"]);
  });

  it("takes in a credit that moved inside the cut, and drops the one pushed past it", () => {
    const before = queue(3, all);
    expect(ids(bringQueueUpToDate(before, ["e"], queue(3, [["e", 1.5]]), oldestFirst))).toEqual(["a", "e", "b"]);
  });

  it("cannot tell a full cut without a credit that left it: the next one was never read", () => {
    const before = queue(3, all);
    expect(bringQueueUpToDate(before, ["b"], queue(3, [["b", 9]]), oldestFirst)).toBeNull();
    expect(bringQueueUpToDate(before, ["c"], queue(3, []), oldestFirst)).toBeNull();
  });

  it("knows a short queue whole: a credit leaves, comes back or joins at its place", () => {
    const before = queue(10, all);
    expect(ids(bringQueueUpToDate(before, ["b"], queue(10, []), oldestFirst))).toEqual(["a", "c", "d", "e"]);
    expect(ids(bringQueueUpToDate(before, ["b", "f"], queue(10, [["b", 9], ["f", 0]]), oldestFirst))).toEqual(["f", "a", "c", "d", "e", "b"]);
    // Filled past its length, it is cut again, and says so.
    const filled = bringQueueUpToDate(queue(5, all.slice(0, 4)), ["x", "y"], queue(5, [["x", 0], ["y", 9]]), oldestFirst);
    expect(ids(filled)).toEqual(["x", "a", "b", "c", "d"]);
    expect(filled?.cut).toHaveLength(5);
  });

  it("orders the rows by the queue's own order, and a row the step rules dropped stays out", () => {
    const before = queue(3, all);
    // "c" is a candidate whose row the step rules dropped (waitingForMe keeps only rows with a step).
    const withoutC = { ...before, rows: before.rows.filter((r) => r.id !== "c") };
    const newestFirst = (x: WaitingItem, y: WaitingItem) => oldestFirst(y, x);
    expect(ids(bringQueueUpToDate(withoutC, ["e"], queue(3, [["e", 0]]), newestFirst))).toEqual(["b", "a", "e"]);
  });
});
