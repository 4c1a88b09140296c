import { afterAll, beforeAll, beforeEach, inject } from "vitest";

// Stryker's Vitest runner counts code run by beforeAll/afterAll hooks as "static" coverage, and
// reruns the whole suite (~75 s) for every mutant there. The integration files deploy registries,
// build worlds and anchor in beforeAll, so half the mutants of lib/chain and lib/anchoring looked
// static. In the dry run, this moves what a file's hooks covered to that file's tests: rerunning
// them reruns the hooks. Code run at import stays static. A no-op outside Stryker.

declare module "vitest" {
  export interface ProvidedContext {
    mode?: "dry-run" | "mutant";
    globalNamespace?: string;
  }
}

type Counts = Record<string, number>;
interface StrykerNamespace {
  currentTestId?: string;
  mutantCoverage?: { static: Counts; perTest: Record<string, Counts> };
}

const name = inject("globalNamespace");
if (inject("mode") === "dry-run" && name) {
  const ns = () => (globalThis as Record<string, unknown>)[name] as StrykerNamespace | undefined;
  let atImport: Counts = {};
  const testIds = new Set<string>();

  beforeAll(() => {
    atImport = { ...(ns()?.mutantCoverage?.static ?? {}) };
  });
  // Runs after Stryker's own beforeEach (its setup file comes first), which names the test.
  beforeEach(() => {
    const id = ns()?.currentTestId;
    if (id) testIds.add(id);
  });
  // Runs before Stryker's afterAll (hooks after tests run in reverse), which reports the coverage.
  afterAll(() => {
    const coverage = ns()?.mutantCoverage;
    if (!coverage || testIds.size === 0) return;
    for (const [mutant, hits] of Object.entries(coverage.static)) {
      const inHooks = hits - (atImport[mutant] ?? 0);
      if (inHooks <= 0) continue;
      for (const id of testIds) {
        const perTest = (coverage.perTest[id] ??= {});
        perTest[mutant] = (perTest[mutant] ?? 0) + inHooks;
      }
      if (atImport[mutant]) coverage.static[mutant] = atImport[mutant];
      else delete coverage.static[mutant];
    }
  });
}
