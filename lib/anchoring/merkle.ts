import { StandardMerkleTree } from "@openzeppelin/merkle-tree";

// OpenZeppelin's standard tree over single-bytes32 leaves: leaf = keccak256(keccak256(abi.encode(digest))),
// sorted-pair hashing, so proofs verify with OpenZeppelin's MerkleProof.verify on chain too.

const LEAF_ENCODING = ["bytes32"];

export interface Batch {
  root: string;
  /** Inclusion proof of each digest (0x-prefixed lower-case hex), keyed by that digest. */
  proofs: Map<string, string[]>;
}

/** Builds the tree of one anchoring batch. Digests must be distinct. */
export function buildBatch(digests: readonly string[]): Batch {
  if (digests.length === 0) throw new RangeError("A batch needs at least one milestone");
  const leaves = digests.map((d) => [d.toLowerCase()]);
  const tree = StandardMerkleTree.of(leaves, LEAF_ENCODING, { sortLeaves: true });
  const proofs = new Map<string, string[]>();
  for (const [index, [digest]] of tree.entries()) proofs.set(String(digest).toLowerCase(), tree.getProof(index));
  return { root: tree.root, proofs };
}

/** Whether `digest` with `proof` leads to `root`. Never throws on malformed input. */
export function verifyInclusion(root: string, digest: string, proof: readonly string[]): boolean {
  try {
    return StandardMerkleTree.verify(root.toLowerCase(), LEAF_ENCODING, [digest.toLowerCase()], [...proof]) ;
  } catch {
    return false;
  }
}
