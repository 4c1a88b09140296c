import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          // Pure code: no database, no chain, no network.
          include: ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
          environment: "node",
        },
      },
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
