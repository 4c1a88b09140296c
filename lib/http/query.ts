import { z } from "zod";
import { AppError } from "@/lib/errors";

// Query strings of the public API, validated at the edge (issue 15): a parameter the route does
// not know, one given twice, or a value it cannot use is a 400 naming the parameter. Nothing is
// silently ignored, so a client's typo does not quietly return the unfiltered list.

/**
 * The query parameters described by `shape` (each a zod schema of a string, whose messages read
 * after the parameter's name: "must be …"), or a 400.
 */
export function readQuery<S extends Record<string, z.ZodType<unknown, string | undefined>>>(params: URLSearchParams, shape: S): { [K in keyof S]: z.output<S[K]> } {
  const known = Object.keys(shape);
  const given = [...new Set(params.keys())];
  const unknown = given.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new AppError(
      "INVALID_REQUEST",
      `Unknown query parameter${unknown.length === 1 ? "" : "s"} ${unknown.map((n) => `"${n}"`).join(", ")}. ${known.length > 0 ? `This endpoint takes: ${known.join(", ")}.` : "This endpoint takes no query parameters."}`,
      Object.fromEntries(unknown.map((n) => [n, "Unknown parameter"])),
    );
  }
  const repeated = given.filter((name) => params.getAll(name).length > 1);
  if (repeated.length > 0) {
    throw new AppError("INVALID_REQUEST", `Give ${repeated.map((n) => `"${n}"`).join(", ")} once.`, Object.fromEntries(repeated.map((n) => [n, "Given more than once"])));
  }
  const raw = Object.fromEntries(known.map((name) => [name, params.get(name) ?? undefined]));
  const parsed = z.object(shape).safeParse(raw);
  if (parsed.success) return parsed.data as { [K in keyof S]: z.output<S[K]> };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const name = String(issue.path[0] ?? "query");
    fields[name] ??= issue.message;
  }
  throw new AppError("INVALID_REQUEST", Object.entries(fields).map(([name, message]) => `${name} ${message}.`).join(" "), fields);
}

/** An optional whole number from min to max, written in decimal digits ("50", not "5e1" or "2.5"). */
export const wholeNumberParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, { error: `must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: `must be a whole number from ${min} to ${max}` })
    .optional();
