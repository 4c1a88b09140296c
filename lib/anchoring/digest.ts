import { AbiCoder, hexlify, id, keccak256, randomBytes } from "ethers";
import type { JsonValue } from "./json";
import { contentHash } from "./canonical";

// A milestone's digest is the Merkle leaf anchored on chain. It commits to everything an
// auditor needs to prove — the credit, the position in the credit's chain, the kind, the
// canonical content, every document hash, the previous milestone's digest — plus a random
// salt kept in our database, so that the public value reveals nothing guessable.
//
// digest = keccak256(abi.encode(
//   bytes32 DOMAIN, string creditId, uint32 seq, string kind, bytes32 contentHash,
//   bytes32[] documentHashes (sorted, SHA-256), bytes32 prevDigest, bytes32 salt))
//
// A signed milestone (issue 14) also commits to its signatures, under another domain:
//
// digest = keccak256(abi.encode(
//   bytes32 DOMAIN_V3, string creditId, uint32 seq, string kind, bytes32 contentHash,
//   bytes32[] documentHashes, bytes32 prevDigest, bytes32 salt, bytes32 signaturesHash))
// signaturesHash = keccak256(UTF-8(RFC 8785 canonical JSON of the signatures array))
//
// docs/PROOF-FORMAT.md describes the same computation for third-party verifiers.

export const DIGEST_DOMAIN = id("TradeTrail.Milestone.v1");
export const SIGNED_DIGEST_DOMAIN = id("TradeTrail.SignedMilestone.v3");
export const ZERO_DIGEST = `0x${"0".repeat(64)}`;

const HEX32 = /^(0x)?[0-9a-fA-F]{64}$/;

export interface MilestoneLeafInput {
  creditId: string;
  seq: number;
  kind: string;
  content: JsonValue;
  /** SHA-256 of each document, hex, with or without 0x. */
  documentHashes: readonly string[];
  prevDigest: string;
  salt: string;
  /** The signatures (lib/signing), for a signed milestone; absent or null: unsigned (digest v1). */
  signatures?: readonly object[] | null;
}

/** A fresh 32-byte salt, hex with 0x. */
export function newSalt(): string {
  return hexlify(randomBytes(32));
}

function bytes32(value: string, what: string): string {
  if (!HEX32.test(value)) throw new TypeError(`${what} must be 32 bytes of hex, got ${JSON.stringify(value)}`);
  return (value.startsWith("0x") ? value : `0x${value}`).toLowerCase();
}

/** The canonical order of document hashes inside a leaf: 0x-prefixed lower-case, sorted, unique. */
export function normaliseDocumentHashes(hashes: readonly string[]): string[] {
  return [...new Set(hashes.map((h) => bytes32(h, "Document hash")))].sort();
}

/** The milestone's leaf digest, 0x-prefixed lower-case hex. Pure and deterministic. */
export function milestoneDigest(input: MilestoneLeafInput): string {
  if (!Number.isInteger(input.seq) || input.seq < 1 || input.seq > 0xffffffff) {
    throw new RangeError(`Milestone seq must be a positive 32-bit integer, got ${input.seq}`);
  }
  const common = [
    input.creditId,
    input.seq,
    input.kind,
    contentHash(input.content),
    normaliseDocumentHashes(input.documentHashes),
    bytes32(input.prevDigest, "Previous digest"),
    bytes32(input.salt, "Salt"),
  ];
  const types = ["bytes32", "string", "uint32", "string", "bytes32", "bytes32[]", "bytes32", "bytes32"];
  const encoded =
    input.signatures == null
      ? AbiCoder.defaultAbiCoder().encode(types, [DIGEST_DOMAIN, ...common])
      : AbiCoder.defaultAbiCoder().encode([...types, "bytes32"], [SIGNED_DIGEST_DOMAIN, ...common, contentHash(input.signatures as unknown as JsonValue)]);
  return keccak256(encoded);
}
