import { getBytes, hexlify, id, toUtf8Bytes } from "ethers";
import { keccak256Bytes } from "./keccak";

// A credit's key on chain: the registry publishes every credit's head under it (CreditAdvanced),
// so a verifier can find all heads of one credit with one eth_getLogs.
//
//   creditKey = keccak256(abi.encode(bytes32 CREDIT_KEY_DOMAIN, string creditId))
//
// It is derived from the credit id alone, with no secret the operator could choose, on purpose: a
// key that came from a stored secret could be replaced together with a rewritten history (a new
// key would have no earlier heads to contradict it). The credit id is a random UUID known to the
// credit's parties and carried in its proof bundle; without it the key links to nothing.
// Browser-safe.

export const CREDIT_KEY_DOMAIN = id("TradeTrail.CreditKey.v2");

const DOMAIN_BYTES = getBytes(CREDIT_KEY_DOMAIN);

/**
 * The credit's key on chain, 0x-prefixed lower-case hex. The ABI encoding of (bytes32, string)
 * is written directly and hashed with js-sha3: ethers' AbiCoder and keccak256 took ~0.3 ms a key,
 * a quarter of closing a batch of 256 credits (bench/anchoring.ts). credit-key.test.ts checks it
 * against AbiCoder and ethers.
 */
export function creditKey(creditId: string): string {
  if (creditId.length === 0) throw new TypeError("A credit key needs the credit's id");
  return domainKey(DOMAIN_BYTES, creditId);
}

/**
 * An organisation's key trail on chain (issue 14): its key events' heads are published under
 *   organizationKey = keccak256(abi.encode(bytes32 ORGANIZATION_KEY_DOMAIN, string organizationId))
 * in the same registry as the credits', so a verifier finds them with one eth_getLogs.
 */
export const ORGANIZATION_KEY_DOMAIN = id("TradeTrail.OrganizationKeys.v1");
const ORGANIZATION_DOMAIN_BYTES = getBytes(ORGANIZATION_KEY_DOMAIN);

export function organizationKey(organizationId: string): string {
  if (organizationId.length === 0) throw new TypeError("An organisation key needs the organisation's id");
  return domainKey(ORGANIZATION_DOMAIN_BYTES, organizationId);
}

function domainKey(domain: Uint8Array, value: string): string {
  const text = toUtf8Bytes(value);
  const padded = Math.ceil(text.length / 32) * 32;
  const encoded = new Uint8Array(96 + padded);
  encoded.set(domain, 0);
  encoded[63] = 0x40; // offset of the string's data: after the two head words
  const length = text.length;
  for (let i = 0; i < 6; i++) encoded[95 - i] = Math.floor(length / 256 ** i) % 256;
  encoded.set(text, 96);
  return hexlify(keccak256Bytes(encoded));
}
