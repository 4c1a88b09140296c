// What `npm run bench` (bench/run.ts) makes of each benchmark's process: its exit status, the
// summary line, and the run's exit code. Pure, so bench/support/outcome.test.ts checks it.

export interface Outcome {
  name: string;
  /** The process's exit code after the runner's own checks (0: passed). */
  code: number;
  seconds: number;
}

/**
 * A benchmark's exit code as the runner sees it: a process killed by a signal failed, and one that
 * passed but left temporary files behind fails too (the runner names them).
 */
export function benchmarkCode(exitCode: number | null, signal: NodeJS.Signals | null, leftFiles: number): number {
  const code = exitCode ?? (signal ? 1 : 0);
  if (code !== 0) return code;
  return leftFiles > 0 ? 1 : 0;
}

/** One line of the summary: a failure says so and points at no results file (it was removed). */
export function summaryLine(outcome: Outcome): string {
  const head = `${outcome.name.padEnd(11)} ${outcome.code === 0 ? "ok" : `FAILED (exit ${outcome.code})`}  ${outcome.seconds} s  `;
  return head + (outcome.code === 0 ? `bench/results/${outcome.name}.json` : "no results written");
}

/** The run's exit code: 0 only when every benchmark passed (and at least one ran). */
export function runExitCode(outcomes: readonly Outcome[]): number {
  return outcomes.length > 0 && outcomes.every((o) => o.code === 0) ? 0 : 1;
}
