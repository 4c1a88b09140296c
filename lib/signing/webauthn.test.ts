import { createHash, generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { ZERO_DIGEST } from "@/lib/anchoring/digest";
import { toBase64url } from "./base64url";
import { challengeText, inputHash, preparationOf, preparationStatement, statementChallenge, stepStatement } from "./statement";
import { type Assertion, PublicKeyCache, derToRaw, verifyAssertion } from "./webauthn";

// The one WebAuthn check every verifier runs (server, CLI, browser): real P-256 and RSA keys from
// node:crypto, authenticator data and client data built as the spec lays them out, then each
// field an attacker could change, changed.

const b64 = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

const ec = generateKeyPairSync("ec", { namedCurve: "P-256" });
const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const ES256 = { spki: b64(ec.publicKey.export({ type: "spki", format: "der" })), algorithm: "ES256" as const };
const RS256 = { spki: b64(rsa.publicKey.export({ type: "spki", format: "der" })), algorithm: "RS256" as const };

const statement = stepStatement("credit-1", ZERO_DIGEST, [{ seq: 1, kind: "TERMS_AGREED", content: { termsHash: "0xab", recordedAt: "2026-12-01T00:00:00.000Z" }, documentHashes: [] }]);
const challenge = statementChallenge(statement);

function assertion(options: { challenge?: string; origin?: string; type?: string; rpId?: string; flags?: number; counter?: number; key?: "ec" | "rsa" } = {}): Assertion {
  const counter = Buffer.alloc(4);
  counter.writeUInt32BE(options.counter ?? 7);
  const authenticatorData = Buffer.concat([sha256(options.rpId ?? "localhost"), Buffer.from([options.flags ?? 0x05]), counter]);
  const clientDataJSON = Buffer.from(JSON.stringify({ type: options.type ?? "webauthn.get", challenge: options.challenge ?? toBase64url(challenge), origin: options.origin ?? "http://localhost:3000" }));
  const signature = sign("sha256", Buffer.concat([authenticatorData, sha256(clientDataJSON)]), options.key === "rsa" ? rsa.privateKey : ec.privateKey);
  return { authenticatorData: b64(authenticatorData), clientDataJSON: b64(clientDataJSON), signature: b64(signature) };
}

const expected = { challenge, rpId: "localhost", requireUserVerification: true };

describe("verifyAssertion", () => {
  it("accepts an ES256 and an RS256 signature over this statement, and returns the counter", async () => {
    expect(await verifyAssertion(assertion(), ES256, expected)).toEqual({ ok: true, counter: 7, userVerified: true });
    expect(await verifyAssertion(assertion({ key: "rsa", counter: 0x01020304 }), RS256, expected)).toEqual({ ok: true, counter: 0x01020304, userVerified: true });
  });

  it("refuses another statement's signature", async () => {
    const other = statementChallenge(stepStatement("credit-1", ZERO_DIGEST, [{ seq: 1, kind: "TERMS_AGREED", content: { termsHash: "0xac", recordedAt: "2026-12-01T00:00:00.000Z" }, documentHashes: [] }]));
    expect(await verifyAssertion(assertion({ challenge: toBase64url(other) }), ES256, expected)).toMatchObject({ ok: false, reason: expect.stringMatching(/another statement/) });
  });

  it("refuses a signature by another key, or with its bytes changed", async () => {
    const stranger = generateKeyPairSync("ec", { namedCurve: "P-256" });
    expect(await verifyAssertion(assertion(), { spki: b64(stranger.publicKey.export({ type: "spki", format: "der" })), algorithm: "ES256" }, expected)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not verify/) });
    const good = assertion();
    const data = Buffer.from(good.authenticatorData, "base64url");
    data.writeUInt8(data.readUInt8(36) ^ 1, 36); // the counter, which the signature covers
    expect(await verifyAssertion({ ...good, authenticatorData: b64(data) }, ES256, expected)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not verify/) });
    expect(await verifyAssertion(assertion({ key: "rsa" }), ES256, expected)).toMatchObject({ ok: false });
  });

  it("refuses registration data, another relying party, another site, no user presence or no user verification", async () => {
    expect(await verifyAssertion(assertion({ type: "webauthn.create" }), ES256, expected)).toMatchObject({ ok: false, reason: expect.stringMatching(/webauthn.get/) });
    expect(await verifyAssertion(assertion({ rpId: "evil.example" }), ES256, expected)).toMatchObject({ ok: false, reason: expect.stringMatching(/another relying party/) });
    expect(await verifyAssertion(assertion({ origin: "https://evil.example" }), ES256, expected)).toMatchObject({ ok: false, reason: expect.stringMatching(/made on/) });
    expect(await verifyAssertion(assertion({ origin: "https://notlocalhost" }), ES256, expected)).toMatchObject({ ok: false });
    expect(await verifyAssertion(assertion({ origin: "https://app.localhost" }), ES256, expected)).toMatchObject({ ok: true });
    expect(await verifyAssertion(assertion(), ES256, { ...expected, origins: ["https://tradetrail.example"] })).toMatchObject({ ok: false });
    expect(await verifyAssertion(assertion({ flags: 0x04 }), ES256, expected)).toMatchObject({ ok: false, reason: expect.stringMatching(/not present/) });
    expect(await verifyAssertion(assertion({ flags: 0x01 }), ES256, expected)).toMatchObject({ ok: false, reason: expect.stringMatching(/not verified/) });
    expect(await verifyAssertion(assertion({ flags: 0x01 }), ES256, { ...expected, requireUserVerification: false })).toMatchObject({ ok: true, userVerified: false });
  });

  it("refuses malformed fields without throwing", async () => {
    const good = assertion();
    for (const bad of [{ ...good, signature: "!!" }, { ...good, clientDataJSON: b64(Buffer.from("not json")) }, { ...good, authenticatorData: b64(Buffer.alloc(36)) }, { ...good, signature: b64(Buffer.from([0x30, 0x02, 0x02, 0x00])) }]) {
      expect((await verifyAssertion(bad, ES256, expected)).ok).toBe(false);
    }
    expect(await verifyAssertion(good, { spki: b64(Buffer.from("not a key")), algorithm: "ES256" }, expected)).toMatchObject({ ok: false, reason: expect.stringMatching(/could not be read/) });
    expect(await verifyAssertion(good, { spki: ES256.spki, algorithm: "EdDSA" as never }, expected)).toMatchObject({ ok: false, reason: expect.stringMatching(/algorithm/) });
  });
});

describe("verifyAssertion with a PublicKeyCache (a verifier checking many signatures by a few keys)", () => {
  it("imports each key once, and still checks every signature against the key it names", async () => {
    const keys = new PublicKeyCache();
    const importKey = vi.spyOn(globalThis.crypto.subtle, "importKey");
    try {
      const stranger = generateKeyPairSync("ec", { namedCurve: "P-256" });
      const STRANGER = { spki: b64(stranger.publicKey.export({ type: "spki", format: "der" })), algorithm: "ES256" as const };
      expect(await verifyAssertion(assertion({ counter: 1 }), ES256, expected, keys)).toMatchObject({ ok: true, counter: 1 });
      expect(await verifyAssertion(assertion({ counter: 2 }), ES256, expected, keys)).toMatchObject({ ok: true, counter: 2 });
      expect(await verifyAssertion(assertion({ key: "rsa" }), RS256, expected, keys)).toMatchObject({ ok: true });
      // A cached key verifies nothing it did not sign, and another key's cache entry is its own.
      expect(await verifyAssertion(assertion(), STRANGER, expected, keys)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not verify/) });
      const good = assertion();
      const data = Buffer.from(good.authenticatorData, "base64url");
      data.writeUInt8(data.readUInt8(36) ^ 1, 36);
      expect(await verifyAssertion({ ...good, authenticatorData: b64(data) }, ES256, expected, keys)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not verify/) });
      // The same key's bytes named with another algorithm are another key.
      expect(await verifyAssertion(assertion(), { spki: ES256.spki, algorithm: "RS256" }, expected, keys)).toMatchObject({ ok: false, reason: expect.stringMatching(/could not be read/) });
      const bad = { spki: b64(Buffer.from("not a key")), algorithm: "ES256" as const };
      expect(await verifyAssertion(good, bad, expected, keys)).toMatchObject({ ok: false, reason: expect.stringMatching(/could not be read/) });
      expect(await verifyAssertion(good, bad, expected, keys)).toMatchObject({ ok: false, reason: expect.stringMatching(/could not be read/) });
      expect(importKey).toHaveBeenCalledTimes(5); // ES256, RS256, the stranger, ES256's bytes as RS256, the bad key
    } finally {
      importKey.mockRestore();
    }
  });
});

describe("derToRaw", () => {
  it("pads short integers and strips a sign byte", () => {
    const r = Buffer.alloc(31, 0x11);
    const s = Buffer.concat([Buffer.from([0x00]), Buffer.alloc(32, 0xff)]);
    const der = Buffer.concat([Buffer.from([0x30, 2 + r.length + 2 + s.length, 0x02, r.length]), r, Buffer.from([0x02, s.length]), s]);
    const raw = derToRaw(der)!;
    expect(Buffer.from(raw.subarray(0, 32)).toString("hex")).toBe(`00${"11".repeat(31)}`);
    expect(Buffer.from(raw.subarray(32)).toString("hex")).toBe("ff".repeat(32));
    expect(derToRaw(Buffer.concat([der, Buffer.from([0])]))).toBeNull();
    expect(derToRaw(Buffer.from([0x31, 0x00]))).toBeNull();
  });
});

describe("statements", () => {
  it("sign exactly what is anchored: any change to a milestone's content, kind, seq, documents or predecessor changes the challenge", () => {
    const base = { seq: 2, kind: "CREDIT_ISSUED", content: { creditNumber: "LC1" } as const, documentHashes: [`0x${"aa".repeat(32)}`] };
    const of = (prev: string, m: typeof base | { seq: number; kind: string; content: { creditNumber: string }; documentHashes: string[] }) => challengeText(stepStatement("c", prev, [m]));
    const reference = of(ZERO_DIGEST, base);
    expect(of(ZERO_DIGEST, { ...base })).toBe(reference);
    expect(of(`0x${"01".repeat(32)}`, base)).not.toBe(reference);
    expect(of(ZERO_DIGEST, { ...base, seq: 3 })).not.toBe(reference);
    expect(of(ZERO_DIGEST, { ...base, kind: "CREDIT_ADVISED" })).not.toBe(reference);
    expect(of(ZERO_DIGEST, { ...base, content: { creditNumber: "LC2" } })).not.toBe(reference);
    expect(of(ZERO_DIGEST, { ...base, documentHashes: [] })).not.toBe(reference);
    expect(challengeText(stepStatement("other", ZERO_DIGEST, [base]))).not.toBe(reference);
    // Document hashes in any order and case are the same documents.
    expect(of(ZERO_DIGEST, { ...base, documentHashes: [`0x${"AA".repeat(32)}`] })).toBe(reference);
  });

  it("a preparation statement commits to the action, subject, input and time, and reads back from content", () => {
    const preparation = { action: "prepareIssuance", subjectId: null, inputHash: inputHash({ creditNumber: "LC1" }), preparedAt: "2026-12-01T10:00:00.000Z" };
    const reference = challengeText(preparationStatement("c", preparation));
    expect(challengeText(preparationStatement("c", { ...preparation, inputHash: inputHash({ creditNumber: "LC2" }) }))).not.toBe(reference);
    expect(challengeText(preparationStatement("c", { ...preparation, preparedAt: "2026-12-01T10:00:01.000Z" }))).not.toBe(reference);
    expect(inputHash({ b: 1, a: 2 })).toBe(inputHash({ a: 2, b: 1 }));
    expect(preparationOf({ preparation })).toEqual(preparation);
    expect(preparationOf({ preparation: { ...preparation, inputHash: 5 } })).toBeNull();
    expect(preparationOf({})).toBeNull();
  });

  it("has a fixed test vector (docs/PROOF-FORMAT.md)", () => {
    expect(challengeText(statement)).toBe(challengeText(stepStatement("credit-1", ZERO_DIGEST, [{ seq: 1, kind: "TERMS_AGREED", content: { recordedAt: "2026-12-01T00:00:00.000Z", termsHash: "0xab" }, documentHashes: [] }])));
    expect(challengeText(statement)).toMatchInlineSnapshot(`"akQIaJ_cViwYxoK86ngD7CEBzdLAYtSG0oFpNCeTO3s"`);
  });
});
