import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The tests Stryker runs against each mutant of lib/anchoring, lib/chain and lib/verify
// (stryker.config.mjs): their unit tests, plus the integration files that exercise the code
// needing PostgreSQL and anvil (the worker, the outbox writer, the chain wrapper, verification).
// One project, so the integration global setup (template database, one anvil) runs once per
// Stryker test-runner process and every mutant rerun reuses it.

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    include: [
      "lib/anchoring/**/*.test.ts",
      "lib/chain/**/*.test.ts",
      "lib/verify/**/*.test.ts",
      "tests/integration/anchoring-worker.test.ts",
      "tests/integration/anchoring-outbox.test.ts",
      "tests/integration/chain-wrapper.test.ts",
      "tests/integration/verify-credit.test.ts",
      "tests/integration/verify-bundle.test.ts",
      // contracts/test/anchor-registry.test.ts is left out while it is rewritten for
      // AnchorRegistryV2 (it fails today); add it back once it passes.
    ],
    environment: "node",
    globalSetup: ["tests/integration/global-setup.ts"],
    setupFiles: ["tests/mutation/hook-coverage.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    server: { deps: { inline: ["next-auth", "@auth/core"] } },
  },
});
