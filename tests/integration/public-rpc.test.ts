import net, { type AddressInfo } from "node:net";
import { id } from "ethers";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/public/rpc/route";
import { creditKey } from "@/lib/anchoring/credit-key";
import { anchorRegistryInterface } from "@/lib/chain/anchor-registry";
import { resetConfigCache } from "@/lib/config";
import { RateLimiter } from "@/lib/http/rate-limit";
import { MAX_BATCH, MAX_BODY_BYTES, relayRequest } from "@/lib/http/rpc-relay";
import { type ChainFixture, deployedRegistry } from "./support/chain";

// The public relay lets a browser verify a bundle without an RPC key: only the reads a verifier
// needs of the registry pass, including its own logs (credit heads, root transactions).

let chain: ChainFixture;
const ROOT_ANCHORED = id("RootAnchored(bytes32)");
const CREDIT_ADVANCED = id("CreditAdvanced(bytes32,uint32,bytes32)");
const CREDIT = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

beforeAll(async () => {
  chain = await deployedRegistry();
  process.env.CHAIN_RPC_URL = chain.rpcUrl;
  process.env.ANCHOR_CONTRACT_ADDRESS = chain.address;
  resetConfigCache();
  await (await chain.registry.anchor(id("a root"), 1, [{ creditKey: creditKey(CREDIT), digest: id("a digest"), seq: 1 }])).wait();
});

async function relay(body: unknown): Promise<{ result?: unknown; error?: { message: string } }> {
  const response = await POST(new Request("http://localhost/api/public/rpc", { method: "POST", body: JSON.stringify(body) }));
  return (await response.json()) as { result?: unknown; error?: { message: string } };
}

const getLogs = (filter: Record<string, unknown>) => relay({ jsonrpc: "2.0", id: 1, method: "eth_getLogs", params: [{ fromBlock: "0x0", toBlock: "latest", ...filter }] });

describe("the public RPC relay", () => {
  it("passes the registry's CreditAdvanced and RootAnchored logs, by key or root", async () => {
    const heads = await getLogs({ address: chain.address, topics: [CREDIT_ADVANCED, [creditKey(CREDIT)]] });
    expect(heads.error).toBeUndefined();
    expect(heads.result).toHaveLength(1);
    const roots = await getLogs({ address: chain.address.toLowerCase(), topics: [ROOT_ANCHORED, id("a root")] });
    expect(roots.result).toHaveLength(1);
  });

  it("refuses logs of another contract, other events, no key, or more than 100 keys", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ address: "0x000000000000000000000000000000000000dEaD", topics: [CREDIT_ADVANCED, creditKey(CREDIT)] }, /Only the AnchorRegistry's logs/],
      [{ topics: [CREDIT_ADVANCED, creditKey(CREDIT)] }, /Only the AnchorRegistry's logs/],
      [{ address: chain.address, topics: [id("RoleGranted(bytes32,address,address)")] }, /Only RootAnchored and CreditAdvanced logs/],
      [{ address: chain.address, topics: [CREDIT_ADVANCED] }, /Name 1 to 100 roots or credit keys/],
      [{ address: chain.address, topics: [CREDIT_ADVANCED, Array.from({ length: 101 }, (_, i) => id(`k${i}`))] }, /Name 1 to 100/],
      [{ address: chain.address, topics: [CREDIT_ADVANCED, creditKey(CREDIT), id("x")] }, /Name 1 to 100/],
    ];
    for (const [filter, message] of cases) expect((await getLogs(filter)).error?.message, JSON.stringify(filter)).toMatch(message);
  });

  it("still refuses methods a verifier does not need, and calls to other contracts", async () => {
    expect((await relay({ jsonrpc: "2.0", id: 1, method: "eth_sendRawTransaction", params: ["0x00"] })).error?.message).toMatch(/Method not allowed/);
    expect((await relay({ jsonrpc: "2.0", id: 1, method: "eth_call", params: [{ to: "0x000000000000000000000000000000000000dEaD", data: "0x" }, "latest"] })).error?.message).toMatch(
      /Only the AnchorRegistry may be read/,
    );
  });
});

// Issue 12, M4: the relay forwarded the caller's call object as sent. Each attack below is
// replayed against the real anvil through relayRequest, with a fetch that records exactly what
// reaches the node.
describe("the public RPC relay against abuse (issue 12, M4)", () => {
  const IS_ANCHORED = anchorRegistryInterface.encodeFunctionData("isAnchored", [id("a root")]);
  const ANCHOR = anchorRegistryInterface.encodeFunctionData("anchorRoot", [id("another root"), 1]);

  function relayWith(options: { limiter?: RateLimiter; timeoutMs?: number; upstream?: string } = {}) {
    const sent: unknown[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      sent.push(JSON.parse(String(init?.body)));
      return fetch(input, init);
    };
    const call = async (body: unknown, raw?: string) => {
      const request = new Request("http://localhost/api/public/rpc", { method: "POST", body: raw ?? JSON.stringify(body) });
      return relayRequest(request, {
        upstream: options.upstream ?? chain.rpcUrl,
        contract: chain.address,
        limiter: options.limiter ?? new RateLimiter({ burst: 10_000, perSecond: 1_000 }),
        client: "192.0.2.1",
        fetch: recordingFetch,
        timeoutMs: options.timeoutMs,
      });
    };
    return { call, sent };
  }

  it("drops state overrides, gas, from and value: the node runs the registry's own code only", async () => {
    const { call, sent } = relayWith();
    // An override that replaces the registry's code with one that returns 1 for any call.
    const override = { [chain.address]: { code: "0x600160005260206000f3" } };
    const answer = await call({ jsonrpc: "2.0", id: "x", method: "eth_call", params: [{ to: chain.address, data: IS_ANCHORED, gas: "0x3b9aca00", from: chain.anchorer, value: "0x1", gasPrice: "0x1" }, "latest", override] });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: "x", result: `0x${"0".repeat(63)}1` }); // true, and by the real code: the root is anchored
    expect(sent).toEqual([[{ jsonrpc: "2.0", id: 0, method: "eth_call", params: [{ to: chain.address, data: IS_ANCHORED }, "latest"] }]]);

    // The override would have answered "true" for a root never anchored; the relay's answer is the chain's.
    const never = anchorRegistryInterface.encodeFunctionData("isAnchored", [id("never anchored")]);
    const answer2 = await call({ jsonrpc: "2.0", id: 2, method: "eth_call", params: [{ to: chain.address, data: never }, "latest", override] });
    expect(answer2.body).toMatchObject({ result: `0x${"0".repeat(64)}` });
  });

  it("refuses writes, unknown selectors, malformed data and block tags, before anything reaches the node", async () => {
    const { call, sent } = relayWith();
    const cases: [unknown[], RegExp][] = [
      [[{ to: chain.address, data: ANCHOR }, "latest"], /read functions/],
      [[{ to: chain.address, data: "0xdeadbeef" }, "latest"], /read functions/],
      [[{ to: chain.address, data: "0x12" }, "latest"], /data of one of the registry's read functions/],
      [[{ to: chain.address, data: `${IS_ANCHORED}zz` }, "latest"], /data of one of the registry's read functions/],
      [[{ to: chain.address, data: IS_ANCHORED }, "pending"], /block/],
      [[{ to: chain.address, data: IS_ANCHORED }, { blockNumber: "0x1" }], /block/],
      [[{ to: chain.address, data: IS_ANCHORED }, "0x01"], /block/],
    ];
    for (const [params, message] of cases) {
      const answer = await call({ jsonrpc: "2.0", id: 1, method: "eth_call", params });
      expect((answer.body as { error?: { message: string } }).error?.message, JSON.stringify(params)).toMatch(message);
    }
    expect(((await call({ jsonrpc: "2.0", id: 1, method: "eth_getLogs", params: [{ address: chain.address, topics: [CREDIT_ADVANCED, "0x1234"] }] })).body as { error: { message: string } }).error.message).toMatch(/32-byte/);
    expect(((await call({ jsonrpc: "2.0", id: 1, method: "eth_getCode", params: ["0x000000000000000000000000000000000000dEaD", "latest"] })).body as { error: { message: string } }).error.message).toMatch(/Only the AnchorRegistry/);
    expect(sent).toEqual([]);
  });

  it("caps the body at 1 MB and a batch at 100 calls", async () => {
    const { call, sent } = relayWith();
    const big = await call(undefined, JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [], pad: "x".repeat(MAX_BODY_BYTES) }));
    expect(big.status).toBe(413);
    const batch = await call(Array.from({ length: MAX_BATCH + 1 }, (_, i) => ({ jsonrpc: "2.0", id: i, method: "eth_chainId" })));
    expect(batch.status).toBe(400);
    const full = await call(Array.from({ length: MAX_BATCH }, (_, i) => ({ jsonrpc: "2.0", id: `c${i}`, method: "eth_chainId" })));
    expect(full.status).toBe(200);
    expect((full.body as { id: string; result: string }[]).map((a) => a.id)).toEqual(Array.from({ length: MAX_BATCH }, (_, i) => `c${i}`));
    expect(sent).toHaveLength(1);
  });

  it("limits each client per call, with Retry-After", async () => {
    const { call } = relayWith({ limiter: new RateLimiter({ burst: 5, perSecond: 0.5 }) });
    expect((await call(Array.from({ length: 5 }, (_, i) => ({ jsonrpc: "2.0", id: i, method: "eth_chainId" })))).status).toBe(200);
    const limited = await call({ jsonrpc: "2.0", id: 1, method: "eth_chainId" });
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBeGreaterThanOrEqual(1);
  });

  it("gives up on a node that does not answer, with 504", async () => {
    const silent = net.createServer(() => {}); // accepts and never answers
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const { call } = relayWith({ upstream: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, timeoutMs: 300 });
      const started = Date.now();
      const answer = await call({ jsonrpc: "2.0", id: 7, method: "eth_blockNumber" });
      expect(answer.status).toBe(504);
      expect(answer.body).toMatchObject({ id: 7, error: { message: "The chain did not answer in time" } });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      silent.close();
    }
  });
});
