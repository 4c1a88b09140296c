import { createPublicKey } from "node:crypto";
import { decodeCredentialPublicKey } from "@simplewebauthn/server/helpers";
import { AppError } from "@/lib/errors";
import type { SigningKey } from "./webauthn";

// A passkey's COSE public key (as the authenticator gave it at registration) in the form key
// events carry and every verifier reads with WebCrypto: SubjectPublicKeyInfo DER, base64url.
// Server-only (node:crypto); verifiers never decode COSE.

const COSE_ALG_ES256 = -7;
const COSE_ALG_RS256 = -257;

export function signingKeyFromCose(coseBase64url: string): SigningKey {
  const cose = decodeCredentialPublicKey(new Uint8Array(Buffer.from(coseBase64url, "base64url"))) as unknown as Map<number, unknown>;
  const alg = cose.get(3);
  const bytes = (label: number) => {
    const value = cose.get(label);
    if (!(value instanceof Uint8Array)) throw new AppError("INVALID_REQUEST", "This passkey's public key is malformed.");
    return Buffer.from(value).toString("base64url");
  };
  if (alg === COSE_ALG_ES256 && cose.get(1) === 2 && cose.get(-1) === 1) {
    const key = createPublicKey({ key: { kty: "EC", crv: "P-256", x: bytes(-2), y: bytes(-3) }, format: "jwk" });
    return { spki: key.export({ type: "spki", format: "der" }).toString("base64url"), algorithm: "ES256" };
  }
  if (alg === COSE_ALG_RS256 && cose.get(1) === 3) {
    const key = createPublicKey({ key: { kty: "RSA", n: bytes(-1), e: bytes(-2) }, format: "jwk" });
    return { spki: key.export({ type: "spki", format: "der" }).toString("base64url"), algorithm: "RS256" };
  }
  throw new AppError("INVALID_REQUEST", "This passkey signs with an algorithm TradeTrail cannot verify everywhere: use a passkey with ES256 (P-256) or RS256.");
}

/** SHA-256 fingerprint of a key's SPKI, the form the audit page shows (first 16 hex digits, grouped). */
export { keyFingerprint } from "./fingerprint";
