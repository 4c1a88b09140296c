import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// The tests Stryker runs against each mutant of lib/anchoring, lib/chain and lib/verify
// (stryker.config.mjs): their unit tests, plus the integration files that exercise the code
// needing PostgreSQL and anvil (the worker, the outbox writer, the chain wrapper, verification).
// One project, so the integration global setup (template database, one anvil) runs once per
// Stryker test-runner process and every mutant rerun reuses it.

const root = fileURLToPath(new URL(".", import.meta.url));

const INCLUDE = [
  // Cheapest first: Stryker's runner bails at the first failing test, so a mutant that a unit
  // test kills never waits for PostgreSQL or anvil. (Vitest's default runs the slowest first.)
  "lib/anchoring/**/*.test.ts",
  "lib/chain/**/*.test.ts",
  "lib/verify/**/*.test.ts",
  "tests/integration/anchoring-outbox.test.ts",
  "tests/integration/chain-wrapper.test.ts",
  "tests/integration/anchoring-worker.test.ts",
  // Confirmations above 1 on a chain that mines on demand, ticks that must not spin, AlreadyAnchored.
  "tests/integration/anchoring-worker-on-demand.test.ts",
  // A public network through the fault proxy: fees and their cap, replacements, reorgs, the balance.
  "tests/integration/anchoring-network.test.ts",
  "tests/integration/verify-credit.test.ts",
  "tests/integration/verify-bundle.test.ts",
  "tests/integration/verify-reader.test.ts",
  // Several networks (issue 16): two anvils, one stopped for good, reanchor, forged claims.
  "tests/integration/anchoring-networks.test.ts",
  // Slow (a world, documents on disk, every verifier per drill): last, for the lib/verify mutants
  // only they reach (documents.ts, live.ts, export.ts, document-lookup.ts).
  "tests/integration/documents-bound.test.ts",
  // The registry's own behaviour through the wrapper (every revert, packed heads, logs).
  "contracts/test/anchor-registry.test.ts",
];

// MUTATION_TESTS=a.test.ts,b.test.ts narrows a scoped run to the tests that matter for the file
// being mutated (say, the worker's own): faster, and its score then counts those tests only.
const selected = process.env.MUTATION_TESTS?.split(",").filter(Boolean);

const rank = (file: string) => {
  const relative = path.relative(root, file);
  const i = INCLUDE.findIndex((pattern) => path.matchesGlob(relative, pattern));
  return i === -1 ? INCLUDE.length : i;
};

class CheapestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => rank(a.moduleId) - rank(b.moduleId) || a.moduleId.localeCompare(b.moduleId));
  }
}

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    include: selected ?? INCLUDE,
    environment: "node",
    globalSetup: ["tests/integration/global-setup.ts"],
    setupFiles: ["tests/mutation/hook-coverage.ts"],
    sequence: { sequencer: CheapestFirst },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
  },
});
