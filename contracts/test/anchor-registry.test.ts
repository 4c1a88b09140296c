import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  AbiCoder,
  Contract,
  ContractFactory,
  JsonRpcProvider,
  type TransactionReceipt,
  Wallet,
  ZeroAddress,
  ZeroHash,
  getAddress,
  id,
  keccak256,
  toBeHex,
  toQuantity,
  zeroPadValue,
} from "ethers";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import {
  ANCHORER_ROLE,
  type AnchorRegistry,
  anchorErrorName,
  anchorRegistryInterface,
  connectAnchorRegistry,
  decodeAnchorError,
} from "@/lib/chain/anchor-registry";
import { deployAnchorRegistry, deploymentFile, readDeployment, resolveAnchorRegistryAddress, writeDeployment } from "@/lib/chain/deploy";
import { anchorRegistryBytecode } from "@/lib/chain/generated/anchor-registry";
import { type SerialNonceManager, chainIdOf, makeProvider, makeSigner } from "@/lib/chain/provider";

// Every behaviour of the AnchorRegistry contract and of lib/chain against the run's real anvil.
// The chain is shared with other test files running in parallel, so each test deploys its own
// registry and sends from fresh accounts funded with anvil_setBalance rather than from
// ANVIL_DEV_KEYS: another file sending from a dev key at the same moment would take our nonce.

const DEFAULT_ADMIN_ROLE = ZeroHash;
/** The fragment auditors' verifiers use without the generated ABI; it must keep working. */
const VERIFIER_ANCHORS_OF =
  "function anchorsOf(bytes32[] roots) view returns ((uint64 timestamp, uint64 blockNumber, uint32 leafCount, address anchorer)[])";

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

describe("AnchorRegistry", () => {
  let admin: SerialNonceManager;
  let anchorer: SerialNonceManager;
  let outsider: SerialNonceManager;
  let address: string;
  /** The registry as seen by each account. */
  let asAdmin: AnchorRegistry;
  let asAnchorer: AnchorRegistry;
  let asOutsider: AnchorRegistry;

  beforeEach(async () => {
    [admin, anchorer, outsider] = await Promise.all([fundedSigner(), fundedSigner(), fundedSigner()]);
    const deployment = await deployAnchorRegistry({ signer: admin, anchorer: await anchorer.getAddress() });
    address = deployment.address;
    asAdmin = connectAnchorRegistry(address, admin);
    asAnchorer = connectAnchorRegistry(address, anchorer);
    asOutsider = connectAnchorRegistry(address, outsider);
  });

  it("grants the roles given to the constructor and nothing more", async () => {
    const contract = new Contract(address, anchorRegistryInterface, provider);
    expect(await contract.getFunction("hasRole")(DEFAULT_ADMIN_ROLE, await admin.getAddress())).toBe(true);
    expect(await contract.getFunction("hasRole")(DEFAULT_ADMIN_ROLE, await anchorer.getAddress())).toBe(false);
    expect(await asAdmin.hasAnchorerRole(await anchorer.getAddress())).toBe(true);
    expect(await asAdmin.hasAnchorerRole(await admin.getAddress())).toBe(false);
    expect(await contract.getFunction("ANCHORER_ROLE")()).toBe(id("ANCHORER_ROLE"));
  });

  it("anchors a root and records the mined block's timestamp and number, the leaf count and the anchorer", async () => {
    const root = newRoot();
    const receipt = await mined(asAnchorer.anchor(root, 17));
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

  it("emits RootAnchored with the root and the anchorer as indexed topics", async () => {
    const root = newRoot();
    const receipt = await mined(asAnchorer.anchor(root, 3));
    const block = (await provider.getBlock(receipt.blockNumber))!;
    expect(receipt.logs).toHaveLength(1);
    const [log] = receipt.logs;
    expect(log!.address).toBe(address);
    expect(log!.topics).toEqual([
      id("RootAnchored(bytes32,address,uint32,uint64)"),
      root,
      zeroPadValue(await anchorer.getAddress(), 32).toLowerCase(),
    ]);
    expect(AbiCoder.defaultAbiCoder().decode(["uint32", "uint64"], log!.data).toArray()).toEqual([3n, BigInt(block.timestamp)]);
  });

  it("rejects a root anchored twice with AlreadyAnchored(root) and keeps the first anchor", async () => {
    const root = newRoot();
    await mined(asAnchorer.anchor(root, 1));
    const first = await asOutsider.anchorOf(root);
    expect(await revertOf(asAnchorer.anchor(root, 2))).toEqual({ name: "AlreadyAnchored", args: [root] });
    expect(await asOutsider.anchorOf(root)).toEqual(first);
  });

  it("rejects the zero root with ZeroRoot", async () => {
    expect(await revertOf(asAnchorer.anchor(ZeroHash, 1))).toEqual({ name: "ZeroRoot", args: [] });
  });

  it("rejects an empty batch with EmptyBatch", async () => {
    const root = newRoot();
    expect(await revertOf(asAnchorer.anchor(root, 0))).toEqual({ name: "EmptyBatch", args: [] });
    expect(await asOutsider.isAnchored(root)).toBe(false);
  });

  it("rejects an account without the anchorer role with AccessControlUnauthorizedAccount(account, role)", async () => {
    const root = newRoot();
    expect(await revertOf(asOutsider.anchor(root, 1))).toEqual({
      name: "AccessControlUnauthorizedAccount",
      args: [await outsider.getAddress(), ANCHORER_ROLE],
    });
    // The admin administers roles but does not anchor.
    expect((await revertOf(asAdmin.anchor(root, 1))).name).toBe("AccessControlUnauthorizedAccount");
    expect(await asOutsider.isAnchored(root)).toBe(false);
  });

  it("accepts an account once the admin grants it the anchorer role and rejects it again after the admin revokes it", async () => {
    const account = await outsider.getAddress();
    await mined(asAdmin.grantAnchorerRole(account));
    expect(await asAdmin.hasAnchorerRole(account)).toBe(true);
    const granted = newRoot();
    await mined(asOutsider.anchor(granted, 1));
    expect((await asAdmin.anchorOf(granted))?.anchorer).toBe(account);

    await mined(asAdmin.revokeAnchorerRole(account));
    expect(await asAdmin.hasAnchorerRole(account)).toBe(false);
    expect((await revertOf(asOutsider.anchor(newRoot(), 1))).name).toBe("AccessControlUnauthorizedAccount");
  });

  it("lets only the admin grant the anchorer role", async () => {
    const outsiderAddress = await outsider.getAddress();
    expect(await revertOf(asAnchorer.grantAnchorerRole(outsiderAddress))).toEqual({
      name: "AccessControlUnauthorizedAccount",
      args: [await anchorer.getAddress(), DEFAULT_ADMIN_ROLE],
    });
    expect((await revertOf(asOutsider.grantAnchorerRole(outsiderAddress))).name).toBe("AccessControlUnauthorizedAccount");
    expect(await asAdmin.hasAnchorerRole(outsiderAddress)).toBe(false);
  });

  it("constructor rejects a zero admin or a zero anchorer with ZeroAddress", async () => {
    const factory = new ContractFactory(anchorRegistryInterface, anchorRegistryBytecode, admin);
    const someone = await anchorer.getAddress();
    expect(await revertOf(factory.deploy(ZeroAddress, someone))).toEqual({ name: "ZeroAddress", args: [] });
    expect(await revertOf(factory.deploy(someone, ZeroAddress))).toEqual({ name: "ZeroAddress", args: [] });
  });

  it("anchorOf returns a zeroed struct and isAnchored false for a root never anchored", async () => {
    const root = newRoot();
    const contract = new Contract(address, anchorRegistryInterface, provider);
    expect((await contract.getFunction("anchorOf")(root)).toArray()).toEqual([0n, 0n, 0n, ZeroAddress]);
    expect(await contract.getFunction("isAnchored")(root)).toBe(false);
    expect(await asOutsider.anchorOf(root)).toBeNull();
    expect(await asOutsider.isAnchored(root)).toBe(false);
  });

  it("anchorsOf answers the verifiers' fragment in input order, zeroed for unknown roots, duplicates included", async () => {
    const [a, b, unknown] = [newRoot(), newRoot(), newRoot()];
    const receiptA = await mined(asAnchorer.anchor(a, 5));
    const receiptB = await mined(asAnchorer.anchor(b, 9));
    const blockA = (await provider.getBlock(receiptA.blockNumber))!;
    const blockB = (await provider.getBlock(receiptB.blockNumber))!;
    const verifier = new Contract(address, [VERIFIER_ANCHORS_OF], provider);
    const anchors = (await verifier.getFunction("anchorsOf")([b, unknown, a, b])) as { toArray(deep: boolean): unknown[] };
    const who = await anchorer.getAddress();
    expect(anchors.toArray(true)).toEqual([
      [BigInt(blockB.timestamp), BigInt(blockB.number), 9n, who],
      [0n, 0n, 0n, ZeroAddress],
      [BigInt(blockA.timestamp), BigInt(blockA.number), 5n, who],
      [BigInt(blockB.timestamp), BigInt(blockB.number), 9n, who],
    ]);
  });

  it("anchorsOf answers an empty array with an empty array", async () => {
    const verifier = new Contract(address, [VERIFIER_ANCHORS_OF], provider);
    expect((await verifier.getFunction("anchorsOf")([])).toArray()).toEqual([]);
    expect(await asOutsider.anchorsOf([])).toEqual([]);
  });

  describe("the lib/chain wrapper", () => {
    it("anchorsOf returns records in input order, null for unknown roots, across chunks", async () => {
      const anchored = [newRoot(), newRoot(), newRoot()];
      for (const [i, root] of anchored.entries()) await mined(asAnchorer.anchor(root, i + 1));
      const roots = [anchored[2]!, newRoot(), anchored[0]!, newRoot(), newRoot(), anchored[1]!, anchored[2]!];
      const expected = await Promise.all(roots.map((root) => asOutsider.anchorOf(root)));
      expect(expected.filter(Boolean)).toHaveLength(4);
      // chunkSize 2: four eth_calls.
      expect(await asOutsider.anchorsOf(roots, { chunkSize: 2 })).toEqual(expected);
      expect(await asOutsider.anchorsOf(roots)).toEqual(expected);
    });

    it("anchorsOf reads thousands of roots with the default chunk size", async () => {
      const known = newRoot();
      await mined(asAnchorer.anchor(known, 4));
      const roots = Array.from({ length: 3_500 }, (_, i) => (i === 2_750 ? known : newRoot()));
      const records = await asOutsider.anchorsOf(roots);
      expect(records).toHaveLength(3_500);
      expect(records.filter(Boolean)).toEqual([await asOutsider.anchorOf(known)]);
      expect(records[2_750]?.leafCount).toBe(4);
    });

    it("findAnchorEvent finds the transaction and block that anchored a root", async () => {
      await mined(asAnchorer.anchor(newRoot(), 1)); // another root's log in the same contract
      const root = newRoot();
      const receipt = await mined(asAnchorer.anchor(root, 2));
      expect(await asOutsider.findAnchorEvent(root)).toEqual({ txHash: receipt.hash, blockNumber: receipt.blockNumber, blockHash: receipt.blockHash });
      expect(await asOutsider.findAnchorEvent(root, receipt.blockNumber)).toEqual({
        txHash: receipt.hash,
        blockNumber: receipt.blockNumber,
        blockHash: receipt.blockHash,
      });
    });

    it("findAnchorEvent returns null for a root never anchored, and for one anchored before fromBlock", async () => {
      expect(await asOutsider.findAnchorEvent(newRoot())).toBeNull();
      const root = newRoot();
      const receipt = await mined(asAnchorer.anchor(root, 1));
      await mined(asAnchorer.anchor(newRoot(), 1));
      expect(await asOutsider.findAnchorEvent(root, receipt.blockNumber + 1)).toBeNull();
    });

    it("findAnchorEvent searches the whole range when the recorded block has no log (chains whose block.number is not their height)", async () => {
      const root = newRoot();
      const receipt = await mined(asAnchorer.anchor(root, 1));
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

    it("anchorErrorName decodes each custom error from failed sends and calls, and nothing else", async () => {
      const root = newRoot();
      await mined(asAnchorer.anchor(root, 1));
      expect(anchorErrorName(await asAnchorer.anchor(root, 1).catch((e: unknown) => e))).toBe("AlreadyAnchored");
      expect(anchorErrorName(await asAnchorer.anchor(ZeroHash, 1).catch((e: unknown) => e))).toBe("ZeroRoot");
      expect(anchorErrorName(await asAnchorer.anchor(newRoot(), 0).catch((e: unknown) => e))).toBe("EmptyBatch");
      expect(anchorErrorName(await asOutsider.anchor(newRoot(), 1).catch((e: unknown) => e))).toBe("AccessControlUnauthorizedAccount");
      // The same errors through eth_call (a read-only dry run), as a verifier or a UI would see them.
      const dryRun = new Contract(address, anchorRegistryInterface, provider).getFunction("anchor");
      const from = await anchorer.getAddress();
      expect(anchorErrorName(await dryRun.staticCall(root, 1, { from }).catch((e: unknown) => e))).toBe("AlreadyAnchored");
      // Failures that are not the registry's: a transfer without funds, a plain Error.
      const broke = makeSigner(Wallet.createRandom().privateKey, provider);
      const unfunded = await broke.sendTransaction({ to: address, value: 1n }).catch((e: unknown) => e);
      expect(unfunded).toBeInstanceOf(Error);
      expect(anchorErrorName(unfunded)).toBeNull();
      expect(anchorErrorName(new Error("AlreadyAnchored"))).toBeNull();
    });

    it("keeps the signer's nonces in order after a send that reverts at gas estimation", async () => {
      const sender = await anchorer.getAddress();
      const before = await provider.getTransactionCount(sender, "pending");
      await mined(asAnchorer.anchor(newRoot(), 1));
      expect(anchorErrorName(await asAnchorer.anchor(ZeroHash, 1).catch((e: unknown) => e))).toBe("ZeroRoot");
      // ethers' stock NonceManager would have counted the failed send and skipped a nonce here.
      const next = await asAnchorer.anchor(newRoot(), 1);
      expect(next.nonce).toBe(before + 1);
      expect((await next.wait())?.status).toBe(1);
    });

    it("gives concurrent sends from one signer consecutive nonces", async () => {
      const before = await provider.getTransactionCount(await anchorer.getAddress(), "pending");
      const roots = Array.from({ length: 6 }, newRoot);
      const responses = await Promise.all(roots.map((root, i) => asAnchorer.anchor(root, i + 1)));
      expect(responses.map((r) => r.nonce)).toEqual(roots.map((_, i) => before + i));
      await Promise.all(responses.map((r) => r.wait()));
      expect((await asOutsider.anchorsOf(roots)).map((r) => r?.leafCount)).toEqual([1, 2, 3, 4, 5, 6]);
    });

    it("anchoring one root costs less than 90,000 gas", async () => {
      const receipt = await mined(asAnchorer.anchor(newRoot(), 256));
      // Two storage slots, one event: about 71.5k. More means someone made anchoring dearer.
      expect(receipt.gasUsed).toBeLessThan(90_000n);
    });
  });
});

describe("deploying and finding the registry", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-deploy-"));
    return () => fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("deployAnchorRegistry makes the signer admin and anchorer by default and reports tx, block and chain id", async () => {
    const signer = await fundedSigner();
    const deployer = await signer.getAddress();
    const record = await deployAnchorRegistry({ signer });
    const receipt = (await provider.getTransactionReceipt(record.txHash))!;
    expect(record).toEqual({ address: receipt.contractAddress, txHash: receipt.hash, blockNumber: receipt.blockNumber, chainId: 31337n, admin: deployer, anchorer: deployer });
    const registry = connectAnchorRegistry(record.address, provider);
    expect(await registry.hasAnchorerRole(deployer)).toBe(true);
    const contract = new Contract(record.address, anchorRegistryInterface, provider);
    expect(await contract.getFunction("hasRole")(DEFAULT_ADMIN_ROLE, deployer)).toBe(true);
  });

  it("deployAnchorRegistry gives the admin and anchorer roles to the accounts named", async () => {
    const [admin, anchorer] = [Wallet.createRandom().address, Wallet.createRandom().address];
    const signer = await fundedSigner();
    const record = await deployAnchorRegistry({ signer, admin, anchorer });
    expect([record.admin, record.anchorer]).toEqual([admin, anchorer]);
    const contract = new Contract(record.address, anchorRegistryInterface, provider);
    expect(await contract.getFunction("hasRole")(DEFAULT_ADMIN_ROLE, admin)).toBe(true);
    expect(await contract.getFunction("hasRole")(DEFAULT_ADMIN_ROLE, await signer.getAddress())).toBe(false);
    expect(await connectAnchorRegistry(record.address, provider).hasAnchorerRole(anchorer)).toBe(true);
    expect(await connectAnchorRegistry(record.address, provider).hasAnchorerRole(await signer.getAddress())).toBe(false);
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
    const signer = await fundedSigner();
    const recorded = await deployAnchorRegistry({ signer });
    const configured = await deployAnchorRegistry({ signer });
    writeDeployment(dataDir, recorded);
    expect(await resolveAnchorRegistryAddress({ provider, dataDir, configuredAddress: configured.address.toLowerCase() })).toBe(configured.address);
  });

  it("resolveAnchorRegistryAddress falls back to the record for the provider's chain id", async () => {
    const recorded = await deployAnchorRegistry({ signer: await fundedSigner() });
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
    const recorded = await deployAnchorRegistry({ signer: await fundedSigner() });
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
  });
});
