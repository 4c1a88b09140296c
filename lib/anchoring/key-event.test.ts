import { describe, expect, it } from "vitest";
import { contentHash } from "./canonical";
import { creditKey, organizationKey } from "./credit-key";
import { ZERO_DIGEST, milestoneDigest } from "./digest";
import { keyEventDigest } from "./key-event";

// The test vectors of docs/PROOF-FORMAT.md §11.7: a third-party verifier reproduces these.

const salt = `0x${"a1".repeat(32)}`;
const org = "0190f6a2-7c4e-7d3a-9b1e-2f4c6a8e0b13";
const content = {
  credentialId: "q0Xk2lZb4nNw1JvV3yXc7g",
  publicKey: "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE",
  algorithm: "ES256",
  rpId: "tradetrail.example",
  userId: "0190f6a2-7c4e-7d3a-9b1e-2f4c6a8e0b14",
  userName: "Mei Lin",
  roles: ["CHECKER"],
  recordedAt: "2026-12-01T09:00:00.000Z",
};
const signatures = [{ role: "actor", credentialId: "q0Xk2lZb4nNw1JvV3yXc7g", authenticatorData: "AAAA", clientDataJSON: "e30", signature: "MEUCIQ", covers: { from: 1, to: 1 } }];
const milestone = { creditId: "credit-1", seq: 1, kind: "TERMS_AGREED", content: { termsHash: "0xab", recordedAt: "2026-12-01T00:00:00.000Z" }, documentHashes: [], prevDigest: ZERO_DIGEST, salt };

describe("key events and signed digests (PROOF-FORMAT §11.7)", () => {
  it("match the published vectors", () => {
    expect(organizationKey(org)).toBe("0x035db5c14116b2ecff8285278fac36afb0b6a6123de5393f131c159cb981b5de");
    expect(contentHash(content)).toBe("0x3f151f0b8dc04f198d692501a51049244f7fb8c7552081c0ec160dd223dd224f");
    expect(keyEventDigest({ organizationId: org, seq: 1, kind: "KEY_ADDED", content, prevDigest: ZERO_DIGEST, salt })).toBe("0x45973cec80b91b64178c935cb1a54a3dadc3b13040490dc94b1093f6ea3adb98");
    expect(contentHash(signatures)).toBe("0x86c66e25f44a0042bddfc4b532de99c42edc2473bd97be8df09c5ddafcf71e10");
    expect(milestoneDigest({ ...milestone, signatures })).toBe("0xea69af44e773bf65363b1136375ca79b53d6ca28d119d179204da96c80f67d05");
  });

  it("commit to every input: the organisation, seq, kind, content, predecessor, salt and each signature", () => {
    const base = keyEventDigest({ organizationId: org, seq: 1, kind: "KEY_ADDED", content, prevDigest: ZERO_DIGEST, salt });
    expect(keyEventDigest({ organizationId: `${org.slice(0, -1)}4`, seq: 1, kind: "KEY_ADDED", content, prevDigest: ZERO_DIGEST, salt })).not.toBe(base);
    expect(keyEventDigest({ organizationId: org, seq: 2, kind: "KEY_ADDED", content, prevDigest: ZERO_DIGEST, salt })).not.toBe(base);
    expect(keyEventDigest({ organizationId: org, seq: 1, kind: "KEY_REVOKED", content, prevDigest: ZERO_DIGEST, salt })).not.toBe(base);
    expect(keyEventDigest({ organizationId: org, seq: 1, kind: "KEY_ADDED", content: { ...content, roles: ["MAKER"] }, prevDigest: ZERO_DIGEST, salt })).not.toBe(base);
    expect(keyEventDigest({ organizationId: org, seq: 1, kind: "KEY_ADDED", content, prevDigest: salt, salt })).not.toBe(base);
    expect(keyEventDigest({ organizationId: org, seq: 1, kind: "KEY_ADDED", content, prevDigest: ZERO_DIGEST, salt: `0x${"a2".repeat(32)}` })).not.toBe(base);
    expect(() => keyEventDigest({ organizationId: org, seq: 0, kind: "KEY_ADDED", content, prevDigest: ZERO_DIGEST, salt })).toThrow(RangeError);
    expect(() => keyEventDigest({ organizationId: org, seq: 1, kind: "KEY_ADDED", content, prevDigest: "0x12", salt })).toThrow(TypeError);
    // An organisation's key is not the credit key of the same id: the two trails never share heads.
    expect(organizationKey(org)).not.toBe(creditKey(org));
    const unsigned = milestoneDigest(milestone);
    expect(milestoneDigest({ ...milestone, signatures: [] })).not.toBe(unsigned);
    expect(milestoneDigest({ ...milestone, signatures: [{ ...signatures[0]!, signature: "MEUCIA" }] })).not.toBe(milestoneDigest({ ...milestone, signatures }));
  });
});
