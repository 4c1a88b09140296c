import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// End-to-end tests in Debian's Chromium against the production build, started by
// scripts/e2e.ts through `npm start`'s own code path (embedded PostgreSQL, local anvil).

const baseURL = process.env.E2E_BASE_URL ?? "http://127.0.0.1:3000";

/** Specs of one long test each (a whole credit's life in the browser, several minutes on two cores). */
const LONG_WALKS = ["**/lifecycle.spec.ts", "**/presentation.spec.ts", "**/standby.spec.ts", "**/demo-world.spec.ts", "**/signed-steps.spec.ts"];
/**
 * Debian's Chromium: its headless shell (`chromium-headless-shell`, the build Playwright itself
 * uses headless) when installed, else the full browser in headless mode. The shell renders the
 * same pages with the same Blink and V8 but without the full browser's UI process work: the run's
 * browser used two thirds of both cores, and the same specs take a third less time in it
 * (docs/BENCHMARKS.md, "The e2e run's browser"). CHROMIUM_PATH chooses another.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((path) => fs.existsSync(path)) ?? "/usr/bin/chromium";
const browserUse = { ...devices["Desktop Chrome"], viewport: { width: 1360, height: 900 } };

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  workers: 2,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    baseURL,
    // No trace by default: recording one for every test made the run a fifth slower on two cores
    // (2.6 → 2.1 min for forms and templates). A failure still leaves its screenshots and the page's
    // accessibility snapshot; `npm run test:e2e -- --trace retain-on-failure <spec>` records traces.
    trace: "off",
    // A click on a button that never appears fails in seconds, not at the test's timeout.
    actionTimeout: 20_000,
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  // The long walks first: two workers then finish together instead of one walk of four minutes
  // starting when everything else is done (Playwright queues projects in this order).
  projects: [
    { name: "walks", testMatch: LONG_WALKS, use: browserUse },
    { name: "chromium", testIgnore: LONG_WALKS, use: browserUse },
  ],
});
