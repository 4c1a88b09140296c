import { formatUnits, parseUnits } from "ethers";

// EIP-1559 fees for anchoring transactions, under a cap from configuration. Pure: the worker
// reads the latest block's base fee and passes it in.
//
// A first send offers maxFeePerGas = 2 × base fee + priority fee (room for the base fee to rise
// 12.5% a block for six blocks), never above the cap. A replacement of a transaction stuck in the
// mempool keeps its nonce and raises both fee fields by at least 12.5% (geth refuses less than
// 10%, some nodes more), and at least to what a first send would offer now. Above the cap nothing
// is sent: the caller waits for the base fee to come down.

export interface FeePolicy {
  /** The most the worker ever offers per gas (wei): ANCHOR_MAX_FEE_GWEI. */
  maxFeePerGas: bigint;
  /** The tip it offers a block producer (wei): ANCHOR_PRIORITY_FEE_GWEI. */
  priorityFeePerGas: bigint;
}

export interface Fees {
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
}

/** Why no fee within the cap can be offered now. */
export class FeeCapError extends Error {
  override name = "FeeCapError";
}

/** Both fee fields of a replacement are at least the previous ones plus an eighth (12.5%), rounded up. */
export function bumped(previous: bigint): bigint {
  return previous + (previous + 7n) / 8n;
}

export function gwei(wei: bigint): string {
  return `${formatUnits(wei, "gwei").replace(/\.0$/, "")} gwei`;
}

/** A decimal gwei amount from configuration ("1.5") in wei, exactly. */
export function gweiToWei(value: string): bigint {
  return parseUnits(value, "gwei");
}

/** The fees of a first send at `baseFee`; FeeCapError when the base fee alone is above the cap. */
export function initialFees(baseFee: bigint, policy: FeePolicy): Fees {
  if (baseFee > policy.maxFeePerGas) {
    throw new FeeCapError(`the base fee (${gwei(baseFee)}) is above ANCHOR_MAX_FEE_GWEI (${gwei(policy.maxFeePerGas)}): not sending until it comes down`);
  }
  const maxFeePerGas = min(policy.maxFeePerGas, 2n * baseFee + policy.priorityFeePerGas);
  return { maxFeePerGas, maxPriorityFeePerGas: min(policy.priorityFeePerGas, maxFeePerGas) };
}

/**
 * The fees of a replacement for a transaction sent with `previous`, at `baseFee`; FeeCapError
 * when the base fee is above the cap or the least acceptable replacement would be.
 */
export function replacementFees(previous: Fees, baseFee: bigint, policy: FeePolicy): Fees {
  const fresh = initialFees(baseFee, policy);
  const maxPriorityFeePerGas = max(bumped(previous.maxPriorityFeePerGas), fresh.maxPriorityFeePerGas);
  const maxFeePerGas = max(bumped(previous.maxFeePerGas), fresh.maxFeePerGas, maxPriorityFeePerGas);
  if (maxFeePerGas > policy.maxFeePerGas) {
    throw new FeeCapError(
      `a replacement would need a max fee of ${gwei(maxFeePerGas)}, above ANCHOR_MAX_FEE_GWEI (${gwei(policy.maxFeePerGas)}): the transaction waits at ${gwei(previous.maxFeePerGas)}`,
    );
  }
  return { maxFeePerGas, maxPriorityFeePerGas };
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function max(...values: bigint[]): bigint {
  return values.reduce((a, b) => (a > b ? a : b));
}
