// Exact decimal money arithmetic. Amounts travel as decimal strings ("125000.50") and are
// computed as integers of thousandths (every ISO 4217 currency has at most three decimals).
// Never a float.

const SCALE = 3;
const FACTOR = 10n ** BigInt(SCALE);

export type Milli = bigint;

/** "125000.5" -> 125000500n. Throws on anything that is not a plain non-negative decimal. */
export function toMilli(amount: string): Milli {
  const match = /^(-)?(\d+)(?:\.(\d{1,3}))?$/.exec(amount.trim());
  if (!match) throw new RangeError(`Not a decimal amount: "${amount}"`);
  const [, sign, whole, fraction = ""] = match;
  const value = BigInt(whole!) * FACTOR + BigInt(fraction.padEnd(SCALE, "0"));
  return sign ? -value : value;
}

/** 125000500n -> "125000.50" with the currency's decimals (2 unless given). */
export function fromMilli(value: Milli, decimals = 2): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / FACTOR;
  const fraction = (abs % FACTOR).toString().padStart(SCALE, "0");
  const shown = decimals === 0 ? "" : `.${fraction.slice(0, decimals).padEnd(decimals, "0")}`;
  return `${negative ? "-" : ""}${whole}${shown}`;
}

/** `percent`% of an amount, rounded half-up to the thousandth. */
export function percentOf(value: Milli, percent: number): Milli {
  const p = BigInt(Math.round(percent * 1000));
  return (value * p + 50_000n) / 100_000n;
}

export const sumMilli = (values: Milli[]): Milli => values.reduce((a, b) => a + b, 0n);

/** Human display: "USD 1,250,000.00". */
export function formatMoney(currency: string, amount: string | Milli, decimals = 2): string {
  const text = typeof amount === "bigint" ? fromMilli(amount, decimals) : fromMilli(toMilli(amount), decimals);
  const [whole, fraction] = text.split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${currency} ${fraction === undefined ? grouped : `${grouped}.${fraction}`}`;
}
