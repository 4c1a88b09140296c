import canonicalize from "canonicalize";
import { toUtf8Bytes } from "ethers";
import type { JsonValue } from "./json";
import { keccak256Hex } from "./keccak";

// RFC 8785 (JSON Canonicalization Scheme): sorted keys, no whitespace, ECMAScript number
// formatting. The same content always serialises to the same bytes, in Node and in the browser.

/** The RFC 8785 canonical form of a JSON value. Throws on values JSON cannot represent. */
export function canonicalJson(value: JsonValue): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError("Value has no canonical JSON form");
  return text;
}

const SURROGATE = /[\uD800-\uDFFF]/;
const encoder = new TextEncoder();

/**
 * The UTF-8 bytes of `text`, as ethers' toUtf8Bytes writes them. TextEncoder is several times
 * faster, and writes the same bytes for any text without surrogates; text with any (a lone one
 * makes toUtf8Bytes throw, where TextEncoder would write U+FFFD) goes through toUtf8Bytes itself,
 * as does anything not a string (a malformed record's field), so that it throws as it did.
 */
export function utf8Bytes(text: string): Uint8Array {
  return typeof text !== "string" || SURROGATE.test(text) ? toUtf8Bytes(text) : encoder.encode(text);
}

/** keccak256 of the UTF-8 bytes of the canonical JSON: the milestone leaf's content commitment. */
export function contentHash(value: JsonValue): string {
  return keccak256Hex(utf8Bytes(canonicalJson(value)));
}
