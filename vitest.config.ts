import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import IntegrationSequencer from "./tests/integration/support/sequencer";

const root = fileURLToPath(new URL(".", import.meta.url));

/** `npm run test:unit` runs every one of these projects (`--project 'unit*'`). */
const UNIT_TIME_ZONES = [
  { name: "unit", tz: "UTC" },
  { name: "unit-singapore", tz: "Asia/Singapore" },
  { name: "unit-new-york", tz: "America/New_York" },
];

const UNIT_FILES = ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "bench/**/*.test.ts"];
/** Unit files that need a module graph of their own: they replace modules (vi.mock). */
const ISOLATED_FILES = ["lib/auth/trust-host.test.ts", "lib/http/route.test.ts"];

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    // Vitest's order, but the integration tests' permission matrices (small files, long runs)
    // first rather than last (tests/integration/support/sequencer.ts). A root option: it orders
    // every project's files.
    sequence: { sequencer: IntegrationSequencer },
    projects: [
      // Pure code: no database, no chain, no network. Run in three time zones (bug 11): UTC, one
      // ahead of it (Singapore, UTC+8) and one behind with daylight saving (New York), so a date
      // read or printed in the machine's zone instead of UTC fails somewhere.
      //
      // The files share one module graph per worker (isolate: false): pure code has no state to
      // leak, and importing the app's modules again for each of some 120 files was three quarters
      // of the suite's time (90 s → 22 s per zone on two cores). The files that replace modules
      // with vi.mock run apart, each in a graph of its own.
      ...UNIT_TIME_ZONES.flatMap(({ name, tz }) => [
        { name, include: UNIT_FILES, exclude: ISOLATED_FILES, isolate: false },
        { name: `${name}-isolated`, include: ISOLATED_FILES, isolate: true },
      ].map((project) => ({
        extends: true as const,
        test: {
          ...project,
          environment: "node",
          env: { TZ: tz },
          // next-auth's ESM imports `next/server` without an extension: let Vite resolve it.
          server: { deps: { inline: ["next-auth", "@auth/core"] } },
        },
      }))),
      {
        extends: true,
        test: {
          name: "integration",
          // Real PostgreSQL (a fresh database per file) and a real anvil chain.
          include: ["tests/integration/**/*.test.ts", "contracts/test/**/*.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Two cores: files run two at a time, each with its own database.
          maxWorkers: 2,
          // Route handlers import next-auth, whose ESM imports `next/server` without an
          // extension: let Vite resolve it instead of Node.
          server: { deps: { inline: ["next-auth", "@auth/core"] } },
        },
      },
    ],
  },
});
