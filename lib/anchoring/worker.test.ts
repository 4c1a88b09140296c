import { describe, expect, it } from "vitest";
import { creditKey } from "./credit-key";
import { creditHeads, inSeqOrder } from "./worker";

// The worker's pure choices: which pending milestones may enter a batch, and which head of each
// credit the batch publishes.

const A = "0193a1b2-0000-7000-8000-00000000000a";
const B = "0193a1b2-0000-7000-8000-00000000000b";
const m = (credit: string, seq: number) => ({ id: `${credit}-${seq}`, digest: `0x${(seq + (credit === A ? 0 : 100)).toString(16).padStart(64, "0")}`, credit_id: credit, seq });

describe("inSeqOrder", () => {
  it("admits each credit's unbroken run from its first pending seq, keeping the candidates' order", () => {
    const candidates = [m(A, 3), m(B, 1), m(A, 4), m(B, 2)];
    expect(inSeqOrder(candidates, new Map([[A, 3], [B, 1]])).map((c) => c.id)).toEqual([`${A}-3`, `${B}-1`, `${A}-4`, `${B}-2`]);
  });

  it("holds back a milestone whose predecessor is still pending outside the batch", () => {
    // A's seq 3 is pending but not a candidate (past the batch size): 4 and 5 must wait.
    expect(inSeqOrder([m(A, 4), m(A, 5), m(B, 1)], new Map([[A, 3], [B, 1]])).map((c) => c.id)).toEqual([`${B}-1`]);
  });

  it("stops a credit's run at the first gap", () => {
    expect(inSeqOrder([m(A, 1), m(A, 2), m(A, 4)], new Map([[A, 1]])).map((c) => c.seq)).toEqual([1, 2]);
  });

  it("admits nothing for a credit whose first pending seq is unknown", () => {
    expect(inSeqOrder([m(A, 1)], new Map())).toEqual([]);
  });
});

describe("creditHeads", () => {
  it("publishes one head per credit: its highest seq in the batch, keyed by the credit key, sorted by key", () => {
    const heads = creditHeads([m(A, 3), m(B, 1), m(A, 5), m(A, 4), m(B, 2)]);
    const expected = [
      { creditKey: creditKey(A), digest: m(A, 5).digest, seq: 5 },
      { creditKey: creditKey(B), digest: m(B, 2).digest, seq: 2 },
    ].sort((x, y) => (x.creditKey < y.creditKey ? -1 : 1));
    expect(heads).toEqual(expected);
  });

  it("lower-cases digests", () => {
    const upper = { ...m(A, 1), digest: `0x${"AB".repeat(32)}` };
    expect(creditHeads([upper])[0]!.digest).toBe(`0x${"ab".repeat(32)}`);
  });
});
