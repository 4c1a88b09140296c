import { AbiCoder, concat, keccak256 } from "ethers";
import { beforeAll, describe, expect, it } from "vitest";
import { type Batch, buildBatch, verifyInclusion } from "./merkle";

// OpenZeppelin's StandardMerkleTree over bytes32 digests: the proofs also verify on chain with
// MerkleProof.verify, and docs/PROOF-FORMAT.md tells third parties how to check them.

const digest = (i: number) => keccak256(AbiCoder.defaultAbiCoder().encode(["string", "uint256"], ["milestone", i]));
/** The documented leaf: keccak256(bytes.concat(keccak256(abi.encode(digest)))). */
const leaf = (d: string) => keccak256(keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32"], [d])));
const pair = (a: string, b: string) => keccak256(a < b ? concat([a, b]) : concat([b, a]));

describe("buildBatch", () => {
  const digests = Array.from({ length: 13 }, (_, i) => digest(i));
  // Built in a hook, not in the describe body: Stryker's Vitest runner reports a test file that
  // fails to collect as passing, so a mutant that broke this line would have "survived".
  let batch: Batch;
  beforeAll(() => {
    batch = buildBatch(digests);
  });

  it("gives every digest a proof that leads to the root", () => {
    expect(batch.proofs.size).toBe(13);
    for (const d of digests) expect(verifyInclusion(batch.root, d, batch.proofs.get(d)!)).toBe(true);
  });

  it("rejects a proof with one element changed, a digest not in the batch, or another digest's proof", () => {
    const d = digests[5]!;
    const proof = batch.proofs.get(d)!;
    const flipped = `${proof[0]!.slice(0, -1)}${proof[0]!.endsWith("0") ? "1" : "0"}`;
    expect(verifyInclusion(batch.root, d, [flipped, ...proof.slice(1)])).toBe(false);
    expect(verifyInclusion(batch.root, d, proof.slice(1))).toBe(false);
    expect(verifyInclusion(batch.root, digest(99), proof)).toBe(false);
    expect(verifyInclusion(batch.root, d, batch.proofs.get(digests[6]!)!)).toBe(false);
    expect(verifyInclusion(buildBatch(digests.slice(1)).root, d, proof)).toBe(false);
  });

  it("does not depend on the order the digests come in", () => {
    expect(buildBatch([...digests].reverse()).root).toBe(batch.root);
  });

  it("hashes leaves and pairs as documented", () => {
    const [a, b] = [digest(1), digest(2)];
    expect(buildBatch([a, b]).root).toBe(pair(leaf(a), leaf(b)));
    expect(buildBatch([a, b]).proofs.get(a)).toEqual([leaf(b)]);
  });

  it("makes a one-milestone batch whose root is the leaf and whose proof is empty", () => {
    const only = digest(7);
    const single = buildBatch([only]);
    expect(single.root).toBe(leaf(only));
    expect(single.proofs.get(only)).toEqual([]);
    expect(verifyInclusion(single.root, only, [])).toBe(true);
    expect(verifyInclusion(single.root, digest(8), [])).toBe(false);
  });

  it("keys proofs by lower-case digest and accepts upper-case input", () => {
    const upper = `0x${digest(3).slice(2).toUpperCase()}`;
    const tree = buildBatch([upper, digest(4)]);
    expect(tree.proofs.has(digest(3))).toBe(true);
    expect(verifyInclusion(tree.root.toUpperCase().replace("0X", "0x"), upper, tree.proofs.get(digest(3))!)).toBe(true);
  });

  it("refuses an empty batch", () => {
    expect(() => buildBatch([])).toThrow(new RangeError("A batch needs at least one milestone"));
  });

  it("refuses a leaf that is not exactly a 0x-prefixed 32-byte hex digest, naming it", () => {
    const d = digest(1);
    for (const bad of ["0x1234", d.slice(2), `${d}00`, `ff${d}`, `0x${"zz".repeat(32)}`]) {
      expect(() => buildBatch([digest(2), bad])).toThrow(new TypeError(`A batch leaf must be a 0x-prefixed 32-byte hex digest, got ${JSON.stringify(bad)}`));
    }
  });
});

describe("verifyInclusion", () => {
  it("answers false instead of throwing on malformed input", () => {
    const batch = buildBatch([digest(1), digest(2)]);
    expect(verifyInclusion(batch.root, "0x1234", [])).toBe(false);
    expect(verifyInclusion(batch.root, digest(1), ["not hex"])).toBe(false);
    expect(verifyInclusion("nonsense", digest(1), batch.proofs.get(digest(1))!)).toBe(false);
    expect(verifyInclusion(batch.root, `${digest(1)}00`, batch.proofs.get(digest(1))!)).toBe(false);
  });

  it("rejects a proof step shorter than 32 bytes, even one that zero-padding would complete", () => {
    // A pair whose sibling leaf ends in a zero byte: dropping that byte must not still verify.
    let i = 0;
    while (!leaf(digest(i + 1)).endsWith("00")) i++;
    const [mine, sibling] = [digest(i), digest(i + 1)];
    const batch = buildBatch([mine, sibling]);
    expect(batch.proofs.get(mine)).toEqual([leaf(sibling)]);
    expect(verifyInclusion(batch.root, mine, [leaf(sibling)])).toBe(true);
    expect(verifyInclusion(batch.root, mine, [leaf(sibling).slice(0, -2)])).toBe(false);
  });
});

describe("compatibility with @openzeppelin/merkle-tree", () => {
  it.each([1, 2, 3, 7, 8, 13, 256, 300])("gives the same root and proofs as StandardMerkleTree for %i leaves", async (n) => {
    const { StandardMerkleTree } = await import("@openzeppelin/merkle-tree");
    const digests = Array.from({ length: n }, (_, i) => digest(i + 1000));
    const reference = StandardMerkleTree.of(digests.map((d) => [d]), ["bytes32"]);
    const ours = buildBatch(digests);
    expect(ours.root).toBe(reference.root);
    for (const [index, [d]] of reference.entries()) expect(ours.proofs.get(String(d))).toEqual(reference.getProof(index));
  });
});
