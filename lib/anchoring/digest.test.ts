import { AbiCoder, concat, hexlify, id, keccak256, randomBytes, toBeHex, toUtf8Bytes, zeroPadBytes, zeroPadValue } from "ethers";
import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash } from "./canonical";
import { DIGEST_DOMAIN, type MilestoneLeafInput, SIGNED_DIGEST_DOMAIN, ZERO_DIGEST, milestoneDigest, newSalt, normaliseDocumentHashes } from "./digest";
import type { JsonValue } from "./json";

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

/** The digest as first written: ethers' AbiCoder and keccak256 over ethers' UTF-8 (the reference the hand-packed encoding must equal). */
function ethersDigest(input: MilestoneLeafInput): string {
  const hash = (value: JsonValue) => keccak256(toUtf8Bytes(canonicalJson(value)));
  const types = ["bytes32", "string", "uint32", "string", "bytes32", "bytes32[]", "bytes32", "bytes32"];
  const docs = [...new Set(input.documentHashes.map((h) => `0x${h.replace(/^0x/, "").toLowerCase()}`))].sort();
  const common = [input.creditId, input.seq, input.kind, hash(input.content), docs, input.prevDigest.toLowerCase(), input.salt.toLowerCase()];
  return input.signatures == null
    ? keccak256(AbiCoder.defaultAbiCoder().encode(types, [DIGEST_DOMAIN, ...common]))
    : keccak256(AbiCoder.defaultAbiCoder().encode([...types, "bytes32"], [SIGNED_DIGEST_DOMAIN, ...common, hash(input.signatures as unknown as JsonValue)]));
}

/** A deterministic pseudo-random source, so that a failure can be replayed. */
function randomSource(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const int = (n: number) => Math.floor(next() * n);
  // ASCII, Latin-1, the BMP beyond it and astral characters (surrogate pairs), at every length around the 32-byte words.
  const alphabet = ["a", "Z", "0", "-", " ", '"', "\\", "\n", "é", "ß", "€", "信", "\u{1F600}", "\u{10FFFF}", "\u0000"];
  const text = () => Array.from({ length: int(70) }, () => alphabet[int(alphabet.length)]!).join("");
  return { int, text };
}

describe("milestoneDigest against ethers' AbiCoder and keccak256", () => {
  it("gives the same digest for 500 random milestones, signed and unsigned, with 0 to 5 documents", () => {
    const random = randomSource(14);
    for (let i = 0; i < 500; i++) {
      const input: MilestoneLeafInput = {
        creditId: random.text(),
        seq: [1, 2, 255, 256, 65_536, 2 ** 32 - 1, 1 + random.int(2 ** 31)][random.int(7)]!,
        kind: random.text(),
        content: { text: random.text(), n: random.int(1e9) / 100, list: [random.text(), null, true], nested: { [random.text()]: random.text() } },
        documentHashes: Array.from({ length: random.int(6) }, () => hexlify(randomBytes(32))),
        prevDigest: hexlify(randomBytes(32)),
        salt: hexlify(randomBytes(32)).toUpperCase().replace("0X", "0x"),
        signatures: random.int(2) === 0 ? null : [{ role: "actor", signature: random.text(), covers: { from: 1, to: random.int(5) } }],
      };
      expect(milestoneDigest(input), JSON.stringify(input)).toBe(ethersDigest(input));
    }
  });

  it("answers as AbiCoder did on ids and kinds that are not plain text: lone surrogates, non-strings", () => {
    const base = { ...VECTOR, signatures: [{ role: "actor" }] };
    const changes: Partial<MilestoneLeafInput>[] = [
      { creditId: "a\ud800b" }, // ethers refuses a lone high surrogate
      { kind: "\udc00" }, // and writes a lone low one as three bytes, where TextEncoder would write U+FFFD
      { creditId: "\udfff\ud83d\ude00" },
      { creditId: undefined as unknown as string },
      { kind: 3 as unknown as string },
      { content: { note: "\ud800" } }, // canonical JSON escapes a lone surrogate
    ];
    const outcomes = new Set<string>();
    for (const change of changes) {
      const input = { ...base, ...change };
      const expected = outcome(() => ethersDigest(input));
      expect(outcome(() => milestoneDigest(input)), JSON.stringify(change)).toEqual(expected);
      outcomes.add(Object.keys(expected)[0]!);
    }
    expect([...outcomes].sort()).toEqual(["digest", "error"]); // both kinds of answer were compared
  });
});

function outcome(fn: () => string): { digest: string } | { error: string } {
  try {
    return { digest: fn() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

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
