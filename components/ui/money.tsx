import { currencyDecimals } from "@/lib/money";
import { cn } from "./cn";

// Amounts are exact decimals (Decimal(18,3) in the database, strings on the way): they are
// formatted digit by digit, never through a float, so 9,999,999,999,999.995 stays exact.

/** Anything an amount arrives as: a decimal string, a number, a bigint, or a Prisma Decimal. */
export type AmountLike = string | number | bigint | { toFixed(): string };

// Minor units come from the platform's one table (lib/money.ts), the one the server validates
// amounts against: building an Intl.NumberFormat per amount shown cost as much as rendering its row.
export { currencyDecimals };

function toDecimalString(amount: AmountLike): string {
  if (typeof amount === "string") return amount.trim();
  if (typeof amount === "bigint") return amount.toString();
  if (typeof amount === "number") return Number.isInteger(amount) ? amount.toFixed(0) : String(amount);
  return amount.toFixed(); // Decimal.js: plain notation, all digits
}

/**
 * "USD 1,250,000.00". Shows the currency's decimals, and more only when the amount has
 * significant digits beyond them (a bank amount is never silently rounded in display).
 */
export function formatMoney(currency: string, amount: AmountLike): string {
  const text = toDecimalString(amount);
  const match = /^(-)?(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) throw new RangeError(`Not a decimal amount: "${text}"`);
  const [, sign = "", whole = "0", rawFraction = ""] = match;
  const decimals = currencyDecimals(currency);
  const significant = rawFraction.replace(/0+$/, "");
  const fraction = significant.length > decimals ? significant : significant.padEnd(decimals, "0");
  const grouped = whole.replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${currency} ${sign}${grouped}${fraction ? `.${fraction}` : ""}`;
}

export function Money({ currency, amount, className }: { currency: string; amount: AmountLike; className?: string }) {
  return <span className={cn("whitespace-nowrap tabular-nums", className)}>{formatMoney(currency, amount)}</span>;
}
