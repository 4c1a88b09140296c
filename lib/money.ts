import { z } from "zod";

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

/**
 * THE form of an amount leaving TradeTrail through the API: a plain decimal string with exactly
 * the currency's ISO 4217 minor units, USD "42000.00", JPY "42000", BHD "42000.000", whether the
 * amount was read from a Decimal(18,3) column ("42000.000", or "42000" from Prisma's Decimal) or
 * from terms as entered ("42000").
 */
export function canonicalAmount(currency: string, amount: string | { toString(): string }): string {
  return fromMilli(toMilli(String(amount)), currencyDecimals(currency));
}

/** Human display: "USD 1,250,000.00". */
export function formatMoney(currency: string, amount: string | Milli, decimals = 2): string {
  const text = typeof amount === "bigint" ? fromMilli(amount, decimals) : fromMilli(toMilli(amount), decimals);
  const [whole, fraction] = text.split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${currency} ${fraction === undefined ? grouped : `${grouped}.${fraction}`}`;
}

// ---- Amounts entering the system ------------------------------------------------------------

/**
 * ISO 4217 minor units where they differ from the usual two (list of 2026; XAU and the like are
 * not currencies a credit is drawn in). Every amount that enters TradeTrail is checked against
 * this table by parseAmount below, and nowhere else.
 */
const MINOR_UNITS: Readonly<Record<string, number>> = {
  // No minor unit.
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0,
  VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  // Thousandths.
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  // Four decimals (a unit of account, listed for completeness).
  CLF: 4, UYW: 4,
};

/** The number of decimals a currency's amounts may carry (ISO 4217 minor units): JPY 0, USD 2, BHD 3. */
export const currencyDecimals = (currency: string): number => MINOR_UNITS[currency.toUpperCase()] ?? 2;

/** The most decimals any currency a credit is drawn in has (amounts are stored as Decimal(18,3)). */
export const MAX_DECIMALS = SCALE;

export type ParsedAmount = { ok: true; amount: string; milli: Milli } | { ok: false; message: string; reason: "missing" | "form" | "decimals" | "zero" };

/**
 * THE check for an amount that enters the system (terms, amendments, document data, payments):
 * a plain positive decimal of at most 15 whole digits, with no more decimals than the currency's
 * ISO 4217 minor units. Without a currency, only the form is checked (at most three decimals),
 * for fields whose currency is checked with parseAmount again once it is known.
 * A JSON number (an API client's 125000.5) is taken as the decimal it denotes.
 */
export function parseAmount(currency: string | null, raw: unknown): ParsedAmount {
  const text = typeof raw === "number" && Number.isFinite(raw) ? String(raw) : typeof raw === "string" ? raw.trim() : "";
  if (text === "") return { ok: false, reason: "missing", message: "Enter an amount" };
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(text);
  if (!match) return { ok: false, reason: "form", message: "Enter an amount like 125000.00" };
  const fraction = match[2] ?? "";
  const decimals = currency === null ? MAX_DECIMALS : currencyDecimals(currency);
  if (fraction.length > decimals) {
    return {
      ok: false,
      reason: "decimals",
      message: currency === null ? `At most ${MAX_DECIMALS} decimal places` : `${currency} amounts have ${decimals === 0 ? "no decimal places" : `at most ${decimals} decimal place${decimals === 1 ? "" : "s"}`}`,
    };
  }
  const milli = toMilli(text);
  if (milli <= 0n) return { ok: false, reason: "zero", message: "The amount must be more than zero" };
  return { ok: true, amount: text, milli };
}

/** A form or JSON field holding an amount whose currency is checked later (by `amountFitsCurrency`, or the payment step). */
export const amountField = (what = "an amount") =>
  z
    .string({ error: `Enter ${what}` })
    .trim()
    .superRefine((value, ctx) => {
      // Too many decimals is the currency's to say (amountFitsCurrency, or the payment step).
      const parsed = parseAmount(null, value);
      if (!parsed.ok && parsed.reason !== "decimals") ctx.addIssue({ code: "custom", message: parsed.reason === "missing" ? `Enter ${what}` : parsed.message });
    });

/** The same for JSON input, where an API client may send 125000.5 as a number: kept as the decimal it denotes. */
export const jsonAmountField = (what = "an amount") =>
  z.preprocess((v) => (typeof v === "number" && Number.isFinite(v) ? String(v) : v === null ? undefined : v), amountField(what));

/** For a schema's superRefine: the amount at `path` carries no more decimals than its currency has. */
export function amountFitsCurrency(ctx: z.RefinementCtx, currency: string, amount: string, path: (string | number)[] = ["amount"]): void {
  const parsed = parseAmount(currency, amount);
  if (!parsed.ok) ctx.addIssue({ code: "custom", path, message: parsed.message });
}
