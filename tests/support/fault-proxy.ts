import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { Transaction } from "ethers";

// (Shared by the integration tests and bench/anchoring.ts.)
// A JSON-RPC proxy in front of anvil (loopback only) that plays a public network's RPC provider:
// for a share of requests it answers 429, drops the connection (before or after passing the
// request on, so a send may have landed), or holds the answer longer than the client waits; and
// it refuses eth_getLogs ranges wider than a limit, as hosted RPCs do, and replacements that do
// not raise both fees by geth's 10%. It counts what it sees.
// Its `chain` plays the rest of a public network on command: stalls (automine off, blocks only
// when mined), raised base fees, reorgs, evicted and re-broadcast transactions, balances.

export type Fault = "429" | "drop" | "drop-after" | "timeout";

export interface FaultPlan {
  /** Share of requests (0..1) that meet a fault. */
  share: number;
  kinds: readonly Fault[];
  /** How long a "timeout" holds the request before dropping it (longer than the client's timeout). */
  holdMs: number;
  /** eth_getLogs over more blocks than this is refused with a JSON-RPC error (unset: no limit). */
  maxLogRange?: number;
  /** A fault for the first requests of a method, in order (then the share applies). */
  firstOf?: Partial<Record<string, Fault[]>>;
  /**
   * Refuse a transaction that replaces a pending one (same sender and nonce) unless both its fee
   * fields are at least this many percent higher, as geth does (10): anvil takes any increase.
   */
  replacementBumpPercent?: number;
}

export interface FaultStats {
  requests: number;
  methods: Record<string, number>;
  injected: Record<Fault, number>;
  /** Every eth_getLogs the proxy saw: its block range (Infinity for a tag like "latest"). */
  getLogs: { from: number; to: number; blocks: number }[];
  refusedRanges: number;
  /** Replacements refused as underpriced (replacementBumpPercent). */
  underpricedReplacements: number;
  /** Methods that met a fault, with the fault. */
  faulted: { method: string; fault: Fault }[];
}

export interface FaultProxy {
  url: string;
  plan: FaultPlan;
  stats: FaultStats;
  /** The chain behind the proxy, on command (sent to anvil directly, never counted or faulted). */
  chain: ChainControl;
  reset(): void;
  close(): Promise<void>;
}

/** A public network's slow, expensive and unsteady moments, played by anvil on command. */
export interface ChainControl {
  /** Automine off: transactions wait in the mempool until mine() (a stall); on: each is mined at once. */
  automine(on: boolean): Promise<void>;
  /** Mines `blocks` blocks now. */
  mine(blocks?: number): Promise<void>;
  /** Mines a block whose base fee is `wei` (the latest block then shows it); later blocks drift from it as usual. */
  baseFee(wei: bigint): Promise<void>;
  /** Replaces the last `depth` blocks with as many empty ones (their transactions are gone). */
  reorg(depth: number): Promise<void>;
  /** Removes a transaction from the mempool (a node that evicted it). */
  drop(txHash: string): Promise<void>;
  /** Hands the node a signed transaction again (a replaced one that a block producer still had). */
  resend(raw: string): Promise<string>;
  /** Sets an account's balance, in wei. */
  setBalance(address: string, wei: bigint): Promise<void>;
  /** Any other JSON-RPC call, straight to anvil. */
  call<T = unknown>(method: string, params?: unknown[]): Promise<T>;
}

interface RpcRequest {
  id: number | string;
  method: string;
  params?: unknown[];
}

const quiet: FaultPlan = { share: 0, kinds: [], holdMs: 0 };

function emptyStats(): FaultStats {
  return { requests: 0, methods: {}, injected: { "429": 0, drop: 0, "drop-after": 0, timeout: 0 }, getLogs: [], refusedRanges: 0, underpricedReplacements: 0, faulted: [] };
}

/** A small deterministic generator, so a run's faults do not depend on Math.random. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function blockOf(tag: unknown): number {
  return typeof tag === "string" && /^0x[0-9a-f]+$/i.test(tag) ? Number(BigInt(tag)) : Number.POSITIVE_INFINITY;
}

/** Commands for the anvil at `upstream`. */
export function chainControl(upstream: string): ChainControl {
  let id = 0;
  const call = async <T>(method: string, params: unknown[] = []): Promise<T> => {
    const response = await fetch(upstream, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params }) });
    const reply = (await response.json()) as { result?: T; error?: { message: string } };
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result as T;
  };
  const hex = (n: bigint | number) => `0x${n.toString(16)}`;
  return {
    call,
    automine: async (on) => void (await call("evm_setAutomine", [on])),
    mine: async (blocks = 1) => void (await call("anvil_mine", [hex(blocks)])),
    async baseFee(wei) {
      await call("anvil_setNextBlockBaseFeePerGas", [hex(wei)]);
      await call("evm_mine");
    },
    reorg: async (depth) => void (await call("anvil_reorg", [depth, []])),
    drop: async (txHash) => void (await call("anvil_dropTransaction", [txHash])),
    resend: (raw) => call<string>("eth_sendRawTransaction", [raw]),
    setBalance: async (address, wei) => void (await call("anvil_setBalance", [address, hex(wei)])),
  };
}

export async function startFaultProxy(upstream: string, plan: FaultPlan = quiet, seed = 16): Promise<FaultProxy> {
  const random = mulberry32(seed);
  const seen = new Map<string, number>();
  const proxy: FaultProxy = { url: "", plan, stats: emptyStats(), chain: chainControl(upstream), reset: () => void (proxy.stats = emptyStats()), close: async () => {} };
  const sockets = new Set<Socket>();

  const forward = async (body: string): Promise<string> => {
    const response = await fetch(upstream, { method: "POST", headers: { "content-type": "application/json" }, body });
    return response.text();
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const text = Buffer.concat(chunks).toString("utf8");
        const parsed = JSON.parse(text) as RpcRequest | RpcRequest[];
        const items = Array.isArray(parsed) ? parsed : [parsed];
        const { stats } = proxy;
        stats.requests++;
        for (const item of items) {
          stats.methods[item.method] = (stats.methods[item.method] ?? 0) + 1;
          if (item.method === "eth_getLogs") {
            const filter = (item.params?.[0] ?? {}) as { fromBlock?: string; toBlock?: string };
            const from = blockOf(filter.fromBlock);
            const to = blockOf(filter.toBlock);
            stats.getLogs.push({ from, to, blocks: to - from + 1 });
          }
        }
        // The fault for this request: a method's scripted first faults, else the share.
        let fault: Fault | undefined;
        for (const item of items) {
          const scripted = proxy.plan.firstOf?.[item.method];
          const n = seen.get(item.method) ?? 0;
          seen.set(item.method, n + 1);
          if (!fault && scripted && n < scripted.length) fault = scripted[n];
        }
        if (!fault && proxy.plan.share > 0 && proxy.plan.kinds.length > 0 && random() < proxy.plan.share) {
          fault = proxy.plan.kinds[Math.floor(random() * proxy.plan.kinds.length)];
        }
        if (fault) {
          stats.injected[fault]++;
          for (const item of items) stats.faulted.push({ method: item.method, fault });
        }
        if (fault === "429") {
          res.writeHead(429, { "content-type": "application/json", "retry-after": "1" }).end('{"jsonrpc":"2.0","error":{"code":429,"message":"Too Many Requests"}}');
          return;
        }
        if (fault === "drop") {
          req.socket.destroy();
          return;
        }
        // Wide log ranges are refused one by one; the rest goes to anvil.
        const limit = proxy.plan.maxLogRange;
        const refused = new Map<RpcRequest["id"], unknown>();
        for (const item of items) {
          if (limit !== undefined && item.method === "eth_getLogs") {
            const filter = (item.params?.[0] ?? {}) as { fromBlock?: string; toBlock?: string };
            if (blockOf(filter.toBlock) - blockOf(filter.fromBlock) + 1 > limit) {
              stats.refusedRanges++;
              refused.set(item.id, { jsonrpc: "2.0", id: item.id, error: { code: -32005, message: `block range too large: at most ${limit} blocks per eth_getLogs` } });
            }
          }
        }
        const bump = proxy.plan.replacementBumpPercent;
        if (bump !== undefined) {
          for (const item of items) {
            if (item.method !== "eth_sendRawTransaction") continue;
            const tx = Transaction.from(String(item.params?.[0]));
            const pool = await proxy.chain.call<{ pending: Record<string, Record<string, { maxFeePerGas?: string; maxPriorityFeePerGas?: string; hash: string }>> }>("txpool_content");
            const sender = Object.entries(pool.pending).find(([address]) => address.toLowerCase() === tx.from!.toLowerCase())?.[1] ?? {};
            const pending = sender[String(tx.nonce)];
            if (!pending || pending.hash === tx.hash) continue;
            const enough = (previous: string | undefined, offered: bigint | null) => offered !== null && offered * 100n >= BigInt(previous ?? 0) * BigInt(100 + bump);
            if (!enough(pending.maxFeePerGas, tx.maxFeePerGas) || !enough(pending.maxPriorityFeePerGas, tx.maxPriorityFeePerGas)) {
              stats.underpricedReplacements++;
              refused.set(item.id, { jsonrpc: "2.0", id: item.id, error: { code: -32000, message: "replacement transaction underpriced" } });
            }
          }
        }
        const passed = items.filter((i) => !refused.has(i.id));
        let answers: unknown[] = [];
        if (passed.length > 0) {
          const reply = JSON.parse(await forward(JSON.stringify(Array.isArray(parsed) ? passed : passed[0]))) as unknown;
          answers = Array.isArray(reply) ? reply : [reply];
        }
        if (fault === "drop-after") {
          req.socket.destroy();
          return;
        }
        if (fault === "timeout") {
          await new Promise((r) => setTimeout(r, proxy.plan.holdMs));
          req.socket.destroy();
          return;
        }
        const byId = new Map(answers.map((a) => [(a as { id: RpcRequest["id"] }).id, a]));
        const out = items.map((i) => refused.get(i.id) ?? byId.get(i.id));
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(Array.isArray(parsed) ? out : out[0]));
      })().catch(() => req.socket.destroy());
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return proxy;
}
