import { sha256 } from "ethers";
import { fromBase64url } from "./base64url";

/** A key's fingerprint: SHA-256 of its SPKI, the first 16 hex digits in groups of four. Browser-safe. */
export function keyFingerprint(spki: string): string {
  const hex = sha256(fromBase64url(spki)).slice(2, 18).toUpperCase();
  return hex.match(/.{4}/g)!.join(" ");
}
