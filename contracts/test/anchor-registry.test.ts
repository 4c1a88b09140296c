import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  AbiCoder,
  Contract,
  ContractFactory,
  JsonRpcProvider,
  Network,
  type TransactionReceipt,
  Wallet,
  ZeroAddress,
  ZeroHash,
  getAddress,
  hexlify,
  id,
  keccak256,
  randomBytes,
  toBeHex,
  toQuantity,
  zeroPadValue,
} from "ethers";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import {
  ANCHORER_ROLE,
  type AnchorRegistry,
  type CreditHeadInput,
  packHeads,
  anchorErrorName,
  anchorRegistryInterface,
  connectAnchorRegistry,
  decodeAnchorError,
} from "@/lib/chain/anchor-registry";
import {
  deployAnchorRegistry,
  deploymentFile,
  readDeployment,
  registryVersion,
  resolveAnchorRegistryAddress,
  writeDeployment,
} from "@/lib/chain/deploy";
import { anchorRegistryAbi as v1Abi, anchorRegistryBytecode as v1Bytecode } from "@/lib/chain/generated/anchor-registry";
import { anchorRegistryV2Bytecode } from "@/lib/chain/generated/anchor-registry-v2";
import { type SerialNonceManager, chainIdOf, makeProvider, makeSigner } from "@/lib/chain/provider";
import { rpcAnchorReader } from "@/lib/verify/reader";

// Every behaviour of AnchorRegistryV2 (contracts/AnchorRegistryV2.sol) and of lib/chain against
// the run's real anvil, and the version 1 registry that old proof bundles still point at.
// The chain is shared with other test files running in parallel, so each test deploys its own
// registry and sends from fresh accounts funded with anvil_setBalance rather than from
// ANVIL_DEV_KEYS: another file sending from a dev key at the same moment would take our nonce.

const DEFAULT_ADMIN_ROLE = ZeroHash;
/** The fragment auditors' verifiers use without the generated ABI (written for version 1); it must keep working. */
const VERIFIER_ANCHORS_OF =
  "function anchorsOf(bytes32[] roots) view returns ((uint64 timestamp, uint64 blockNumber, uint32 leafCount, address anchorer)[])";
/** The registry's mapping of roots is its second state variable, after AccessControl's `_roles`. */
const ANCHORS_SLOT = 1n;
/** OpenAttestation DocumentStore's issue(bytes32): the figure the contract promises to stay under (bench/anchoring.ts measures both). */
const DOCUMENT_STORE_ISSUE_GAS = 48_262n;

let provider: JsonRpcProvider;
let chainId: bigint;

beforeAll(async () => {
  provider = makeProvider(inject("anvilUrl"));
  chainId = await chainIdOf(provider);
});
afterAll(() => provider.destroy());

let rootCounter = 0;
/** A distinct root per call, also across test files and runs. */
const newRoot = () => keccak256(Buffer.from(`root-${process.pid}-${Date.now()}-${rootCounter++}-${Math.random()}`));
const random32 = () => hexlify(randomBytes(32));
const head = (seq: number, creditKey = random32()): CreditHeadInput => ({ creditKey, digest: random32(), seq });

async function fundedSigner(): Promise<SerialNonceManager> {
  const wallet = Wallet.createRandom();
  await provider.send("anvil_setBalance", [wallet.address, toBeHex(10n ** 20n)]);
  return makeSigner(wallet.privateKey, provider);
}

/** The rejection of `promise`, decoded as a registry error. */
async function revertOf(promise: Promise<unknown>): Promise<{ name: string | null; args: unknown[] }> {
  const error = await promise.then(
    () => {
      throw new Error("expected a revert, but the call succeeded");
    },
    (e: unknown) => e,
  );
  const decoded = decodeAnchorError(error);
  return { name: decoded?.name ?? null, args: decoded?.args ?? [] };
}

async function mined(promise: Promise<{ wait(): Promise<TransactionReceipt | null> }>): Promise<TransactionReceipt> {
  const receipt = await (await promise).wait();
  if (!receipt) throw new Error("no receipt");
  return receipt;
}

/** The storage slot of `root` in the registry's `_anchors` mapping. */
const anchorSlot = (root: string) => keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32", "uint256"], [root, ANCHORS_SLOT]));

/** What the contract packs into a root's slot: anchorer | timestamp (40 bits) | block number (40) | leaf count (16). */
const packed = (anchorer: string, timestamp: number, blockNumber: number, leafCount: number) =>
  toBeHex((BigInt(anchorer) << 96n) | (BigInt(timestamp) << 56n) | (BigInt(blockNumber) << 16n) | BigInt(leafCount), 32);

describe("AnchorRegistryV2", () => {
  let admin: SerialNonceManager;
  let anchorer: SerialNonceManager;
  let outsider: SerialNonceManager;
  let address: string;
  /** The registry as seen by each account. */
  let asAdmin: AnchorRegistry;
  let asAnchorer: AnchorRegistry;
  let asOutsider: AnchorRegistry;
  let contract: Contract;

  beforeEach(async () => {
    [admin, anchorer, outsider] = await Promise.all([fundedSigner(), fundedSigner(), fundedSigner()]);
    const deployment = await deployAnchorRegistry({ signer: admin, anchorer: await anchorer.getAddress() });
    address = deployment.address;
    asAdmin = connectAnchorRegistry(address, admin);
    asAnchorer = connectAnchorRegistry(address, anchorer);
    asOutsider = connectAnchorRegistry(address, outsider);
    contract = new Contract(address, anchorRegistryInterface, provider);
  });

  describe("construction and roles", () => {
    it("reports VERSION 2", async () => {
      expect(await contract.getFunction("VERSION")()).toBe(2n);
      expect(await registryVersion(provider, address)).toBe(2);
    });

    it("grants the admin role to the admin only and the anchorer role to the anchorer only", async () => {
      const hasRole = contract.getFunction("hasRole");
      expect(await hasRole(DEFAULT_ADMIN_ROLE, await admin.getAddress())).toBe(true);
      expect(await hasRole(DEFAULT_ADMIN_ROLE, await anchorer.getAddress())).toBe(false);
      expect(await asAdmin.hasAnchorerRole(await anchorer.getAddress())).toBe(true);
      expect(await asAdmin.hasAnchorerRole(await admin.getAddress())).toBe(false);
      expect(await contract.getFunction("ANCHORER_ROLE")()).toBe(id("ANCHORER_ROLE"));
      expect(await contract.getFunction("getRoleAdmin")(ANCHORER_ROLE)).toBe(DEFAULT_ADMIN_ROLE);
    });

    it("constructor rejects a zero admin or a zero anchorer with ZeroAddress", async () => {
      const factory = new ContractFactory(anchorRegistryInterface, anchorRegistryV2Bytecode, admin);
      const someone = await anchorer.getAddress();
      expect(await revertOf(factory.deploy(ZeroAddress, someone))).toEqual({ name: "ZeroAddress", args: [] });
      expect(await revertOf(factory.deploy(someone, ZeroAddress))).toEqual({ name: "ZeroAddress", args: [] });
      expect(await revertOf(factory.deploy(ZeroAddress, ZeroAddress))).toEqual({ name: "ZeroAddress", args: [] });
    });

    it("constructor rejects the same account as admin and anchorer with AdminIsAnchorer", async () => {
      // Straight to the contract: deployAnchorRegistry refuses this before sending (tested below).
      const factory = new ContractFactory(anchorRegistryInterface, anchorRegistryV2Bytecode, admin);
      const hot = await anchorer.getAddress();
      expect(await revertOf(factory.deploy(hot, hot))).toEqual({ name: "AdminIsAnchorer", args: [] });
    });

    it("lets the admin grant the anchorer role to another account, which may then anchor", async () => {
      const account = await outsider.getAddress();
      await mined(asAdmin.grantAnchorerRole(account));
      expect(await asAdmin.hasAnchorerRole(account)).toBe(true);
      const root = newRoot();
      await mined(asOutsider.anchor(root, 1, [head(1)]));
      expect((await asAdmin.anchorOf(root))?.anchorer).toBe(account);
    });

    it("rejects an anchorer whose role the admin revoked with AccessControlUnauthorizedAccount", async () => {
      const revoked = await anchorer.getAddress();
      await mined(asAdmin.revokeAnchorerRole(revoked));
      expect(await asAdmin.hasAnchorerRole(revoked)).toBe(false);
      const root = newRoot();
      const expected = { name: "AccessControlUnauthorizedAccount", args: [revoked, ANCHORER_ROLE] };
      expect(await revertOf(asAnchorer.anchor(root, 1, [head(1)]))).toEqual(expected);
      expect(await revertOf(asAnchorer.anchorRoot(root, 1))).toEqual(expected);
      expect(await asOutsider.isAnchored(root)).toBe(false);
    });

    it("rejects an anchorer granting the anchorer role, to another account or back to itself", async () => {
      const hot = await anchorer.getAddress();
      const expected = { name: "AccessControlUnauthorizedAccount", args: [hot, DEFAULT_ADMIN_ROLE] };
      expect(await revertOf(asAnchorer.grantAnchorerRole(await outsider.getAddress()))).toEqual(expected);
      expect(await revertOf(contract.connect(anchorer).getFunction("grantRole")(DEFAULT_ADMIN_ROLE, hot))).toEqual(expected);
      expect(await asAdmin.hasAnchorerRole(await outsider.getAddress())).toBe(false);
      expect(await contract.getFunction("hasRole")(DEFAULT_ADMIN_ROLE, hot)).toBe(false);
    });

    it("rejects an anchorer revoking another anchorer", async () => {
      const other = await outsider.getAddress();
      await mined(asAdmin.grantAnchorerRole(other));
      expect(await revertOf(asAnchorer.revokeAnchorerRole(other))).toEqual({
        name: "AccessControlUnauthorizedAccount",
        args: [await anchorer.getAddress(), DEFAULT_ADMIN_ROLE],
      });
      expect(await asAdmin.hasAnchorerRole(other)).toBe(true);
    });

    it("rejects an outsider granting the anchorer role", async () => {
      const account = await outsider.getAddress();
      expect(await revertOf(asOutsider.grantAnchorerRole(account))).toEqual({ name: "AccessControlUnauthorizedAccount", args: [account, DEFAULT_ADMIN_ROLE] });
      expect(await asAdmin.hasAnchorerRole(account)).toBe(false);
    });

    it("lets an anchorer renounce its own role, and nobody renounce for another (AccessControlBadConfirmation)", async () => {
      const hot = await anchorer.getAddress();
      const renounce = (signer: SerialNonceManager, account: string) => contract.connect(signer).getFunction("renounceRole")(ANCHORER_ROLE, account);
      expect(await revertOf(renounce(outsider, hot))).toEqual({ name: "AccessControlBadConfirmation", args: [] });
      expect(await asAdmin.hasAnchorerRole(hot)).toBe(true);
      await mined(renounce(anchorer, hot));
      expect(await asAdmin.hasAnchorerRole(hot)).toBe(false);
    });
  });

  describe("anchoring", () => {
    it("anchors a root and records exactly the mined block's timestamp and number, the leaf count and the anchorer", async () => {
      const root = newRoot();
      const receipt = await mined(asAnchorer.anchor(root, 17, [head(3), head(9)]));
      const block = (await provider.getBlock(receipt.blockNumber))!;
      expect(await asOutsider.anchorOf(root)).toEqual({
        root,
        timestamp: block.timestamp,
        blockNumber: block.number,
        leafCount: 17,
        anchorer: await anchorer.getAddress(),
      });
      expect(await asOutsider.isAnchored(root)).toBe(true);
    });

    it("anchorRoot anchors a root that advances no credit, recorded the same way", async () => {
      const root = newRoot();
      const receipt = await mined(asAnchorer.anchorRoot(root, 4));
      const block = (await provider.getBlock(receipt.blockNumber))!;
      expect(await asOutsider.anchorOf(root)).toEqual({ root, timestamp: block.timestamp, blockNumber: block.number, leafCount: 4, anchorer: await anchorer.getAddress() });
      expect(receipt.logs.map((l) => l.topics[0])).toEqual([id("RootAnchored(bytes32)")]);
    });

    it("keeps every field intact in the one packed slot: leaf count 65,535 beside an anchorer of all one bits", async () => {
      // An address of all one bits and the largest uint16 leave no room for a shift or mask to
      // bleed into the timestamp and block number between them.
      const ones = getAddress("0xffffffffffffffffffffffffffffffffffffffff");
      await mined(asAdmin.grantAnchorerRole(ones));
      await provider.send("anvil_setBalance", [ones, toBeHex(10n ** 18n)]);
      await provider.send("anvil_impersonateAccount", [ones]);
      try {
        const asOnes = connectAnchorRegistry(address, await provider.getSigner(ones));
        const root = newRoot();
        const receipt = await mined(asOnes.anchorRoot(root, 65_535));
        const block = (await provider.getBlock(receipt.blockNumber))!;
        expect(await asOutsider.anchorOf(root)).toEqual({ root, timestamp: block.timestamp, blockNumber: block.number, leafCount: 65_535, anchorer: ones });
        expect(await provider.getStorage(address, anchorSlot(root))).toBe(packed(ones, block.timestamp, block.number, 65_535));
      } finally {
        await provider.send("anvil_stopImpersonatingAccount", [ones]);
      }
    });

    it("accepts a batch of 65,535 leaves with one head, and as many heads as leaves", async () => {
      const big = newRoot();
      await mined(asAnchorer.anchor(big, 65_535, [head(10)]));
      expect((await asOutsider.anchorOf(big))?.leafCount).toBe(65_535);
      const full = newRoot();
      await mined(asAnchorer.anchor(full, 3, [head(1), head(2), head(3)]));
      expect((await asOutsider.anchorOf(full))?.leafCount).toBe(3);
    });

    it("writes exactly one storage slot per root, holding the packed anchor, however many heads it publishes", async () => {
      const root = newRoot();
      const receipt = await mined(asAnchorer.anchor(root, 256, Array.from({ length: 12 }, (_, i) => head(i + 1))));
      const block = (await provider.getBlock(receipt.blockNumber))!;
      // What the transaction changed, account by account (anvil replays it with geth's prestateTracer).
      const diff = (await provider.send("debug_traceTransaction", [receipt.hash, { tracer: "prestateTracer", tracerConfig: { diffMode: true } }])) as {
        pre: Record<string, { storage?: Record<string, string> }>;
        post: Record<string, { storage?: Record<string, string> }>;
      };
      const key = address.toLowerCase();
      expect(diff.pre[key]?.storage ?? {}).toEqual({}); // the slot was empty before
      expect(diff.post[key]?.storage).toEqual({ [anchorSlot(root)]: packed(await anchorer.getAddress(), block.timestamp, block.number, 256) });
      expect(await provider.getStorage(address, anchorSlot(root))).toBe(packed(await anchorer.getAddress(), block.timestamp, block.number, 256));
      // Nothing beside it: the next slot stays empty (version 1 used two per root).
      expect(await provider.getStorage(address, BigInt(anchorSlot(root)) + 1n)).toBe(ZeroHash);
    });

    it("emits RootAnchored(root) and then one CreditAdvanced(creditKey, seq, digest) per head, in the order given", async () => {
      const root = newRoot();
      const heads = [head(7), head(1), head(4_294_967_295)]; // seq up to uint32's largest
      const receipt = await mined(asAnchorer.anchor(root, 10, heads));
      expect(receipt.logs.map((l) => l.address)).toEqual(Array(4).fill(address));
      const [rootLog, ...headLogs] = receipt.logs;
      expect(rootLog!.topics).toEqual([id("RootAnchored(bytes32)"), root]);
      expect(rootLog!.data).toBe("0x");
      expect(headLogs.map((l) => l.topics)).toEqual(heads.map((h) => [id("CreditAdvanced(bytes32,uint32,bytes32)"), h.creditKey]));
      expect(headLogs.map((l) => AbiCoder.defaultAbiCoder().decode(["uint32", "bytes32"], l.data).toArray())).toEqual(heads.map((h) => [BigInt(h.seq), h.digest]));
    });

    it("anchors a root with an empty list of heads (a root that advances no credit)", async () => {
      const root = newRoot();
      const receipt = await mined(asAnchorer.anchor(root, 1, []));
      expect(receipt.logs).toHaveLength(1);
      expect(await asOutsider.isAnchored(root)).toBe(true);
    });

    it("rejects a root anchored twice with AlreadyAnchored(root) and keeps the first anchor", async () => {
      const root = newRoot();
      await mined(asAnchorer.anchor(root, 1, [head(1)]));
      const first = await asOutsider.anchorOf(root);
      expect(await revertOf(asAnchorer.anchor(root, 2, [head(2)]))).toEqual({ name: "AlreadyAnchored", args: [root] });
      expect(await asOutsider.anchorOf(root)).toEqual(first);
    });

    it("rejects a root anchored once by either function when it comes again through the other", async () => {
      const [viaAnchor, viaAnchorRoot] = [newRoot(), newRoot()];
      await mined(asAnchorer.anchor(viaAnchor, 1, [head(1)]));
      await mined(asAnchorer.anchorRoot(viaAnchorRoot, 1));
      expect(await revertOf(asAnchorer.anchorRoot(viaAnchor, 1))).toEqual({ name: "AlreadyAnchored", args: [viaAnchor] });
      expect(await revertOf(asAnchorer.anchor(viaAnchorRoot, 1, []))).toEqual({ name: "AlreadyAnchored", args: [viaAnchorRoot] });
      expect(await revertOf(asAnchorer.anchorRoot(viaAnchorRoot, 1))).toEqual({ name: "AlreadyAnchored", args: [viaAnchorRoot] });
    });

    it("rejects the zero root with ZeroRoot", async () => {
      expect(await revertOf(asAnchorer.anchor(ZeroHash, 1, [head(1)]))).toEqual({ name: "ZeroRoot", args: [] });
      expect(await revertOf(asAnchorer.anchorRoot(ZeroHash, 1))).toEqual({ name: "ZeroRoot", args: [] });
      expect(await asOutsider.isAnchored(ZeroHash)).toBe(false);
    });

    it("rejects an empty batch with EmptyBatch", async () => {
      const root = newRoot();
      expect(await revertOf(asAnchorer.anchor(root, 0, []))).toEqual({ name: "EmptyBatch", args: [] });
      expect(await revertOf(asAnchorer.anchorRoot(root, 0))).toEqual({ name: "EmptyBatch", args: [] });
      expect(await asOutsider.isAnchored(root)).toBe(false);
    });

    it("rejects more heads than leaves with TooManyHeads(heads, leafCount)", async () => {
      const root = newRoot();
      expect(await revertOf(asAnchorer.anchor(root, 2, [head(1), head(1), head(1)]))).toEqual({ name: "TooManyHeads", args: [3n, 2n] });
      // Checked first: a head for an empty batch is too many heads, not an empty batch.
      expect(await revertOf(asAnchorer.anchor(root, 0, [head(1)]))).toEqual({ name: "TooManyHeads", args: [1n, 0n] });
      expect(await asOutsider.isAnchored(root)).toBe(false);
    });

    it("rejects packed heads that are not whole 68-byte entries with MalformedHeads(length)", async () => {
      const root = newRoot();
      const raw = new Contract(address, anchorRegistryInterface, anchorer).getFunction("anchor");
      const packed = packHeads([head(1)]);
      expect(await revertOf(raw.send(root, 1, packed.slice(0, -2)))).toEqual({ name: "MalformedHeads", args: [67n] });
      expect(await revertOf(raw.send(root, 2, `${packed}00`))).toEqual({ name: "MalformedHeads", args: [69n] });
      expect(await asOutsider.isAnchored(root)).toBe(false);
    });

    it("packs heads as creditKey, digest and a 4-byte big-endian seq, refusing a seq that does not fit", () => {
      const h = head(258);
      expect(packHeads([h, h])).toBe(`${h.creditKey}${h.digest.slice(2)}00000102`.repeat(2).replace(/0x/g, "").replace(/^/, "0x"));
      expect(packHeads([])).toBe("0x");
      for (const seq of [0, 2 ** 32, 1.5]) expect(() => packHeads([head(seq)])).toThrow(/seq must be a positive 32-bit integer/);
    });

    it("rejects an account without the anchorer role with AccessControlUnauthorizedAccount(account, ANCHORER_ROLE)", async () => {
      const root = newRoot();
      const expected = { name: "AccessControlUnauthorizedAccount", args: [await outsider.getAddress(), ANCHORER_ROLE] };
      expect(await revertOf(asOutsider.anchor(root, 1, [head(1)]))).toEqual(expected);
      expect(await revertOf(asOutsider.anchorRoot(root, 1))).toEqual(expected);
      expect(await asOutsider.isAnchored(root)).toBe(false);
    });

    it("rejects the admin, who administers the anchorer role but does not hold it", async () => {
      const root = newRoot();
      const expected = { name: "AccessControlUnauthorizedAccount", args: [await admin.getAddress(), ANCHORER_ROLE] };
      expect(await revertOf(asAdmin.anchor(root, 1, [head(1)]))).toEqual(expected);
      expect(await revertOf(asAdmin.anchorRoot(root, 1))).toEqual(expected);
      expect(await asOutsider.isAnchored(root)).toBe(false);
    });

    it("anchors a root without heads for less gas than OpenAttestation DocumentStore's issue (48,262)", async () => {
      const receipt = await mined(asAnchorer.anchorRoot(newRoot(), 256));
      // One cold slot written, one log, the role check: about 48.0k. More means anchoring got dearer.
      expect(receipt.gasUsed).toBeLessThan(DOCUMENT_STORE_ISSUE_GAS);
    });

    it("publishes each further head for less than 3,500 gas", async () => {
      const one = await mined(asAnchorer.anchor(newRoot(), 256, [head(1)]));
      const many = await mined(asAnchorer.anchor(newRoot(), 256, Array.from({ length: 33 }, (_, i) => head(i + 1))));
      // A log of one topic and 64 bytes of data plus 96 bytes of calldata: about 3k a head.
      expect((many.gasUsed - one.gasUsed) / 32n).toBeLessThan(3_500n);
    });
  });

  describe("reading anchors", () => {
    it("anchorOf returns a zeroed struct and isAnchored false for a root never anchored", async () => {
      const root = newRoot();
      expect((await contract.getFunction("anchorOf")(root)).toArray()).toEqual([0n, 0n, 0n, ZeroAddress]);
      expect(await contract.getFunction("isAnchored")(root)).toBe(false);
      expect(await asOutsider.anchorOf(root)).toBeNull();
      expect(await asOutsider.isAnchored(root)).toBe(false);
    });

    it("anchorsOf answers in input order, zeroed for unknown roots, duplicates included", async () => {
      const [a, b, unknown] = [newRoot(), newRoot(), newRoot()];
      const receiptA = await mined(asAnchorer.anchor(a, 5, [head(1)]));
      const receiptB = await mined(asAnchorer.anchorRoot(b, 9));
      const blockA = (await provider.getBlock(receiptA.blockNumber))!;
      const blockB = (await provider.getBlock(receiptB.blockNumber))!;
      const who = await anchorer.getAddress();
      const anchors = (await contract.getFunction("anchorsOf")([b, unknown, a, b])) as { toArray(deep: boolean): unknown[] };
      expect(anchors.toArray(true)).toEqual([
        [BigInt(blockB.timestamp), BigInt(blockB.number), 9n, who],
        [0n, 0n, 0n, ZeroAddress],
        [BigInt(blockA.timestamp), BigInt(blockA.number), 5n, who],
        [BigInt(blockB.timestamp), BigInt(blockB.number), 9n, who],
      ]);
    });

    it("answers version 1's anchorsOf fragment (uint64, uint64, uint32, address) with the same values", async () => {
      const [a, unknown] = [newRoot(), newRoot()];
      const receipt = await mined(asAnchorer.anchor(a, 65_535, [head(2)]));
      const block = (await provider.getBlock(receipt.blockNumber))!;
      const verifier = new Contract(address, [VERIFIER_ANCHORS_OF], provider);
      const anchors = (await verifier.getFunction("anchorsOf")([unknown, a, a])) as { toArray(deep: boolean): unknown[] };
      const who = await anchorer.getAddress();
      expect(anchors.toArray(true)).toEqual([
        [0n, 0n, 0n, ZeroAddress],
        [BigInt(block.timestamp), BigInt(block.number), 65_535n, who],
        [BigInt(block.timestamp), BigInt(block.number), 65_535n, who],
      ]);
      // Same bytes either way: each field is one 32-byte word in both ABIs.
      const raw = await provider.call({ to: address, data: verifier.interface.encodeFunctionData("anchorsOf", [[a]]) });
      expect(raw).toBe(await provider.call({ to: address, data: anchorRegistryInterface.encodeFunctionData("anchorsOf", [[a]]) }));
    });

    it("anchorsOf answers an empty array with an empty array", async () => {
      const verifier = new Contract(address, [VERIFIER_ANCHORS_OF], provider);
      expect((await verifier.getFunction("anchorsOf")([])).toArray()).toEqual([]);
      expect(await asOutsider.anchorsOf([])).toEqual([]);
    });
  });

  describe("the lib/chain wrapper", () => {
    it("creditHeads returns every head of the keys asked for, across batches, in chain order", async () => {
      const [a, b, c] = [random32(), random32(), random32()];
      const r1 = await mined(asAnchorer.anchor(newRoot(), 8, [head(3, b), head(3, a)]));
      const r2 = await mined(asAnchorer.anchor(newRoot(), 4, [head(5, a), head(1, c)]));
      await mined(asAnchorer.anchorRoot(newRoot(), 1));
      const r4 = await mined(asAnchorer.anchor(newRoot(), 2, [head(4, b)]));
      const logsOf = (receipt: TransactionReceipt, key: string) =>
        receipt.logs
          .filter((l) => l.topics[1] === key && l.topics[0] === id("CreditAdvanced(bytes32,uint32,bytes32)"))
          .map((l) => {
            const [seq, digest] = AbiCoder.defaultAbiCoder().decode(["uint32", "bytes32"], l.data);
            return { creditKey: key, seq: Number(seq), digest, txHash: receipt.hash, blockNumber: receipt.blockNumber, logIndex: l.index };
          });
      const heads = await asOutsider.creditHeads([a.toUpperCase().replace("0X", "0x"), b, a], r1.blockNumber, "latest");
      expect(heads).toEqual([...logsOf(r1, b), ...logsOf(r1, a), ...logsOf(r2, a), ...logsOf(r4, b)]);
      expect(heads.map((h) => h.seq)).toEqual([3, 3, 5, 4]);
      // The range bounds the search; a key nobody published finds nothing.
      expect(await asOutsider.creditHeads([a, b, c], r2.blockNumber, r2.blockNumber)).toEqual([...logsOf(r2, a), ...logsOf(r2, c)]);
      expect(await asOutsider.creditHeads([random32()], r1.blockNumber, "latest")).toEqual([]);
      expect(await asOutsider.creditHeads([], r1.blockNumber, "latest")).toEqual([]);
    });

    it("creditHeads reads only this registry's logs", async () => {
      const key = random32();
      const other = await deployAnchorRegistry({ signer: admin, anchorer: await anchorer.getAddress() });
      const start = await provider.getBlockNumber();
      await mined(connectAnchorRegistry(other.address, anchorer).anchor(newRoot(), 1, [head(9, key)]));
      const ours = await mined(asAnchorer.anchor(newRoot(), 1, [head(2, key)]));
      const heads = await asOutsider.creditHeads([key], start, "latest");
      expect(heads.map((h) => [h.seq, h.txHash])).toEqual([[2, ours.hash]]);
    });

    it("creditHeads merges keys asked for in several log queries (more than 100 keys) back into chain order", async () => {
      const heads = Array.from({ length: 150 }, (_, i) => head(i + 1));
      const receipt = await mined(asAnchorer.anchor(newRoot(), 150, heads));
      const found = await asOutsider.creditHeads([...heads].reverse().map((h) => h.creditKey), receipt.blockNumber, receipt.blockNumber);
      expect(found.map((h) => h.seq)).toEqual(heads.map((h) => h.seq));
      expect(found.map((h) => h.logIndex)).toEqual([...found.map((h) => h.logIndex)].sort((x, y) => x - y));
      expect(found.map((h) => h.digest)).toEqual(heads.map((h) => h.digest));
    });

    it("rootLogs returns the RootAnchored log of each root asked for, in chain order, from anchor and anchorRoot alike", async () => {
      const [first, second, notAsked, never] = [newRoot(), newRoot(), newRoot(), newRoot()];
      const r1 = await mined(asAnchorer.anchor(first, 3, [head(1)]));
      const r2 = await mined(asAnchorer.anchorRoot(second, 1));
      await mined(asAnchorer.anchorRoot(notAsked, 1));
      expect(await asOutsider.rootLogs([second, never, first, second], r1.blockNumber, "latest")).toEqual([
        // RootAnchored is the first log of its transaction, which anvil mines alone in its block.
        { root: first, txHash: r1.hash, blockNumber: r1.blockNumber, blockHash: r1.blockHash, logIndex: 0 },
        { root: second, txHash: r2.hash, blockNumber: r2.blockNumber, blockHash: r2.blockHash, logIndex: 0 },
      ]);
      expect(await asOutsider.rootLogs([first], r2.blockNumber, "latest")).toEqual([]);
    });

    it("anchorsOf returns records in input order, null for unknown roots, across chunks", async () => {
      const anchored = [newRoot(), newRoot(), newRoot()];
      for (const [i, root] of anchored.entries()) await mined(asAnchorer.anchorRoot(root, i + 1));
      const roots = [anchored[2]!, newRoot(), anchored[0]!, newRoot(), newRoot(), anchored[1]!, anchored[2]!];
      const expected = await Promise.all(roots.map((root) => asOutsider.anchorOf(root)));
      expect(expected.filter(Boolean)).toHaveLength(4);
      // chunkSize 2: four eth_calls.
      expect(await asOutsider.anchorsOf(roots, { chunkSize: 2 })).toEqual(expected);
      expect(await asOutsider.anchorsOf(roots)).toEqual(expected);
    });

    it("anchorsOf reads thousands of roots with the default chunk size", async () => {
      const known = newRoot();
      await mined(asAnchorer.anchorRoot(known, 4));
      const roots = Array.from({ length: 3_500 }, (_, i) => (i === 2_750 ? known : newRoot()));
      const records = await asOutsider.anchorsOf(roots);
      expect(records).toHaveLength(3_500);
      expect(records.filter(Boolean)).toEqual([await asOutsider.anchorOf(known)]);
      expect(records[2_750]?.leafCount).toBe(4);
    });

    it("findAnchorEvent finds the transaction and block that anchored a root", async () => {
      await mined(asAnchorer.anchorRoot(newRoot(), 1)); // another root's log in the same contract
      const root = newRoot();
      const receipt = await mined(asAnchorer.anchor(root, 2, [head(1), head(2)]));
      const expected = { txHash: receipt.hash, blockNumber: receipt.blockNumber, blockHash: receipt.blockHash };
      expect(await asOutsider.findAnchorEvent(root)).toEqual(expected);
      expect(await asOutsider.findAnchorEvent(root, receipt.blockNumber)).toEqual(expected);
    });

    it("findAnchorEvent returns null for a root never anchored, and for one anchored before fromBlock", async () => {
      expect(await asOutsider.findAnchorEvent(newRoot())).toBeNull();
      const root = newRoot();
      const receipt = await mined(asAnchorer.anchorRoot(root, 1));
      await mined(asAnchorer.anchorRoot(newRoot(), 1));
      expect(await asOutsider.findAnchorEvent(root, receipt.blockNumber + 1)).toBeNull();
    });

    it("findAnchorEvent searches the whole range when the recorded block has no log (chains whose block.number is not their height)", async () => {
      const root = newRoot();
      const receipt = await mined(asAnchorer.anchorRoot(root, 1));
      // A node that finds nothing in any single-block query, as on a chain reporting L1 block numbers.
      class SingleBlockBlind extends JsonRpcProvider {
        readonly ranges: string[] = [];
        override async send(method: string, params: unknown[] | Record<string, unknown>): Promise<unknown> {
          if (method === "eth_getLogs") {
            const [filter] = params as [{ fromBlock?: string; toBlock?: string }];
            this.ranges.push(`${filter.fromBlock}..${filter.toBlock}`);
            if (filter.fromBlock === filter.toBlock) return [];
          }
          return super.send(method, params);
        }
      }
      const blind = new SingleBlockBlind(inject("anvilUrl"), undefined, { cacheTimeout: -1, pollingInterval: 100 });
      try {
        const found = await connectAnchorRegistry(address, blind).findAnchorEvent(root);
        expect(found).toEqual({ txHash: receipt.hash, blockNumber: receipt.blockNumber, blockHash: receipt.blockHash });
        expect(blind.ranges).toEqual([`${toQuantity(receipt.blockNumber)}..${toQuantity(receipt.blockNumber)}`, "0x0..latest"]);
      } finally {
        blind.destroy();
      }
    });

    it("decodeAnchorError decodes each custom error with its arguments from failed sends and calls, and nothing else", async () => {
      const root = newRoot();
      await mined(asAnchorer.anchor(root, 1, [head(1)]));
      const failure = (promise: Promise<unknown>) => promise.catch((e: unknown) => e);
      expect(decodeAnchorError(await failure(asAnchorer.anchor(root, 1, [])))).toEqual({ name: "AlreadyAnchored", args: [root] });
      expect(decodeAnchorError(await failure(asAnchorer.anchorRoot(ZeroHash, 1)))).toEqual({ name: "ZeroRoot", args: [] });
      expect(decodeAnchorError(await failure(asAnchorer.anchorRoot(newRoot(), 0)))).toEqual({ name: "EmptyBatch", args: [] });
      expect(decodeAnchorError(await failure(asAnchorer.anchor(newRoot(), 1, [head(1), head(2)])))).toEqual({ name: "TooManyHeads", args: [2n, 1n] });
      expect(decodeAnchorError(await failure(asOutsider.anchor(newRoot(), 1, [])))).toEqual({
        name: "AccessControlUnauthorizedAccount",
        args: [await outsider.getAddress(), ANCHORER_ROLE],
      });
      const factory = new ContractFactory(anchorRegistryInterface, anchorRegistryV2Bytecode, admin);
      expect(anchorErrorName(await failure(factory.deploy(await admin.getAddress(), await admin.getAddress())))).toBe("AdminIsAnchorer");
      expect(anchorErrorName(await failure(factory.deploy(ZeroAddress, await admin.getAddress())))).toBe("ZeroAddress");
      // The same errors through eth_call (a read-only dry run), as a verifier or a UI would see them.
      const dryRun = new Contract(address, anchorRegistryInterface, provider).getFunction("anchor");
      const from = await anchorer.getAddress();
      expect(decodeAnchorError(await failure(dryRun.staticCall(root, 1, "0x", { from })))).toEqual({ name: "AlreadyAnchored", args: [root] });
      // Failures that are not the registry's: a transfer without funds, a plain Error.
      const broke = makeSigner(Wallet.createRandom().privateKey, provider);
      const unfunded = await failure(broke.sendTransaction({ to: address, value: 1n }));
      expect(unfunded).toBeInstanceOf(Error);
      expect(decodeAnchorError(unfunded)).toBeNull();
      expect(anchorErrorName(new Error("AlreadyAnchored"))).toBeNull();
    });

    it("keeps the signer's nonces in order after a send that reverts at gas estimation", async () => {
      const sender = await anchorer.getAddress();
      const before = await provider.getTransactionCount(sender, "pending");
      await mined(asAnchorer.anchorRoot(newRoot(), 1));
      expect(anchorErrorName(await asAnchorer.anchor(ZeroHash, 1, []).catch((e: unknown) => e))).toBe("ZeroRoot");
      // ethers' stock NonceManager would have counted the failed send and skipped a nonce here.
      const next = await asAnchorer.anchor(newRoot(), 1, [head(1)]);
      expect(next.nonce).toBe(before + 1);
      expect((await next.wait())?.status).toBe(1);
    });

    it("gives concurrent sends from one signer consecutive nonces", async () => {
      const before = await provider.getTransactionCount(await anchorer.getAddress(), "pending");
      const roots = Array.from({ length: 6 }, newRoot);
      const responses = await Promise.all(roots.map((root, i) => asAnchorer.anchor(root, i + 1, [head(i + 1)])));
      expect(responses.map((r) => r.nonce)).toEqual(roots.map((_, i) => before + i));
      await Promise.all(responses.map((r) => r.wait()));
      expect((await asOutsider.anchorsOf(roots)).map((r) => r?.leafCount)).toEqual([1, 2, 3, 4, 5, 6]);
    });
  });
});

describe("version 1 registries (old proof bundles point at them)", () => {
  async function deployV1(): Promise<{ address: string; anchorer: SerialNonceManager }> {
    const [admin, anchorer] = await Promise.all([fundedSigner(), fundedSigner()]);
    const contract = await new ContractFactory(v1Abi, v1Bytecode, admin).deploy(await admin.getAddress(), await anchorer.getAddress());
    await contract.waitForDeployment();
    return { address: await contract.getAddress(), anchorer };
  }

  it("still deploys from the generated version 1 module and anchors with anchor(root, leafCount)", async () => {
    const { address, anchorer } = await deployV1();
    const root = newRoot();
    const receipt = await mined(new Contract(address, v1Abi, anchorer).getFunction("anchor")(root, 70_000));
    expect(receipt.logs[0]!.topics).toEqual([id("RootAnchored(bytes32,address,uint32,uint64)"), root, zeroPadValue(await anchorer.getAddress(), 32).toLowerCase()]);
    expect(await registryVersion(provider, address)).toBe(1);
  });

  it("is read by the verifier's rpcAnchorReader: anchors by root, null for roots never anchored", async () => {
    const { address, anchorer } = await deployV1();
    const v1 = new Contract(address, v1Abi, anchorer).getFunction("anchor");
    const [a, b, unknown] = [newRoot(), newRoot(), newRoot()];
    const receiptA = await mined(v1(a, 3));
    const receiptB = await mined(v1(b, 70_000)); // beyond version 2's uint16: version 1 kept a uint32
    const blockA = (await provider.getBlock(receiptA.blockNumber))!;
    const blockB = (await provider.getBlock(receiptB.blockNumber))!;
    const who = await anchorer.getAddress();
    const anchors = await rpcAnchorReader(provider, address).anchorsOf([b.toUpperCase().replace("0X", "0x"), unknown, a]);
    expect(anchors).toEqual(
      new Map([
        [b, { timestamp: blockB.timestamp, blockNumber: blockB.number, leafCount: 70_000, anchorer: who }],
        [unknown, null],
        [a, { timestamp: blockA.timestamp, blockNumber: blockA.number, leafCount: 3, anchorer: who }],
      ]),
    );
  });
});

describe("deploying and finding the registry", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-deploy-"));
    return () => fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** A registry deployed by a fresh key, with a fresh anchorer. */
  const deployFresh = async () => deployAnchorRegistry({ signer: await fundedSigner(), anchorer: Wallet.createRandom().address });

  it("deployAnchorRegistry makes the deployer admin on the local chain and reports tx, block and chain id", async () => {
    const signer = await fundedSigner();
    const deployer = await signer.getAddress();
    const anchorer = Wallet.createRandom().address;
    const record = await deployAnchorRegistry({ signer, anchorer });
    const receipt = (await provider.getTransactionReceipt(record.txHash))!;
    expect(record).toEqual({ address: receipt.contractAddress, txHash: receipt.hash, blockNumber: receipt.blockNumber, chainId: 31337n, admin: deployer, anchorer });
    const registry = connectAnchorRegistry(record.address, provider);
    expect(await registry.hasAnchorerRole(anchorer)).toBe(true);
    expect(await registry.hasAnchorerRole(deployer)).toBe(false);
    const contract = new Contract(record.address, anchorRegistryInterface, provider);
    expect(await contract.getFunction("hasRole")(DEFAULT_ADMIN_ROLE, deployer)).toBe(true);
    expect(await contract.getFunction("VERSION")()).toBe(2n);
  });

  it("deployAnchorRegistry gives the admin and anchorer roles to the accounts named, none to the deployer", async () => {
    const [admin, anchorer] = [Wallet.createRandom().address, Wallet.createRandom().address];
    const signer = await fundedSigner();
    const record = await deployAnchorRegistry({ signer, admin: admin.toLowerCase(), anchorer: anchorer.toLowerCase() });
    expect([record.admin, record.anchorer]).toEqual([admin, anchorer]);
    const contract = new Contract(record.address, anchorRegistryInterface, provider);
    expect(await contract.getFunction("hasRole")(DEFAULT_ADMIN_ROLE, admin)).toBe(true);
    expect(await contract.getFunction("hasRole")(DEFAULT_ADMIN_ROLE, await signer.getAddress())).toBe(false);
    expect(await connectAnchorRegistry(record.address, provider).hasAnchorerRole(anchorer)).toBe(true);
    expect(await connectAnchorRegistry(record.address, provider).hasAnchorerRole(await signer.getAddress())).toBe(false);
  });

  it("deployAnchorRegistry refuses the same account as admin and anchorer before sending anything", async () => {
    const signer = await fundedSigner();
    const deployer = await signer.getAddress();
    await expect(deployAnchorRegistry({ signer, anchorer: deployer })).rejects.toThrow(`the admin and the anchorer must be different accounts (both ${deployer})`);
    const other = Wallet.createRandom().address;
    await expect(deployAnchorRegistry({ signer, admin: other.toLowerCase(), anchorer: other })).rejects.toThrow(/must be different accounts/);
    expect(await provider.getTransactionCount(deployer, "pending")).toBe(0);
  });

  it("deployAnchorRegistry requires the admin to be named on any chain but the local one", async () => {
    const wallet = Wallet.createRandom();
    await provider.send("anvil_setBalance", [wallet.address, toBeHex(10n ** 20n)]);
    // The run's anvil, presented as chain 11155111 (Sepolia): nothing is sent before the refusal.
    const remote = new JsonRpcProvider(inject("anvilUrl"), Network.from(11_155_111n), { staticNetwork: true, cacheTimeout: -1 });
    try {
      const signer = makeSigner(wallet.privateKey, remote);
      await expect(deployAnchorRegistry({ signer, anchorer: Wallet.createRandom().address })).rejects.toThrow(
        /name the admin address \(a cold key\); only on the local chain does it default to the deployer/,
      );
      expect(await provider.getTransactionCount(wallet.address, "pending")).toBe(0);
    } finally {
      remote.destroy();
    }
  });

  it("writeDeployment and readDeployment keep one record per chain id", () => {
    const record = {
      address: getAddress(Wallet.createRandom().address),
      txHash: keccak256("0x01"),
      blockNumber: 12,
      chainId: 11155111n,
      admin: getAddress(Wallet.createRandom().address),
      anchorer: getAddress(Wallet.createRandom().address),
    };
    const file = writeDeployment(dataDir, record);
    expect(file).toBe(path.join(dataDir, "deployments", "11155111.json"));
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toMatchObject({ contractName: "AnchorRegistry", chainId: 11155111, address: record.address });
    expect(readDeployment(dataDir, 11155111n)).toEqual(record);
    expect(readDeployment(dataDir, 11155111)).toEqual(record);
    expect(readDeployment(dataDir, 31337n)).toBeNull();
    expect(fs.readdirSync(path.dirname(file))).toEqual(["11155111.json"]); // no temporary file left behind
  });

  it("readDeployment refuses a damaged record or one for another chain, naming the file", () => {
    const file = deploymentFile(dataDir, 5n);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "{ not json");
    expect(() => readDeployment(dataDir, 5n)).toThrow(file);
    fs.writeFileSync(file, JSON.stringify({ address: "0x1234", txHash: ZeroHash, blockNumber: 1, chainId: 5, admin: ZeroAddress, anchorer: ZeroAddress }));
    expect(() => readDeployment(dataDir, 5n)).toThrow(/"address" is not an address/);
    fs.writeFileSync(file, JSON.stringify({ address: ZeroAddress, txHash: ZeroHash, blockNumber: 1, chainId: 1, admin: ZeroAddress, anchorer: ZeroAddress }));
    expect(() => readDeployment(dataDir, 5n)).toThrow(/is for chain 1, not 5/);
  });

  it("resolveAnchorRegistryAddress prefers the configured address over the deployment record", async () => {
    const recorded = await deployFresh();
    const configured = await deployFresh();
    writeDeployment(dataDir, recorded);
    expect(await resolveAnchorRegistryAddress({ provider, dataDir, configuredAddress: configured.address.toLowerCase() })).toBe(configured.address);
  });

  it("resolveAnchorRegistryAddress falls back to the record for the provider's chain id", async () => {
    const recorded = await deployFresh();
    writeDeployment(dataDir, recorded);
    writeDeployment(dataDir, { ...recorded, chainId: 1n, address: getAddress(Wallet.createRandom().address) });
    expect(await resolveAnchorRegistryAddress({ provider, dataDir })).toBe(recorded.address);
  });

  it("resolveAnchorRegistryAddress fails naming the address and the chain when there is no code at the address", async () => {
    const empty = getAddress(Wallet.createRandom().address);
    await expect(resolveAnchorRegistryAddress({ provider, dataDir, configuredAddress: empty })).rejects.toThrow(
      `No contract code at ${empty} on chain ${chainId} (from ANCHOR_CONTRACT_ADDRESS)`,
    );
    // A record left over from a chain that was reset.
    const recorded = await deployFresh();
    const stale = getAddress(Wallet.createRandom().address);
    writeDeployment(dataDir, { ...recorded, address: stale });
    await expect(resolveAnchorRegistryAddress({ provider, dataDir })).rejects.toThrow(`No contract code at ${stale} on chain ${chainId}`);
  });

  it("resolveAnchorRegistryAddress fails when nothing is configured or recorded for the chain", async () => {
    await expect(resolveAnchorRegistryAddress({ provider, dataDir })).rejects.toThrow(/No AnchorRegistry known on chain 31337: set ANCHOR_CONTRACT_ADDRESS/);
  });

  it("resolveAnchorRegistryAddress rejects a contract that is not an AnchorRegistry", async () => {
    const other = getAddress(Wallet.createRandom().address);
    await provider.send("anvil_setCode", [other, "0x00"]); // code that stops at once
    await expect(resolveAnchorRegistryAddress({ provider, dataDir, configuredAddress: other })).rejects.toThrow(
      `The contract at ${other} on chain ${chainId} (from ANCHOR_CONTRACT_ADDRESS) is not an AnchorRegistry`,
    );
    expect(await registryVersion(provider, other)).toBeNull();
  });

  it("resolveAnchorRegistryAddress rejects a version 1 registry, saying the app needs version 2 and how to deploy one", async () => {
    const [admin, anchorer] = [await fundedSigner(), Wallet.createRandom().address];
    const v1 = await new ContractFactory(v1Abi, v1Bytecode, admin).deploy(await admin.getAddress(), anchorer);
    await v1.waitForDeployment();
    const v1Address = await v1.getAddress();
    await expect(resolveAnchorRegistryAddress({ provider, dataDir, configuredAddress: v1Address })).rejects.toThrow(
      `The contract at ${v1Address} on chain ${chainId} (from ANCHOR_CONTRACT_ADDRESS) is a version 1 AnchorRegistry; the app anchors to version 2. Deploy one with \`npm run contracts:deploy\``,
    );
    // The same from a deployment record left by an older version of the app.
    writeDeployment(dataDir, { address: v1Address, txHash: v1.deploymentTransaction()!.hash, blockNumber: 1, chainId, admin: await admin.getAddress(), anchorer });
    await expect(resolveAnchorRegistryAddress({ provider, dataDir })).rejects.toThrow(/is a version 1 AnchorRegistry; the app anchors to version 2/);
  });
});
