// The one reading of a weight for every comparison of weights in examination: the number and
// its unit as a document writes them ("12,500 KGS", "12.5 MT", "27,558 lbs", "G.W. 12500 kg"),
// compared as kilograms. Data in documents need not be identical but must not conflict (art.
// 14(d)): a weight rounded to its written precision is not a conflict. Pure.

const KG_PER_UNIT: readonly { unit: RegExp; kg: number }[] = [
  { unit: /^(?:kgs?|kilo(?:gram(?:me)?)?s?)$/i, kg: 1 },
  { unit: /^(?:mts?|t|tons?|tonnes?|metric\s+tons?|metric\s+tonnes?)$/i, kg: 1000 },
  { unit: /^(?:lbs?|pounds?)$/i, kg: 0.45359237 },
  { unit: /^(?:g|grams?|grammes?)$/i, kg: 0.001 },
];

/** One way of reading a weight: kilograms, and half the step of its last written digit (the rounding it may carry), in kilograms. */
export interface WeightReading {
  kg: number;
  roundingKg: number;
}

/**
 * The readings of a weight: one, or two when the number is ambiguous ("12.500 kg" is 12.5 kg with
 * a decimal point or 12,500 kg with a thousands point); null when no number with a known unit is
 * written.
 */
export function readWeight(text: string): WeightReading[] | null {
  const match = /(\d[\d.,' ]*)\s*(kilo(?:gram(?:me)?)?s?|kgs?|metric\s+ton(?:ne)?s?|ton(?:ne)?s?|mts?|t|lbs?|pounds?|gram(?:me)?s?|g)\b\.?/i.exec(text);
  if (!match) return null;
  const factor = KG_PER_UNIT.find((u) => u.unit.test(match[2]!.replace(/\s+/g, " ")))?.kg;
  if (factor === undefined) return null;
  const readings = readNumber(match[1]!.trim());
  if (readings.length === 0) return null;
  return readings.map(({ value, step }) => ({ kg: value * factor, roundingKg: (step * factor) / 2 }));
}

/** "12,500.50" -> 12500.5 (step 0.01); "12.500" -> 12.5 or 12500; "12 500" -> 12500. */
function readNumber(written: string): { value: number; step: number }[] {
  const text = written.replace(/[' ]/g, "");
  if (!/^\d[\d.,]*$/.test(text)) return [];
  const separators = text.replace(/\d/g, "");
  const asDecimal = (digits: string, point: string | null) => {
    const [whole, fraction = ""] = point ? digits.split(point) : [digits];
    const value = Number(`${whole!.replace(/[.,]/g, "")}.${fraction || "0"}`);
    return Number.isFinite(value) ? { value, step: 10 ** -fraction.length } : null;
  };
  const readings: ({ value: number; step: number } | null)[] = [];
  if (separators === "") readings.push(asDecimal(text, null));
  else {
    const last = separators.at(-1)!;
    const groupsOfThree = (sep: string) => text.split(sep).slice(1).every((g) => g.length === 3);
    if (new Set(separators).size === 2) readings.push(asDecimal(text, last)); // "12,500.50" or "12.500,50"
    else if (separators.length > 1) readings.push(groupsOfThree(last) ? asDecimal(text, null) : null); // "1,250,000"
    // "12.500" or "12,500": ambiguous; the comma read first as the thousands separator it mostly is.
    else if (text.split(last)[1]!.length === 3) readings.push(...(last === "," ? [asDecimal(text, null), asDecimal(text, last)] : [asDecimal(text, last), asDecimal(text, null)]));
    else readings.push(asDecimal(text, last)); // "12.5", "12,75"
  }
  return readings.filter((r): r is { value: number; step: number } => r !== null);
}

export type WeightComparison = "same" | "different" | "undetermined";

/**
 * Whether two written weights state the same weight: the same within the rounding of the coarser
 * (12.5 MT and 12,540 kg agree; 27,558 lbs and 12,500 kg agree). With an ambiguous number, the
 * same when any reading agrees. Undetermined when either cannot be read.
 */
export function compareWeights(a: string, b: string): WeightComparison {
  const left = readWeight(a);
  const right = readWeight(b);
  if (!left || !right) return "undetermined";
  const agree = (x: WeightReading, y: WeightReading) => Math.abs(x.kg - y.kg) <= Math.max(x.roundingKg, y.roundingKg) + 1e-9 * Math.max(x.kg, y.kg);
  return left.some((x) => right.some((y) => agree(x, y))) ? "same" : "different";
}

/** "12,500 kg" for display. */
export const formatKg = (kg: number) => `${kg.toLocaleString("en-GB", { maximumFractionDigits: 3 })} kg`;
