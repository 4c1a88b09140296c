import { concat, id, keccak256, toBeHex, toUtf8Bytes, zeroPadBytes, zeroPadValue } from "ethers";
import { describe, expect, it } from "vitest";
import { contentHash } from "./canonical";
import { DIGEST_DOMAIN, type MilestoneLeafInput, ZERO_DIGEST, milestoneDigest, newSalt, normaliseDocumentHashes } from "./digest";

// The digest is anchored on chain forever and recomputed by third-party verifiers from
// docs/PROOF-FORMAT.md: these vectors pin it. If one fails, the change broke every existing
// proof; fix the code, never the vector.

const VECTOR: MilestoneLeafInput = {
  creditId: "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
  seq: 3,
  kind: "DOCUMENTS_PRESENTED",
  content: { presentation: 1, claimedAmount: "125000.00", currency: "USD", documents: ["COMMERCIAL_INVOICE", "BILL_OF_LADING"], note: "Größe €" },
  documentHashes: [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
  ],
  prevDigest: `0x${"11".repeat(32)}`,
  salt: `0x${"ab".repeat(32)}`,
};
const VECTOR_CONTENT_HASH = "0x72abd5d2347785cf5b40e40e10ba293220d42b9ebcabdb74a06a48548c8de032";
const VECTOR_DIGEST = "0x5d633baadbaa79a5565d6ee580d5bb0054c102f96929dd19cc6607c0d6100dff";

const FIRST: MilestoneLeafInput = { creditId: VECTOR.creditId, seq: 1, kind: "TERMS_AGREED", content: {}, documentHashes: [], prevDigest: ZERO_DIGEST, salt: VECTOR.salt };
const FIRST_DIGEST = "0xebde96f98020e372d3650629d423bdd046f4d30cdab6920281305cafb4bbd2a1";

/** The abi.encode layout written out word by word, as docs/PROOF-FORMAT.md describes it. */
function encodeByHand(input: MilestoneLeafInput): string {
  const word = (n: number) => zeroPadValue(toBeHex(n), 32);
  const text = (s: string) => {
    const bytes = toUtf8Bytes(s);
    const padded = Math.ceil(bytes.length / 32) * 32;
    return concat([word(bytes.length), padded === 0 ? "0x" : zeroPadBytes(bytes, padded)]);
  };
  const docs = [...input.documentHashes].map((h) => `0x${h.replace(/^0x/, "").toLowerCase()}`).sort();
  const tails = [text(input.creditId), text(input.kind), concat([word(docs.length), ...docs])];
  const head = 8 * 32;
  const offsets = [head, head + (tails[0]!.length - 2) / 2, head + (tails[0]!.length - 2) / 2 + (tails[1]!.length - 2) / 2];
  return concat([
    DIGEST_DOMAIN,
    word(offsets[0]!),
    word(input.seq),
    word(offsets[1]!),
    contentHash(input.content),
    word(offsets[2]!),
    input.prevDigest,
    input.salt,
    ...tails,
  ]);
}

describe("milestoneDigest", () => {
  it("uses the domain keccak256(\"TradeTrail.Milestone.v1\")", () => {
    expect(DIGEST_DOMAIN).toBe("0xf092a06ded245005fe70714d0415235ca85395c19c1e770d629d311df22ad673");
    expect(DIGEST_DOMAIN).toBe(id("TradeTrail.Milestone.v1"));
  });

  it("reproduces the fixed test vectors", () => {
    expect(contentHash(VECTOR.content)).toBe(VECTOR_CONTENT_HASH);
    expect(milestoneDigest(VECTOR)).toBe(VECTOR_DIGEST);
    expect(milestoneDigest(FIRST)).toBe(FIRST_DIGEST);
  });

  it("is keccak256 of the abi.encode layout documented for third-party verifiers", () => {
    expect(keccak256(encodeByHand(VECTOR))).toBe(VECTOR_DIGEST);
    expect(keccak256(encodeByHand(FIRST))).toBe(FIRST_DIGEST);
  });

  it("changes when any single input changes", () => {
    const variants: Partial<MilestoneLeafInput>[] = [
      { creditId: "0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c" },
      { seq: 4 },
      { kind: "PRESENTATION_COMPLIANT" },
      { content: { ...(VECTOR.content as object), claimedAmount: "125000.01" } },
      { content: { ...(VECTOR.content as object), extra: null } },
      { documentHashes: [VECTOR.documentHashes[0]!] },
      { documentHashes: [...VECTOR.documentHashes, "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"] },
      { prevDigest: `0x${"11".repeat(31)}12` },
      { salt: `0x${"ab".repeat(31)}ac` },
    ];
    const digests = new Set([VECTOR_DIGEST]);
    for (const change of variants) digests.add(milestoneDigest({ ...VECTOR, ...change }));
    expect(digests.size).toBe(variants.length + 1);
  });

  it("does not depend on the order, case, 0x prefix or repetition of document hashes, nor on key order", () => {
    const [a, b] = VECTOR.documentHashes as [string, string];
    const reordered: MilestoneLeafInput = {
      ...VECTOR,
      documentHashes: [`0x${b.toUpperCase()}`, a, b],
      content: { note: "Größe €", documents: ["COMMERCIAL_INVOICE", "BILL_OF_LADING"], currency: "USD", claimedAmount: "125000.00", presentation: 1 },
    };
    expect(milestoneDigest(reordered)).toBe(VECTOR_DIGEST);
  });

  it("accepts hex with or without 0x in any case, always answering lower-case", () => {
    expect(milestoneDigest({ ...VECTOR, prevDigest: "11".repeat(32), salt: `0x${"AB".repeat(32)}` })).toBe(VECTOR_DIGEST);
  });

  it("rejects inputs that are not 32 bytes of hex", () => {
    expect(() => milestoneDigest({ ...VECTOR, salt: "0x1234" })).toThrow(/Salt must be 32 bytes of hex/);
    expect(() => milestoneDigest({ ...VECTOR, salt: `0x${"zz".repeat(32)}` })).toThrow(/Salt must be 32 bytes of hex/);
    expect(() => milestoneDigest({ ...VECTOR, prevDigest: `0x${"11".repeat(33)}` })).toThrow(/Previous digest must be 32 bytes of hex/);
    expect(() => milestoneDigest({ ...VECTOR, documentHashes: ["not-a-hash"] })).toThrow(/Document hash must be 32 bytes of hex/);
  });

  it("rejects a seq outside 1 .. 2^32-1", () => {
    for (const seq of [0, -1, 1.5, 2 ** 32]) expect(() => milestoneDigest({ ...VECTOR, seq })).toThrow(new RangeError(`Milestone seq must be a positive 32-bit integer, got ${seq}`));
    expect(milestoneDigest({ ...VECTOR, seq: 2 ** 32 - 1 })).toMatch(/^0x[0-9a-f]{64}$/);
  });
});

describe("normaliseDocumentHashes", () => {
  it("prefixes, lower-cases, sorts and de-duplicates", () => {
    expect(normaliseDocumentHashes(["BB".repeat(32), `0x${"aa".repeat(32)}`, `0x${"bb".repeat(32)}`])).toEqual([`0x${"aa".repeat(32)}`, `0x${"bb".repeat(32)}`]);
  });
});

describe("newSalt", () => {
  it("makes distinct 32-byte hex salts", () => {
    const a = newSalt();
    expect(a).toMatch(/^0x[0-9a-f]{64}$/);
    expect(newSalt()).not.toBe(a);
  });

  it("is 32 random bytes: never zero, never repeated, every byte position varies", () => {
    // A constant or zero salt would let anyone confirm a guessed content against a public digest.
    const salts = Array.from({ length: 64 }, () => newSalt());
    expect(new Set(salts).size).toBe(salts.length);
    for (const salt of salts) {
      expect(salt).toMatch(/^0x[0-9a-f]{64}$/);
      expect(salt).not.toBe(ZERO_DIGEST);
    }
    // Each of the 32 bytes takes several values across 64 salts (a fixed prefix or suffix would not).
    for (let byte = 0; byte < 32; byte++) {
      const values = new Set(salts.map((s) => s.slice(2 + 2 * byte, 4 + 2 * byte)));
      expect(values.size, `byte ${byte}`).toBeGreaterThan(8);
    }
  });
});
