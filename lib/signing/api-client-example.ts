import { createHash, sign, type KeyObject } from "node:crypto";

// The example client of docs/API.md (issue 14): how a back office signs a step with its API
// signing key. Kept in the code base so that a test runs it against the real server: the
// documentation cannot drift from what the server accepts.

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

/** The answer of POST …/actions/{action}/signing-request when a signature is required. */
export interface SigningRequestAnswer {
  required: true;
  requestId: string;
  challenge: string;
  rpId: string;
  origin: string;
}

/**
 * Signs a signing request's challenge as an authenticator would: authenticatorData is
 * SHA-256(rpId) ‖ flags (user present and verified: 0x05) ‖ a counter that only goes up;
 * the signature is ECDSA P-256 with SHA-256 over authenticatorData ‖ SHA-256(clientDataJSON).
 */
export function signStep(answer: SigningRequestAnswer, key: { keyId: string; privateKey: KeyObject; counter: number }) {
  const counter = Buffer.alloc(4);
  counter.writeUInt32BE(key.counter);
  const authenticatorData = Buffer.concat([sha256(answer.rpId), Buffer.from([0x05]), counter]);
  const clientDataJSON = Buffer.from(JSON.stringify({ type: "webauthn.get", challenge: answer.challenge, origin: answer.origin }));
  const signature = sign("sha256", Buffer.concat([authenticatorData, sha256(clientDataJSON)]), key.privateKey);
  return { requestId: answer.requestId, keyId: key.keyId, authenticatorData: b64url(authenticatorData), clientDataJSON: b64url(clientDataJSON), signature: b64url(signature) };
}
