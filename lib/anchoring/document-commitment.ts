import { AbiCoder, id, keccak256 } from "ethers";

// A document's own leaf in the batch tree, so that "this file was anchored at time T" is provable
// from the chain alone, without revealing (or needing) the milestone that committed to it:
//
//   commitment = keccak256(abi.encode(bytes32 DOCUMENT_DOMAIN, bytes32 sha256))
//
// The domain separates it from milestone digests (TradeTrail.Milestone.v1). The tree hashes every
// leaf twice (merkle.ts), as OpenZeppelin's StandardMerkleTree does. Pure and browser-safe: the
// /verify page recomputes it from the bytes it hashed itself.

export const DOCUMENT_DOMAIN = id("TradeTrail.Document.v2");

const SHA256 = /^(0x)?[0-9a-fA-F]{64}$/;

/** A SHA-256 as documents.sha256 spells it: 64 lower-case hex digits, no 0x; null if malformed. */
export function normaliseSha256(value: string): string | null {
  const trimmed = value.trim();
  if (!SHA256.test(trimmed)) return null;
  return (trimmed.startsWith("0x") ? trimmed.slice(2) : trimmed).toLowerCase();
}

/** The document's leaf value in a batch tree, 0x-prefixed lower-case hex. */
export function documentCommitment(sha256: string): string {
  const hash = normaliseSha256(sha256);
  if (hash === null) throw new TypeError(`A document hash must be 64 hex digits (SHA-256), got ${JSON.stringify(sha256)}`);
  return keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32", "bytes32"], [DOCUMENT_DOMAIN, `0x${hash}`]));
}
