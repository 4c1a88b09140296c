import { AbiCoder, id, keccak256 } from "ethers";

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

/** The credit's key on chain, 0x-prefixed lower-case hex. */
export function creditKey(creditId: string): string {
  if (creditId.length === 0) throw new TypeError("A credit key needs the credit's id");
  return keccak256(AbiCoder.defaultAbiCoder().encode(["bytes32", "string"], [CREDIT_KEY_DOMAIN, creditId]));
}
