import type { Provider } from "ethers";

// Nonces of anchoring transactions, chosen by the worker and never guessed by a provider or a
// signer's cache. A first send (and a send after a reorg dropped a batch's transaction) takes the
// chain's confirmed-plus-pending count of the signer, read under the worker's send lock, so two
// workers sharing one key never pick the same one; the batch stores it, and every replacement of
// a stuck transaction re-uses it. What the node answers about a nonce is read here.

/** The next nonce of `address`: its transactions mined plus those the node holds pending. */
export async function nextNonce(provider: Provider, address: string): Promise<number> {
  return provider.getTransactionCount(address, "pending");
}

/** The node's words for "this nonce is already spent": a transaction with it was mined. */
const SPENT = /nonce too low|nonce has already been used|NONCE_EXPIRED/i;
/** The node's words for "the transaction you are replacing pays more than this one". */
const UNDERPRICED = /replacement transaction underpriced|replacement fee too low|REPLACEMENT_UNDERPRICED/i;

/** Every code and message in an error and the errors it wraps (ethers nests the node's reply). */
function messages(error: unknown, depth = 0): string {
  if (typeof error !== "object" || error === null || depth > 4) return "";
  const e = error as Record<string, unknown>;
  return [e.code, e.message, ...["error", "info", "cause"].map((key) => messages(e[key], depth + 1))].join(" ");
}

/** Whether a send failed because its nonce was already used (one of the batch's transactions was mined). */
export function isNonceSpent(error: unknown): boolean {
  return SPENT.test(messages(error));
}

/** Whether a replacement was refused for not paying enough more than the transaction it replaces. */
export function isReplacementUnderpriced(error: unknown): boolean {
  return UNDERPRICED.test(messages(error));
}

/** Whether the node refused a send for want of funds. */
export function isInsufficientFunds(error: unknown): boolean {
  return /insufficient funds|INSUFFICIENT_FUNDS/i.test(messages(error));
}
