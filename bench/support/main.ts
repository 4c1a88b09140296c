// Runs a benchmark's main function, printing a clear message and exiting non-zero on failure,
// and making sure clean-up hooks run on Ctrl-C.

const cleanups: (() => Promise<void>)[] = [];

export function onCleanup(fn: () => Promise<void>): void {
  cleanups.push(fn);
}

async function cleanUp(): Promise<void> {
  while (cleanups.length) await cleanups.pop()!().catch((error: unknown) => console.error("clean-up:", error instanceof Error ? error.message : error));
}

export function runBenchmark(name: string, main: () => Promise<void>): void {
  const interrupted = () => {
    console.error(`\n${name}: interrupted, cleaning up…`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  main()
    .then(cleanUp)
    .then(() => process.exit(0))
    .catch(async (error: unknown) => {
      console.error(`\n${name} failed:`, error instanceof Error ? (error.stack ?? error.message) : error);
      await cleanUp();
      process.exit(1);
    });
}
