import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { creditKey } from "./credit-key";
import { AnchoringWorker, DEFAULT_WORKER_SETTINGS, type TickReport, creditHeads, inSeqOrder } from "./worker";

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
  it("batches up to 256 milestones or 2 s, waits for 1 confirmation, re-checks 64 blocks, leases 30 s, backs off at most 60 s, polls confirmations every second, offers at most 100 gwei with a 1.5 gwei tip, replaces after 3 minutes, warns under 3 days of balance read every 5 minutes", () => {
    expect(DEFAULT_WORKER_SETTINGS).toEqual({
      batchSize: 256,
      batchAgeMs: 2_000,
      confirmations: 1,
      reorgDepth: 64,
      leaseMs: 30_000,
      maxBackoffMs: 60_000,
      confirmationPollMs: 1_000,
      maxFeePerGas: 100_000_000_000n,
      priorityFeePerGas: 1_500_000_000n,
      replaceAfterMs: 180_000,
      balanceWarnDays: 3,
      balanceCheckMs: 300_000,
    });
  });
});

describe("AnchoringWorker start and stop", () => {
  // A worker whose ticks the test releases one at a time, so stop() can land mid-tick.
  class HeldWorker extends AnchoringWorker {
    ticks = 0;
    finished = 0;
    readonly logged: string[] = [];
    /** What the next ticks end with: a report's errors, or a thrown error. */
    outcome: { errors: string[] } | { throws: Error } = { errors: [] };
    private releaseTick: (() => void) | undefined;
    constructor() {
      super({} as ConstructorParameters<typeof AnchoringWorker>[0], {}, (line) => this.logged.push(line));
    }
    override async tick(): Promise<TickReport> {
      this.ticks++;
      await new Promise<void>((resolve) => (this.releaseTick = resolve));
      this.finished++;
      if ("throws" in this.outcome) throw this.outcome.throws;
      return { batched: 0, sent: 0, confirmed: 0, reorged: 0, waiting: 0, errors: this.outcome.errors };
    }
    finishTick(): void {
      this.releaseTick?.();
      this.releaseTick = undefined;
    }
  }
  // The timers set and not yet run or cleared, with their delays. Counting every timer of the
  // process (getActiveResourcesInfo) also counted the test runner's own, which come and go while a
  // test waits: a CI run saw one vanish mid-test. The worker's are told apart by their delay, which
  // nothing else here uses.
  const live = new Map<NodeJS.Timeout, number | undefined>();
  beforeEach(() => {
    const set = globalThis.setTimeout;
    const clear = globalThis.clearTimeout;
    vi.spyOn(globalThis, "setTimeout").mockImplementation(((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
      const timer = set(() => {
        live.delete(timer);
        callback(...args);
      }, ms);
      live.set(timer, ms);
      return timer;
    }) as typeof setTimeout);
    vi.spyOn(globalThis, "clearTimeout").mockImplementation((timer) => {
      live.delete(timer as NodeJS.Timeout);
      clear(timer);
    });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    live.clear();
  });
  const timers = (ms: number) => [...live.values()].filter((delay) => delay === ms).length;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it("stopped during a tick: waits for that tick, schedules no other, leaves no timer behind", async () => {
    const worker = new HeldWorker();
    worker.start(5);
    expect(worker.ticks).toBe(1);
    const stopping = worker.stop();
    let stopped = false;
    void stopping.then(() => (stopped = true));
    await pause(20);
    expect(stopped).toBe(false); // still waiting for the running tick
    worker.finishTick();
    await stopping;
    expect(worker.finished).toBe(1);
    expect(timers(5)).toBe(0);
    await pause(30);
    expect(worker.ticks).toBe(1);
  });

  it("stopped between ticks: clears the pending timer, so no tick runs and nothing keeps the process alive", async () => {
    const worker = new HeldWorker();
    worker.start(59_999);
    worker.finishTick();
    await pause(10); // the first tick is done; the next waits on its timer
    expect(timers(59_999)).toBe(1);
    await worker.stop();
    expect(timers(59_999)).toBe(0);
    expect(worker.ticks).toBe(1);
  });

  it("keeps polling until stopped, and a worker stopped before it starts never ticks", async () => {
    const worker = new HeldWorker();
    worker.start(1);
    for (let i = 1; i <= 3; i++) {
      await vi.waitFor(() => expect(worker.ticks).toBe(i));
      worker.finishTick();
    }
    await vi.waitFor(() => expect(worker.ticks).toBe(4));
    const stopping = worker.stop();
    worker.finishTick();
    await stopping;

    expect(worker.logged).toEqual([]);

    const never = new HeldWorker();
    await never.stop();
    never.start(1);
    await pause(20);
    expect(never.ticks).toBe(0);
  });

  it("logs each failed step of a tick, and a tick that throws, and goes on polling after either", async () => {
    const worker = new HeldWorker();
    worker.outcome = { errors: ["sending: nonce too low", "confirming: timeout"] };
    worker.start(1);
    worker.finishTick();
    await vi.waitFor(() => expect(worker.ticks).toBe(2));
    worker.outcome = { throws: new Error("database unreachable") };
    worker.finishTick();
    await vi.waitFor(() => expect(worker.ticks).toBe(3));
    const stopping = worker.stop();
    worker.finishTick();
    await stopping;
    expect(worker.logged).toEqual([
      "anchoring: sending: nonce too low",
      "anchoring: confirming: timeout",
      "anchoring: database unreachable",
      "anchoring: database unreachable",
    ]);
  });
});
