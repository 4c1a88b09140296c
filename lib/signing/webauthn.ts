import { getBytes, sha256, toUtf8Bytes } from "ethers";
import { fromBase64url, toBase64url } from "./base64url";

// Checks one WebAuthn assertion (a passkey's signature) with WebCrypto alone, so that the server,
// the command-line verifier and the browser verifier run the same code (W3C WebAuthn Level 3,
// §7.2 steps 11–21, without the parts that need the server's state: the counter is returned for
// the server to compare).
//
// signature = Sign(privateKey, authenticatorData || SHA-256(clientDataJSON)), ES256 (ECDSA P-256,
// DER-encoded) or RS256 (RSASSA-PKCS1-v1_5 with SHA-256).

export const SIGNING_ALGORITHMS = ["ES256", "RS256"] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** A passkey's (or API key's) public key as key events carry it: SubjectPublicKeyInfo DER, base64url. */
export interface SigningKey {
  spki: string;
  algorithm: SigningAlgorithm;
}

/** An assertion as the browser returns it (base64url fields) and milestones store it. */
export interface Assertion {
  authenticatorData: string;
  clientDataJSON: string;
  signature: string;
}

export interface ExpectedAssertion {
  challenge: Uint8Array;
  rpId: string;
  /** Origins accepted; absent: any origin on the RP ID's host or a subdomain of it (a verifier away from our server). */
  origins?: readonly string[];
  /** User verification (PIN, biometrics) required: true for every signature that approves a step. */
  requireUserVerification: boolean;
}

export type AssertionCheck = { ok: true; counter: number; userVerified: boolean } | { ok: false; reason: string };

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

/** An ECDSA signature in DER (SEQUENCE of two INTEGERs) as WebCrypto wants it: r || s, 32 bytes each. */
export function derToRaw(der: Uint8Array): Uint8Array<ArrayBuffer> | null {
  let i = 0;
  if (der[i++] !== 0x30) return null;
  let length = der[i++]!;
  if (length & 0x80) {
    const octets = length & 0x7f;
    length = 0;
    for (let k = 0; k < octets; k++) length = (length << 8) | der[i++]!;
  }
  if (i + length !== der.length) return null;
  const out = new Uint8Array(64);
  for (let part = 0; part < 2; part++) {
    if (der[i++] !== 0x02) return null;
    const n = der[i++]!;
    if (n === 0 || n > 33 || i + n > der.length) return null;
    let value = der.subarray(i, i + n);
    i += n;
    while (value.length > 0 && value[0] === 0) value = value.subarray(1);
    if (value.length > 32) return null;
    out.set(value, part * 32 + (32 - value.length));
  }
  return i === der.length ? out : null;
}

function originAllowed(origin: unknown, expected: ExpectedAssertion): boolean {
  if (typeof origin !== "string") return false;
  if (expected.origins) return expected.origins.includes(origin);
  try {
    const host = new URL(origin).hostname;
    return host === expected.rpId || host.endsWith(`.${expected.rpId}`);
  } catch {
    return false;
  }
}

/**
 * Public keys imported into WebCrypto, each once: a verifier that checks many signatures by a few
 * keys (a credit's trail) passes one cache to every verifyAssertion call. Importing a key (parsing
 * its SPKI) cost more than the signature check itself. Only the import is cached, never a verdict:
 * every signature is still verified.
 */
export class PublicKeyCache {
  private readonly keys = new Map<string, Promise<CryptoKey>>();

  import(key: SigningKey, spki: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
    const id = `${key.algorithm}:${key.spki}`;
    let imported = this.keys.get(id);
    if (!imported) {
      imported = importPublicKey(key.algorithm, spki);
      this.keys.set(id, imported);
    }
    return imported;
  }
}

function importPublicKey(algorithm: SigningAlgorithm, spki: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  return algorithm === "ES256"
    ? subtle.importKey("spki", spki, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"])
    : subtle.importKey("spki", spki, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["verify"]);
}

export async function verifyAssertion(assertion: Assertion, key: SigningKey, expected: ExpectedAssertion, keys?: PublicKeyCache): Promise<AssertionCheck> {
  let authenticatorData: Uint8Array<ArrayBuffer>;
  let clientDataBytes: Uint8Array<ArrayBuffer>;
  let signature: Uint8Array<ArrayBuffer>;
  let spki: Uint8Array<ArrayBuffer>;
  try {
    authenticatorData = fromBase64url(assertion.authenticatorData);
    clientDataBytes = fromBase64url(assertion.clientDataJSON);
    signature = fromBase64url(assertion.signature);
    spki = fromBase64url(key.spki);
  } catch {
    return { ok: false, reason: "a field of the signature is not base64url" };
  }
  let client: { type?: unknown; challenge?: unknown; origin?: unknown };
  try {
    client = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(clientDataBytes)) as typeof client;
  } catch {
    return { ok: false, reason: "its client data is not JSON" };
  }
  if (client === null || typeof client !== "object") return { ok: false, reason: "its client data is not a JSON object" };
  if (client.type !== "webauthn.get") return { ok: false, reason: `its client data is of type ${JSON.stringify(client.type)}, not an assertion (webauthn.get)` };
  if (client.challenge !== toBase64url(expected.challenge)) return { ok: false, reason: "it signs another statement (its challenge is not this milestone's)" };
  if (!originAllowed(client.origin, expected)) return { ok: false, reason: `it was made on ${JSON.stringify(client.origin)}, not on ${expected.rpId}` };
  if (authenticatorData.length < 37) return { ok: false, reason: "its authenticator data is too short" };
  if (!equalBytes(authenticatorData.subarray(0, 32), getBytes(sha256(toUtf8Bytes(expected.rpId))))) return { ok: false, reason: `its authenticator data is for another relying party than ${expected.rpId}` };
  const flags = authenticatorData[32]!;
  if (!(flags & FLAG_UP)) return { ok: false, reason: "the user was not present (no user-presence flag)" };
  const userVerified = (flags & FLAG_UV) !== 0;
  if (expected.requireUserVerification && !userVerified) return { ok: false, reason: "the user was not verified (no user-verification flag)" };
  const counter = ((authenticatorData[33]! << 24) >>> 0) + (authenticatorData[34]! << 16) + (authenticatorData[35]! << 8) + authenticatorData[36]!;

  const signed = new Uint8Array(authenticatorData.length + 32);
  signed.set(authenticatorData, 0);
  signed.set(getBytes(sha256(clientDataBytes)), authenticatorData.length);
  const subtle = globalThis.crypto.subtle;
  if (key.algorithm !== "ES256" && key.algorithm !== "RS256") return { ok: false, reason: `the key's algorithm ${JSON.stringify(key.algorithm)} is not one this verifier knows` };
  const raw = key.algorithm === "ES256" ? derToRaw(signature) : signature;
  if (!raw) return { ok: false, reason: "its signature is not a DER-encoded ECDSA signature" };
  let publicKey: CryptoKey;
  try {
    publicKey = await (keys ? keys.import(key, spki) : importPublicKey(key.algorithm, spki));
  } catch {
    return { ok: false, reason: "the signer's public key could not be read" };
  }
  let valid: boolean;
  try {
    valid = await subtle.verify(key.algorithm === "ES256" ? { name: "ECDSA", hash: "SHA-256" } : { name: "RSASSA-PKCS1-v1_5" }, publicKey, raw, signed);
  } catch {
    return { ok: false, reason: "the signer's public key could not be read" };
  }
  if (!valid) return { ok: false, reason: "its signature does not verify with the signer's public key" };
  return { ok: true, counter, userVerified };
}
