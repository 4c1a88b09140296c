// Mutation testing of the modules that decide whether an audit trail is true: anchoring,
// verification and chain access. `npm run test:mutation` (not part of `npm test`: it takes
// tens of minutes). See README (Testing) and docs/MUTATION.md.
// Scope one file while iterating: npm run test:mutation -- --mutate lib/anchoring/digest.ts

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [
    "lib/anchoring/**/*.ts",
    "lib/chain/**/*.ts",
    "lib/verify/**/*.ts",
    "!**/*.test.ts",
    "!lib/chain/generated/**",
    // Types only: nothing to mutate.
    "!lib/anchoring/json.ts",
  ],
  // Each mutant reruns only the tests that executed its code.
  coverageAnalysis: "perTest",
  // Two cores shared with the integration tests' PostgreSQL and anvil.
  concurrency: 2,
  // A mutant times out after twice its tests' normal time plus 10 s (an endless loop is "detected").
  timeoutMS: 10_000,
  timeoutFactor: 2,
  reporters: ["clear-text", "html", "progress"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  ignorePatterns: [".data", ".data-*", ".next", "reports", "bench/results", "test-results", "playwright-report", "e2e", "*.tsbuildinfo"],
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  thresholds: { high: 90, low: 80, break: null },
};

export default config;
