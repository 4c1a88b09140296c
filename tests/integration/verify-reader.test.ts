import { createHash } from "node:crypto";
import { ContractFactory, Wallet, id, toQuantity } from "ethers";
import { beforeAll, describe, expect, it } from "vitest";
import { creditKey } from "@/lib/anchoring/credit-key";
import { documentCommitment } from "@/lib/anchoring/document-commitment";
import { buildBatch } from "@/lib/anchoring/merkle";
import { connectAnchorRegistry } from "@/lib/chain/anchor-registry";
import { checkDocumentAnchoring } from "@/lib/verify/document-proof";
import { anchorRegistryAbi, anchorRegistryBytecode } from "@/lib/chain/generated/anchor-registry";
import { type AnchorReader, perRootAnchorReader, rpcAnchorReader, verifierProvider } from "@/lib/verify/reader";
import { type ChainFixture, deployedRegistry } from "./support/chain";

// The readers against a real AnchorRegistryV2 on anvil: every answer is read at the block it
// names, keyed as the verifier looks it up, and a wrong address says so in words.

const CREDIT = "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const R1 = id("reader root 1");
const R2 = id("reader root 2");
const NEVER = id("reader root never anchored");
const NOBODY = "0x000000000000000000000000000000000000dEaD";

let chain: ChainFixture;
let before: number; // a block before anything was anchored
let block1: number;
let block2: number;
let tx1: string;
let tx2: string;

beforeAll(async () => {
  chain = await deployedRegistry();
  before = await chain.provider.getBlockNumber();
  const key = creditKey(CREDIT);
  const first = await (await chain.registry.anchor(R1, 3, [{ creditKey: key, seq: 2, digest: id("digest 2") }])).wait();
  const second = await (await chain.registry.anchor(R2, 1, [{ creditKey: key, seq: 3, digest: id("digest 3") }])).wait();
  block1 = first!.blockNumber;
  block2 = second!.blockNumber;
  tx1 = first!.hash.toLowerCase();
  tx2 = second!.hash.toLowerCase();
});

const readers = (): [string, AnchorReader][] => [
  ["rpcAnchorReader", rpcAnchorReader(chain.provider, chain.address)],
  ["perRootAnchorReader", perRootAnchorReader(chain.provider, chain.address)],
  ["rpcAnchorReader (chunks of 1)", rpcAnchorReader(chain.provider, chain.address, 1)],
];

describe("anchorsOf", () => {
  it("answers each root once, keyed lower-case, with the contract's record, and null for a root never anchored", async () => {
    for (const [name, reader] of readers()) {
      const answers = await reader.anchorsOf([R1.toUpperCase().replace("0X", "0x"), R1, NEVER, R2]);
      expect([...answers.keys()], name).toEqual([R1, NEVER, R2]);
      const { timestamp } = (await chain.provider.getBlock(block1))!;
      expect(answers.get(R1), name).toEqual({ timestamp, blockNumber: block1, leafCount: 3, anchorer: chain.anchorer });
      expect(answers.get(R2), name).toMatchObject({ blockNumber: block2, leafCount: 1, anchorer: chain.anchorer });
      expect(answers.get(NEVER), name).toBeNull();
    }
  });

  it("reads at the block it is given: before the anchor, the root is unknown", async () => {
    for (const [name, reader] of readers()) {
      const answers = await reader.anchorsOf([R1, R2], block1);
      expect(answers.get(R1), name).toMatchObject({ blockNumber: block1 });
      expect(answers.get(R2), name).toBeNull();
      expect((await reader.anchorsOf([R1], before)).get(R1), name).toBeNull();
    }
  });

  it("answers no roots with an empty map, without asking the node", async () => {
    const provider = verifierProvider(chain.rpcUrl, chain.chainId);
    let calls = 0;
    provider.on("debug", (event: { action: string }) => {
      if (event.action === "sendRpcPayload") calls++;
    });
    const answers = await rpcAnchorReader(provider, chain.address).anchorsOf([]);
    expect(answers).toEqual(new Map());
    expect(calls).toBe(0);
    provider.destroy();
  });

  // Errors are caught, not matched with `rejects.toThrow`: Vitest's passes when a promise
  // rejects with undefined.
  const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

  it("says that no registry answers at an address without code, naming it", async () => {
    for (const reader of [rpcAnchorReader(chain.provider, NOBODY), perRootAnchorReader(chain.provider, NOBODY)]) {
      const error = await failure(reader.anchorsOf([R1]));
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toBe(
        `No AnchorRegistry contract answers at ${NOBODY} on this endpoint: check the contract address and that the RPC endpoint serves the chain it was deployed on.`,
      );
    }
  });

  it("passes on other errors as they are: a node's refusal, a contract that answers something else", async () => {
    const reader = rpcAnchorReader(chain.provider, chain.address);
    expect(await failure(reader.anchorsOf([R1], block2 + 1_000_000))).toMatchObject({ code: "CALL_EXCEPTION" });
    // A contract whose every call returns one zero byte: an answer, but not a registry's.
    // Init code: PUSH5 runtime, PUSH1 0, MSTORE, PUSH1 5, PUSH1 27, RETURN.
    const runtime = "60016000f3"; // PUSH1 1, PUSH1 0, RETURN
    const deployed = await (await chain.admin.sendTransaction({ data: `0x64${runtime}6000526005601bf3` })).wait();
    const oneByte = deployed!.contractAddress!;
    expect(await chain.provider.getCode(oneByte)).toBe(`0x${runtime}`);
    const error = await failure(rpcAnchorReader(chain.provider, oneByte).anchorsOf([R1]));
    expect(error).toMatchObject({ code: "BAD_DATA", value: "0x00" });
    // A malformed root is the caller's mistake, not a missing registry.
    const malformed = await failure(reader.anchorsOf(["0x"]));
    expect(malformed).toMatchObject({ code: "INVALID_ARGUMENT" });
    expect((malformed as Error).message).not.toMatch(/No AnchorRegistry/);
  });

  it("names the registry checksummed", () => {
    expect(rpcAnchorReader(chain.provider, chain.address.toLowerCase()).contractAddress).toBe(chain.address);
  });
});

describe("the chain and the registry", () => {
  it("asks the node its chain id and head", async () => {
    const reader = rpcAnchorReader(chain.provider, chain.address);
    expect(await reader.chainId!()).toBe(31337n);
    const head = await reader.blockNumber!();
    expect(head).toBe(await chain.provider.getBlockNumber());
    expect(head).toBeGreaterThanOrEqual(block2);
  });

  it("says version 2 for AnchorRegistryV2 and 1 for the first registry", async () => {
    expect(await rpcAnchorReader(chain.provider, chain.address).registryVersion!()).toBe(2);
    const factory = new ContractFactory(anchorRegistryAbi, anchorRegistryBytecode, chain.admin);
    const v1 = await factory.deploy(await chain.admin.getAddress(), chain.anchorer);
    await v1.waitForDeployment();
    expect(await rpcAnchorReader(chain.provider, await v1.getAddress()).registryVersion!()).toBe(1);
  });

  it("refuses an address where no registry answers", async () => {
    const error = await rpcAnchorReader(chain.provider, NOBODY).registryVersion!().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      `No AnchorRegistry contract answers at ${NOBODY} on this endpoint: check the contract address and that the RPC endpoint serves the chain it was deployed on.`,
    );
  });
});

describe("heads and logs", () => {
  it("reads the credit's heads in the range asked, in chain order, with lower-case transactions", async () => {
    const reader = rpcAnchorReader(chain.provider, chain.address);
    expect(await reader.creditHeads!(creditKey(CREDIT), before, block2)).toEqual([
      { seq: 2, digest: id("digest 2"), blockNumber: block1, txHash: tx1 },
      { seq: 3, digest: id("digest 3"), blockNumber: block2, txHash: tx2 },
    ]);
    expect(await reader.creditHeads!(creditKey(CREDIT), block2, block2)).toEqual([{ seq: 3, digest: id("digest 3"), blockNumber: block2, txHash: tx2 }]);
    expect(await reader.creditHeads!(creditKey("another credit"), before, block2)).toEqual([]);
  });

  it("reads the transaction of each root's log in the range asked", async () => {
    const reader = rpcAnchorReader(chain.provider, chain.address);
    expect(await reader.rootTransactions!([R1, R2, NEVER], before, block2)).toEqual(
      new Map([
        [R1, [tx1]],
        [R2, [tx2]],
      ]),
    );
    expect(await reader.rootTransactions!([R1, R2], block2, block2)).toEqual(new Map([[R2, [tx2]]]));
  });

  it("says which accounts hold the anchorer role at a block, each once, keyed checksummed", async () => {
    const reader = rpcAnchorReader(chain.provider, chain.address);
    const stranger = Wallet.createRandom().address;
    const roles = await reader.anchorerRoles!([chain.anchorer.toLowerCase(), chain.anchorer, stranger], "latest");
    expect(roles).toEqual(
      new Map([
        [chain.anchorer, true],
        [stranger, false],
      ]),
    );
    // Granted later: at an earlier block the account did not hold the role yet.
    const granted = await (await connectAnchorRegistry(chain.address, chain.admin).grantAnchorerRole(stranger)).wait();
    expect((await reader.anchorerRoles!([stranger], granted!.blockNumber - 1)).get(stranger)).toBe(false);
    expect((await reader.anchorerRoles!([stranger], granted!.blockNumber)).get(stranger)).toBe(true);
  });
});

describe("verifierProvider", () => {
  it("fixes the network it is given without asking the node, and detects it otherwise", async () => {
    const fixed = verifierProvider(chain.rpcUrl, 5);
    expect((await fixed.getNetwork()).chainId).toBe(5n);
    const detected = verifierProvider(chain.rpcUrl);
    expect((await detected.getNetwork()).chainId).toBe(31337n);
    await detected.getBlockNumber();
    // Detected once: later reads do not ask the chain id again.
    let asked = 0;
    detected.on("debug", (event: { action: string; payload?: { method: string } | { method: string }[] }) => {
      if (event.action === "sendRpcPayload") asked += [event.payload ?? []].flat().filter((p) => p.method === "eth_chainId").length;
    });
    await detected.getBlockNumber();
    await rpcAnchorReader(detected, chain.address).anchorsOf([R1]);
    await detected.getNetwork();
    expect(asked).toBe(0);
    fixed.destroy();
    detected.destroy();
  });

  it("gives up after its timeout instead of ethers' five minutes, batches up to 20 reads and caches none", () => {
    const provider = verifierProvider(chain.rpcUrl, 31337n);
    expect(provider._getConnection().timeout).toBe(30_000);
    expect(verifierProvider(chain.rpcUrl, 31337n, 1_500)._getConnection().timeout).toBe(1_500);
    expect(provider._getOption("batchMaxCount")).toBe(20);
    expect(provider._getOption("cacheTimeout")).toBe(-1);
    expect(provider._getConnection().url).toBe(chain.rpcUrl);
    provider.destroy();
  });
});

describe("checkDocumentAnchoring", () => {
  /** The chain's provider, except that it answers `method` with `answer`. */
  const pinned = (method: string, answer: string) => ({
    provider: chain.provider,
    call: (tx: Parameters<typeof chain.provider.call>[0]) => chain.provider.call(tx),
    send: (m: string, params: unknown[]) => (m === method ? Promise.resolve(answer) : chain.provider.send(m, params)),
  });
  const hash = createHash("sha256").update("reader drill: a document").digest("hex");
  const commitment = documentCommitment(hash);

  it("reads the registry a confirmation depth below the head the node states, on the chain the node serves", async () => {
    const tree = buildBatch([commitment, id("a neighbour leaf")]);
    const mined = (await (await chain.registry.anchorRoot(tree.root, 2)).wait())!;
    const { timestamp } = (await chain.provider.getBlock(mined.blockNumber))!;
    const lookup = { sha256: hash, commitment, anchors: [{ chainId: "31337", contractAddress: chain.address, root: tree.root, proof: tree.proofs.get(commitment)! }] };
    // The node's head is pinned, so other files mining meanwhile change nothing here.
    const head = mined.blockNumber + 4;
    const runner = pinned("eth_blockNumber", toQuantity(head));
    const check = (confirmations?: number) => checkDocumentAnchoring({ sha256: hash, lookup, contractAddress: chain.address, confirmations, runner });

    for (const confirmations of [undefined, 0, 1, 5]) {
      expect(await check(confirmations), String(confirmations)).toMatchObject({
        status: "anchored",
        chainId: "31337",
        root: tree.root,
        blockNumber: mined.blockNumber,
        anchoredAt: new Date(timestamp * 1000).toISOString(),
        notes: [],
      });
    }
    // Six deep reads the block before the anchor: not counted yet.
    expect(await check(6)).toMatchObject({ status: "not-anchored", reasons: [`Root ${tree.root.slice(0, 10)}… is not anchored in registry ${chain.address} on chain 31337.`] });
  });

  it("counts a claim only on the chain the node says it serves", async () => {
    const tree = buildBatch([commitment, id("another neighbour leaf")]);
    await (await chain.registry.anchorRoot(tree.root, 2)).wait();
    const lookup = { sha256: hash, anchors: [{ chainId: "31337", contractAddress: chain.address, root: tree.root, proof: tree.proofs.get(commitment)! }] };
    const otherChain = pinned("eth_chainId", "0x5");
    expect(await checkDocumentAnchoring({ sha256: hash, lookup, contractAddress: chain.address, runner: otherChain })).toMatchObject({
      status: "not-anchored",
      chainId: "5",
      reasons: ["A claim is on chain 31337, but the endpoint serves chain 5: not counted."],
    });
  });

  it("counts an anchor only by a published anchorer, with the leaf count the registry records", async () => {
    const tree = buildBatch([commitment, id("a third neighbour leaf"), id("and a fourth")]);
    await (await chain.registry.anchorRoot(tree.root, 3)).wait();
    const lookup = { sha256: hash, anchors: [{ chainId: "31337", contractAddress: chain.address, root: tree.root, proof: tree.proofs.get(commitment)! }] };
    const check = (allowedAnchorers: string[]) => checkDocumentAnchoring({ sha256: hash, lookup, contractAddress: chain.address, allowedAnchorers, runner: chain.provider });
    expect((await check([chain.anchorer])).status).toBe("anchored");
    expect(await check([NOBODY])).toMatchObject({ status: "not-anchored", reasons: [`Root ${tree.root.slice(0, 10)}… was anchored by ${chain.anchorer}, not by a published anchorer: not counted.`] });
  });
});
