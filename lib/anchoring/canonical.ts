import canonicalize from "canonicalize";
import { keccak256, toUtf8Bytes } from "ethers";
import type { JsonValue } from "./json";

// RFC 8785 (JSON Canonicalization Scheme): sorted keys, no whitespace, ECMAScript number
// formatting. The same content always serialises to the same bytes, in Node and in the browser.

/** The RFC 8785 canonical form of a JSON value. Throws on values JSON cannot represent. */
export function canonicalJson(value: JsonValue): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError("Value has no canonical JSON form");
  return text;
}

/** keccak256 of the UTF-8 bytes of the canonical JSON: the milestone leaf's content commitment. */
export function contentHash(value: JsonValue): string {
  return keccak256(toUtf8Bytes(canonicalJson(value)));
}
