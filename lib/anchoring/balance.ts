import { type Provider, formatEther } from "ethers";
import { db } from "@/lib/db/client";

// The anchoring signer's balance against what anchoring spends: gas used × effective gas price
// of every batch confirmed in the last day (stored from each batch's receipt). Read by the worker
// (a log line when fewer than ANCHOR_BALANCE_WARN_DAYS days are left) and by whatever reports
// on operations (AnchoringWorker.balanceStatus(), for a metrics endpoint).

export const DAY_MS = 86_400_000;

export interface BalanceStatus {
  /** The signer's address. */
  address: string;
  balanceWei: bigint;
  /** Spent on anchoring in the last `windowMs`, scaled to a day. */
  weiPerDay: bigint;
  /** How many days the balance lasts at that rate (two decimals); null when nothing was spent. */
  daysLeft: number | null;
  /** Fewer than `warnDays` days left, or a send was refused for want of funds. */
  low: boolean;
  /** When the last send was refused for want of funds: how much more the signer needed (wei). */
  shortfallWei: bigint | null;
  checkedAt: Date;
}

export interface BalanceQuery {
  provider: Provider;
  address: string;
  chainId: bigint;
  contractAddress: string;
  warnDays: number;
  /** How far back spending is summed (default a day). */
  windowMs?: number;
  now?: Date;
}

/** The signer's balance and how long it lasts at the rate anchoring spent it over the last day. */
export async function anchoringBalance(query: BalanceQuery): Promise<BalanceStatus> {
  const now = query.now ?? new Date();
  const windowMs = query.windowMs ?? DAY_MS;
  const [balanceWei, spent] = await Promise.all([
    query.provider.getBalance(query.address),
    db().$queryRaw<{ wei: string }[]>`
      SELECT coalesce(sum(gas_used::numeric * effective_gas_price::numeric), 0)::text AS wei
        FROM (SELECT chain_id, contract_address, status, gas_used, effective_gas_price, confirmed_at FROM anchor_batches
              UNION ALL
              SELECT chain_id, contract_address, status, gas_used, effective_gas_price, confirmed_at FROM anchor_network_anchorings) spent
       WHERE chain_id = ${query.chainId} AND contract_address = ${query.contractAddress} AND status = 'CONFIRMED'
         AND gas_used IS NOT NULL AND effective_gas_price IS NOT NULL
         AND confirmed_at > ${new Date(now.getTime() - windowMs)}`,
  ]);
  const weiPerDay = (BigInt(spent[0]!.wei) * BigInt(DAY_MS)) / BigInt(windowMs);
  const daysLeft = weiPerDay === 0n ? null : Number((balanceWei * 100n) / weiPerDay) / 100;
  return {
    address: query.address,
    balanceWei,
    weiPerDay,
    daysLeft,
    low: daysLeft !== null && daysLeft < query.warnDays,
    shortfallWei: null,
    checkedAt: now,
  };
}

/** One line for the operator about a low balance. */
export function describeLowBalance(status: BalanceStatus, warnDays: number): string {
  return `the anchoring signer ${status.address} holds ${formatEther(status.balanceWei)} ETH, about ${status.daysLeft} day(s) of anchoring at the last day's rate (${formatEther(status.weiPerDay)} ETH a day), fewer than ANCHOR_BALANCE_WARN_DAYS (${warnDays}): fund it`;
}

/** A send refused for want of funds, naming the address and the shortfall. */
export class InsufficientFundsError extends Error {
  override name = "InsufficientFundsError";
  constructor(
    readonly address: string,
    readonly balanceWei: bigint,
    readonly neededWei: bigint,
  ) {
    super(
      `the anchoring signer ${address} holds ${formatEther(balanceWei)} ETH, ${formatEther(neededWei - balanceWei)} ETH short of the ${formatEther(neededWei)} ETH this batch's transaction may cost: fund it; its milestones wait and are anchored once it is funded`,
    );
  }
  get shortfallWei(): bigint {
    return this.neededWei - this.balanceWei;
  }
}
