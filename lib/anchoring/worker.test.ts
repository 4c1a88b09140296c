import { describe, expect, it } from "vitest";
import { creditKey } from "./credit-key";
import { DEFAULT_WORKER_SETTINGS, creditHeads, inSeqOrder } from "./worker";

// The worker's pure rules: which pending milestones may enter a batch, and which head of each
// credit the batch publishes. The worker itself runs against PostgreSQL and anvil in
// tests/integration/anchoring-worker.test.ts.

const A = "0193a1b2-0000-7000-8000-00000000000a";
const B = "0193a1b2-0000-7000-8000-00000000000b";
const C = "0193a1b2-0000-7000-8000-00000000000c";
const m = (credit: string, seq: number) => ({ id: `${credit.slice(-1)}${seq}`, digest: `0x${"AB".repeat(31)}${String(seq).padStart(2, "0")}`, credit_id: credit, seq });

describe("inSeqOrder", () => {
  it("admits each credit's unbroken run of seqs from its first pending one, in the candidates' order", () => {
    const candidates = [m(B, 5), m(A, 2), m(A, 1), m(B, 4), m(A, 3)];
    const admitted = inSeqOrder(candidates, new Map([[A, 1], [B, 4]]));
    expect(admitted.map((c) => c.id)).toEqual(["b5", "a2", "a1", "b4", "a3"]);
  });

  it("stops a credit's run at its first gap", () => {
    const admitted = inSeqOrder([m(A, 1), m(A, 2), m(A, 4), m(A, 5)], new Map([[A, 1]]));
    expect(admitted.map((c) => c.id)).toEqual(["a1", "a2"]);
  });

  it("holds back a credit whose first pending milestone is not among the candidates", () => {
    const admitted = inSeqOrder([m(A, 3), m(A, 4), m(B, 1)], new Map([[A, 2], [B, 1]]));
    expect(admitted.map((c) => c.id)).toEqual(["b1"]);
    expect(inSeqOrder([m(C, 1)], new Map())).toEqual([]);
    expect(inSeqOrder([], new Map([[A, 1]]))).toEqual([]);
  });
});

describe("creditHeads", () => {
  it("publishes one head per credit: its highest seq, digest in lower case, sorted by credit key", () => {
    const heads = creditHeads([m(A, 1), m(B, 7), m(A, 3), m(C, 2), m(A, 2), m(B, 6)]);
    const expected = [
      { creditKey: creditKey(A), digest: m(A, 3).digest.toLowerCase(), seq: 3 },
      { creditKey: creditKey(B), digest: m(B, 7).digest.toLowerCase(), seq: 7 },
      { creditKey: creditKey(C), digest: m(C, 2).digest.toLowerCase(), seq: 2 },
    ].sort((x, y) => (x.creditKey < y.creditKey ? -1 : 1));
    expect(heads).toEqual(expected);
    // Whatever order the milestones come in.
    expect(creditHeads([m(C, 2), m(A, 2), m(B, 6), m(A, 3), m(B, 7), m(A, 1)])).toEqual(expected);
    expect(creditHeads([])).toEqual([]);
  });
});

describe("DEFAULT_WORKER_SETTINGS", () => {
  it("batches up to 256 milestones or 2 s, waits for 1 confirmation, re-checks 64 blocks, leases 30 s, backs off at most 60 s, polls confirmations every second", () => {
    expect(DEFAULT_WORKER_SETTINGS).toEqual({
      batchSize: 256,
      batchAgeMs: 2_000,
      confirmations: 1,
      reorgDepth: 64,
      leaseMs: 30_000,
      maxBackoffMs: 60_000,
      confirmationPollMs: 1_000,
    });
  });
});
