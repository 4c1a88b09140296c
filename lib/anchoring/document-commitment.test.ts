import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DIGEST_DOMAIN } from "./digest";
import { DOCUMENT_DOMAIN, documentCommitment, normaliseSha256 } from "./document-commitment";
import { buildBatch, verifyInclusion } from "./merkle";

const text = "TradeTrail invoice INV-2026-0042";
const sha256 = createHash("sha256").update(text).digest("hex");

describe("documentCommitment", () => {
  it("matches the fixed test vector (computed independently with @noble/hashes keccak_256 over domain ‖ sha256)", () => {
    expect(sha256).toBe("6b843e0a8a0fff121e6ac67e0213fa745174f6cdb5f3cab32333f49603840fa9");
    expect(DOCUMENT_DOMAIN).toBe("0x658f181a5cbd2ba7190724010a25063bd20b53fe4210a8b50f7bdd9b4e84e597");
    expect(documentCommitment(sha256)).toBe("0x60c453223a105c91209a6e5475228f4e0422fb1e5dfa74ef52455c54c9773926");
  });

  it("reads the hash with or without 0x, in either case, to the same commitment", () => {
    const expected = documentCommitment(sha256);
    expect(documentCommitment(`0x${sha256}`)).toBe(expected);
    expect(documentCommitment(sha256.toUpperCase())).toBe(expected);
  });

  it("is domain-separated from milestone digests and differs for every document", () => {
    expect(DOCUMENT_DOMAIN).not.toBe(DIGEST_DOMAIN);
    const other = createHash("sha256").update(`${text} `).digest("hex");
    expect(documentCommitment(other)).not.toBe(documentCommitment(sha256));
    expect(documentCommitment(sha256)).not.toBe(`0x${sha256}`);
  });

  it("refuses anything that is not a SHA-256", () => {
    for (const bad of ["", "abc", sha256.slice(1), `${sha256}00`, `0x${sha256.slice(2)}zz`, "g".repeat(64)]) {
      expect(() => documentCommitment(bad), bad).toThrow(TypeError);
      expect(normaliseSha256(bad), bad).toBeNull();
    }
    expect(normaliseSha256(` 0x${sha256.toUpperCase()} `)).toBe(sha256);
  });

  it("is a leaf of a batch tree like any milestone digest, with a proof that verifies", () => {
    const commitment = documentCommitment(sha256);
    const milestone = `0x${"ab".repeat(32)}`;
    const batch = buildBatch([milestone, commitment]);
    expect(verifyInclusion(batch.root, commitment, batch.proofs.get(commitment)!)).toBe(true);
    // The bare SHA-256 is not the leaf: only the commitment proves inclusion.
    expect(verifyInclusion(batch.root, `0x${sha256}`, batch.proofs.get(commitment)!)).toBe(false);
  });
});
