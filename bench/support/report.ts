import fs from "node:fs";
import path from "node:path";

// Figures: percentiles, rates, a printed table, and bench/results/<name>.json.

/** Nearest-rank percentile of `values` (need not be sorted); NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export function summary(valuesMs: readonly number[]): { count: number; p50: number; p95: number; max: number } {
  return { count: valuesMs.length, p50: round(percentile(valuesMs, 50)), p95: round(percentile(valuesMs, 95)), max: round(Math.max(...valuesMs)) };
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ms` : "n/a");
export const ratio = (baseline: number, measured: number) => (measured > 0 ? `${(baseline / measured).toFixed(1)}x` : "n/a");

/** Prints rows as an aligned table. */
export function table(rows: readonly Record<string, string | number>[]): void {
  if (rows.length === 0) return;
  const keys = Object.keys(rows[0]!);
  const width = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i]!)).join("  ");
  console.log(line(keys));
  console.log(line(width.map((w) => "-".repeat(w))));
  for (const row of rows) console.log(line(keys.map((k) => String(row[k] ?? ""))));
}

/** Where a benchmark's results go: bench/results/<name>.json under `root` (the repository). */
export function resultFile(name: string, root = process.cwd()): string {
  return path.resolve(root, "bench/results", `${name}.json`);
}

/**
 * Removes a benchmark's results file, if any: done when it starts and when it fails, so a failed
 * run never leaves an earlier run's figures looking like its own. True when a file was removed.
 */
export function removeResult(name: string, root = process.cwd()): boolean {
  const file = resultFile(name, root);
  if (!fs.existsSync(file)) return false;
  fs.rmSync(file, { force: true });
  return true;
}

/** Written by each benchmark as its last step, once every figure is measured and every check passed. */
export function writeResult(name: string, data: unknown): string {
  const file = resultFile(name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ benchmark: name, at: new Date().toISOString(), ...(data as object) }, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2)}\n`);
  return file;
}

/** Runs `fn` and returns its result with the elapsed milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - start };
}

/** Runs `lanes` loops of `task` concurrently until `durationMs` has passed; returns each call's latency. */
export async function load(lanes: number, durationMs: number, task: (lane: number, i: number) => Promise<void>): Promise<{ latencies: number[]; errors: number; firstError?: string; elapsedMs: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const deadline = start + durationMs;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = 0; performance.now() < deadline; i++) {
        const t = performance.now();
        try {
          await task(lane, i);
          latencies.push(performance.now() - t);
        } catch (error) {
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
        }
      }
    }),
  );
  return { latencies, errors, firstError, elapsedMs: performance.now() - start };
}
