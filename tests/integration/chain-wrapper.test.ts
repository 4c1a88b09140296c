import { type ContractRunner, Wallet, getAddress, keccak256, toUtf8Bytes } from "ethers";
import { beforeAll, describe, expect, it } from "vitest";
import { creditKey } from "@/lib/anchoring/credit-key";
import { ANCHORS_OF_CHUNK, type CreditHeadInput, anchorErrorName, connectAnchorRegistry } from "@/lib/chain/anchor-registry";
import { type ChainFixture, deployedRegistry } from "./support/chain";

// lib/chain's typed wrapper of AnchorRegistryV2 against the run's real anvil: what the worker
// sends and what verifiers read back (anchors, RootAnchored and CreditAdvanced logs). The
// contract's own rules are tested in contracts/test.

let chain: ChainFixture;
beforeAll(async () => {
  chain = await deployedRegistry();
});

let counter = 0;
const newRoot = () => keccak256(toUtf8Bytes(`wrapper-root-${process.pid}-${Date.now()}-${counter++}`));
const head = (creditId: string, seq: number): CreditHeadInput => ({ creditKey: creditKey(creditId), digest: newRoot(), seq });

async function anchored(root: string, leafCount: number, heads: CreditHeadInput[] = []) {
  const tx = await chain.registry.anchor(root, leafCount, heads);
  const receipt = (await tx.wait())!;
  const block = (await chain.provider.getBlock(receipt.blockNumber))!;
  return { receipt, block };
}

describe("the AnchorRegistry wrapper", () => {
  it("anchors a root and reads its record back: block, time, leaf count, anchorer", async () => {
    const root = newRoot();
    expect(await chain.registry.anchorOf(root)).toBeNull();
    expect(await chain.registry.isAnchored(root)).toBe(false);
    const { receipt, block } = await anchored(root, 5);
    expect(await chain.registry.isAnchored(root)).toBe(true);
    expect(await chain.registry.anchorOf(root)).toEqual({
      root,
      timestamp: block.timestamp,
      blockNumber: receipt.blockNumber,
      leafCount: 5,
      anchorer: getAddress(await chain.signer.getAddress()),
    });
    // As of the block before, it was not anchored.
    expect(await chain.registry.anchorOf(root, receipt.blockNumber - 1)).toBeNull();
    expect(await chain.registry.anchorOf(root, receipt.blockNumber)).not.toBeNull();
  });

  it("anchors a root that advances no credit with anchorRoot", async () => {
    const root = newRoot();
    await (await chain.registry.anchorRoot(root, 2)).wait();
    expect((await chain.registry.anchorOf(root))?.leafCount).toBe(2);
  });

  it("reads many anchors in input order, null for unknown roots, across chunks read four at a time", async () => {
    const roots = Array.from({ length: 6 }, () => newRoot());
    for (const [i, root] of roots.entries()) if (i % 2 === 0) await anchored(root, i + 1);
    const expected = await Promise.all(roots.map((r) => chain.registry.anchorOf(r)));
    expect(expected.map((a) => a?.leafCount ?? null)).toEqual([1, null, 3, null, 5, null]);
    const mixed = [roots[5]!, ...roots, roots[0]!, newRoot(), roots[2]!, roots[4]!, newRoot()];
    const want = [null, ...expected, expected[0], null, expected[2], expected[4], null];
    for (const chunkSize of [1, 2, 3, 100]) expect(await chain.registry.anchorsOf(mixed, { chunkSize })).toEqual(want);
    expect(await chain.registry.anchorsOf(mixed)).toEqual(want);
    expect(await chain.registry.anchorsOf([])).toEqual([]);
    expect(ANCHORS_OF_CHUNK).toBe(1_000);
  });

  it("reads anchors as of a block", async () => {
    const root = newRoot();
    const { receipt } = await anchored(root, 3);
    expect(await chain.registry.anchorsOf([root], { blockTag: receipt.blockNumber - 1 })).toEqual([null]);
    expect((await chain.registry.anchorsOf([root], { blockTag: receipt.blockNumber }))[0]?.leafCount).toBe(3);
  });

  it("finds the transaction and block that anchored a root, and null when it was not, or before fromBlock", async () => {
    const root = newRoot();
    const { receipt } = await anchored(root, 1);
    const expected = { txHash: receipt.hash, blockNumber: receipt.blockNumber, blockHash: receipt.blockHash };
    expect(await chain.registry.findAnchorEvent(root)).toEqual(expected);
    expect(await chain.registry.findAnchorEvent(root, receipt.blockNumber)).toEqual(expected);
    await chain.provider.send("evm_mine", []);
    expect(await chain.registry.findAnchorEvent(root, receipt.blockNumber + 1)).toBeNull();
    expect(await chain.registry.findAnchorEvent(newRoot())).toBeNull();
  });

  it("publishes each credit's head with its batch and reads a credit's heads back in chain order", async () => {
    const [a, b, other] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    const from = await chain.provider.getBlockNumber();
    const first = [head(a, 2), head(b, 1)];
    const r1 = (await anchored(newRoot(), 3, first)).receipt;
    const second = [head(a, 4), head(other, 1)];
    const r2 = (await anchored(newRoot(), 3, second)).receipt;
    const published = await chain.registry.creditHeads([creditKey(a).toUpperCase().replace("0X", "0x"), creditKey(b), creditKey(a)], from, "latest");
    expect(published).toEqual([
      { ...first[0]!, txHash: r1.hash, blockNumber: r1.blockNumber, logIndex: expect.any(Number) },
      { ...first[1]!, txHash: r1.hash, blockNumber: r1.blockNumber, logIndex: expect.any(Number) },
      { ...second[0]!, txHash: r2.hash, blockNumber: r2.blockNumber, logIndex: expect.any(Number) },
    ]);
    expect(published[0]!.logIndex).toBeLessThan(published[1]!.logIndex);
    // Within one transaction, logs in their order; the range bounds hold.
    expect(await chain.registry.creditHeads([creditKey(a)], r2.blockNumber, "latest")).toHaveLength(1);
    expect(await chain.registry.creditHeads([creditKey(a)], from, r1.blockNumber)).toHaveLength(1);
    expect(await chain.registry.creditHeads([], from, "latest")).toEqual([]);
  });

  it("reads the heads of more credits than one log filter takes", async () => {
    const ids = Array.from({ length: 105 }, () => crypto.randomUUID());
    const from = await chain.provider.getBlockNumber();
    // The last credit (in the second filter) advanced first, the first one after it.
    const late = (await anchored(newRoot(), 1, [head(ids[104]!, 1)])).receipt;
    const early = (await anchored(newRoot(), 1, [head(ids[0]!, 1)])).receipt;
    const published = await chain.registry.creditHeads(ids.map(creditKey), from, "latest");
    expect(published.map((p) => [p.creditKey, p.blockNumber])).toEqual([
      [creditKey(ids[104]!), late.blockNumber],
      [creditKey(ids[0]!), early.blockNumber],
    ]);
  });

  it("reads the RootAnchored logs of many roots in chain order, each root once", async () => {
    const from = await chain.provider.getBlockNumber();
    const roots = Array.from({ length: 103 }, () => newRoot());
    const second = (await anchored(roots[102]!, 1)).receipt;
    const first = (await anchored(roots[0]!, 1)).receipt;
    const logs = await chain.registry.rootLogs([...roots, roots[0]!.toUpperCase().replace("0X", "0x")], from, "latest");
    expect(logs).toEqual([
      // Each RootAnchored is the first log of its transaction, mined alone in its block.
      { root: roots[102], txHash: second.hash, blockNumber: second.blockNumber, blockHash: second.blockHash, logIndex: 0 },
      { root: roots[0], txHash: first.hash, blockNumber: first.blockNumber, blockHash: first.blockHash, logIndex: 0 },
    ]);
    expect(await chain.registry.rootLogs([roots[0]!], from, second.blockNumber)).toEqual([]);
    expect(await chain.registry.rootLogs([], from, "latest")).toEqual([]);
  });

  it("grants and revokes the anchorer role through the admin, and names the error of an unauthorised send", async () => {
    const newcomer = Wallet.createRandom().address;
    const asAdmin = connectAnchorRegistry(chain.address, chain.admin);
    expect(await chain.registry.hasAnchorerRole(newcomer)).toBe(false);
    await (await asAdmin.grantAnchorerRole(newcomer)).wait();
    expect(await chain.registry.hasAnchorerRole(newcomer)).toBe(true);
    await (await asAdmin.revokeAnchorerRole(newcomer)).wait();
    expect(await chain.registry.hasAnchorerRole(newcomer)).toBe(false);
    const error = await asAdmin.anchor(newRoot(), 1, []).catch((e: unknown) => e);
    expect(anchorErrorName(error)).toBe("AccessControlUnauthorizedAccount");
    const root = newRoot();
    await anchored(root, 1);
    expect(anchorErrorName(await chain.registry.anchor(root, 1, []).catch((e: unknown) => e))).toBe("AlreadyAnchored");
  });

  it("needs a provider to read logs", async () => {
    const registry = connectAnchorRegistry(chain.address, {} as ContractRunner);
    expect(registry.address).toBe(getAddress(chain.address));
    await expect(registry.creditHeads([creditKey("x")], 0, "latest")).rejects.toThrow("The AnchorRegistry wrapper needs a provider to read logs");
    await expect(registry.rootLogs([newRoot()], 0, "latest")).rejects.toThrow("The AnchorRegistry wrapper needs a provider to read logs");
    // A provider alone (no signer) reads them.
    expect(await connectAnchorRegistry(chain.address.toLowerCase(), chain.provider).rootLogs([newRoot()], 0, "latest")).toEqual([]);
  });
});
