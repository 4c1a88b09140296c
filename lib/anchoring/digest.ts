import { getBytes, hexlify, id, randomBytes } from "ethers";
import type { JsonValue } from "./json";
import { contentHash, utf8Bytes } from "./canonical";
import { keccak256Hex } from "./keccak";

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
  // Each input is checked (and may throw) in the order the ABI encoder used to see them.
  const hashOfContent = contentHash(input.content);
  const documentHashes = normaliseDocumentHashes(input.documentHashes);
  const prevDigest = bytes32(input.prevDigest, "Previous digest");
  const salt = bytes32(input.salt, "Salt");
  const signaturesHash = input.signatures == null ? null : contentHash(input.signatures as unknown as JsonValue);
  const words = [hashOfContent, prevDigest, salt, ...documentHashes, ...(signaturesHash === null ? [] : [signaturesHash])];
  return keccak256Hex(
    encodeLeaf({
      domain: signaturesHash === null ? DIGEST_DOMAIN_BYTES : SIGNED_DIGEST_DOMAIN_BYTES,
      creditId: utf8Bytes(input.creditId),
      seq: input.seq,
      kind: utf8Bytes(input.kind),
      words: words.map(hexToBytes32),
      documentCount: documentHashes.length,
    }),
  );
}

const DIGEST_DOMAIN_BYTES = getBytes(DIGEST_DOMAIN);
const SIGNED_DIGEST_DOMAIN_BYTES = getBytes(SIGNED_DIGEST_DOMAIN);

/** 32 bytes from 0x-prefixed lower-case hex of exactly 64 digits (checked by bytes32/contentHash before). */
function hexToBytes32(hex: string): Uint8Array {
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = parseInt(hex.substr(2 + 2 * i, 2), 16);
  return bytes;
}

/** Writes `value` big-endian into the 32-byte word at `offset` (values here are far below 2^48). */
function writeUint(target: Uint8Array, offset: number, value: number): void {
  for (let i = 0; i < 6; i++) target[offset + 31 - i] = Math.floor(value / 256 ** i) % 256;
}

/**
 * abi.encode(bytes32 domain, string creditId, uint32 seq, string kind, bytes32 contentHash,
 * bytes32[] documentHashes, bytes32 prevDigest, bytes32 salt[, bytes32 signaturesHash]) written
 * directly: ethers' AbiCoder and keccak256 cost ~0.2 ms a milestone, most of a verification's
 * trail checks (bench/verify.ts). digest.test.ts checks the bytes against AbiCoder for random inputs.
 * `words`: contentHash, prevDigest, salt, the document hashes, then signaturesHash when signed.
 */
function encodeLeaf(leaf: { domain: Uint8Array; creditId: Uint8Array; seq: number; kind: Uint8Array; words: Uint8Array[]; documentCount: number }): Uint8Array {
  const padded = (n: number) => Math.ceil(n / 32) * 32;
  const signed = leaf.words.length > 3 + leaf.documentCount;
  const head = (signed ? 9 : 8) * 32;
  const creditIdAt = head;
  const kindAt = creditIdAt + 32 + padded(leaf.creditId.length);
  const documentsAt = kindAt + 32 + padded(leaf.kind.length);
  const out = new Uint8Array(documentsAt + 32 + 32 * leaf.documentCount);
  const [contentHashWord, prevDigest, salt] = leaf.words;
  out.set(leaf.domain, 0);
  writeUint(out, 32, creditIdAt);
  writeUint(out, 64, leaf.seq);
  writeUint(out, 96, kindAt);
  out.set(contentHashWord!, 128);
  writeUint(out, 160, documentsAt);
  out.set(prevDigest!, 192);
  out.set(salt!, 224);
  if (signed) out.set(leaf.words[3 + leaf.documentCount]!, 256);
  writeUint(out, creditIdAt, leaf.creditId.length);
  out.set(leaf.creditId, creditIdAt + 32);
  writeUint(out, kindAt, leaf.kind.length);
  out.set(leaf.kind, kindAt + 32);
  writeUint(out, documentsAt, leaf.documentCount);
  for (let i = 0; i < leaf.documentCount; i++) out.set(leaf.words[3 + i]!, documentsAt + 32 + 32 * i);
  return out;
}
