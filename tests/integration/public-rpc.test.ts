import { id } from "ethers";
import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/public/rpc/route";
import { creditKey } from "@/lib/anchoring/credit-key";
import { resetConfigCache } from "@/lib/config";
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
