import { removeResult } from "./report";

// Runs a benchmark's main function, printing a clear message and exiting non-zero on failure,
// and making sure clean-up hooks run on Ctrl-C. The previous run's results file is removed first
// and again on failure: bench/results/<name>.json exists only after a run that passed.

const cleanups: (() => Promise<void>)[] = [];

export function onCleanup(fn: () => Promise<void>): void {
  cleanups.push(fn);
}

async function cleanUp(): Promise<void> {
  while (cleanups.length) await cleanups.pop()!().catch((error: unknown) => console.error("clean-up:", error instanceof Error ? error.message : error));
}

export function runBenchmark(name: string, main: () => Promise<void>): void {
  const interrupted = () => {
    console.error(`\n${name}: interrupted, cleaning up… (no results written)`);
    removeResult(name);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  removeResult(name);
  main()
    .then(cleanUp)
    .then(() => process.exit(0))
    .catch(async (error: unknown) => {
      console.error(`\n${name} failed:`, error instanceof Error ? (error.stack ?? error.message) : error);
      removeResult(name);
      console.error(`${name}: FAILED, no results written (bench/results/${name}.json removed).`);
      await cleanUp();
      process.exit(1);
    });
}
