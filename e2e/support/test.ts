import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, type Page, test as base, expect } from "@playwright/test";
import { checkAccessibilityOnVisit, cspViolations } from "./axe";
import { conformance, conformanceProblems, settleConformanceChecks, watchRequestContext } from "./conformance";

export { expect } from "@playwright/test";

/**
 * Playwright's test, whose `page` is checked with axe on every visit (./axe.ts), and which fails
 * when any watched page (this one, or those of personAs) reported a content-security-policy
 * violation while it ran: the CSP report of the e2e run is "none", checked test by test. Likewise
 * every /api/v1 response received while it ran must be as openapi.json documents it (./conformance.ts).
 */
export const test = base.extend<{ page: Page; request: APIRequestContext; cspReport: void; apiConformance: void }, { conformanceCount: void }>({
  page: async ({ page }, use) => {
    await use(checkAccessibilityOnVisit(page));
  },
  request: async ({ request }, use) => {
    await use(watchRequestContext(request));
  },
  cspReport: [
    async ({}, use) => {
      const before = cspViolations.length;
      await use();
      expect(cspViolations.slice(before), "content-security-policy violations").toEqual([]);
    },
    { auto: true },
  ],
  apiConformance: [
    async ({}, use) => {
      await settleConformanceChecks();
      const before = conformanceProblems.length;
      await use();
      await settleConformanceChecks();
      expect(conformanceProblems.slice(before), "/api/v1 responses that openapi.json does not document").toEqual([]);
    },
    { auto: true },
  ],
  // How many responses this worker checked, for the run's record (test-results/api-conformance.log).
  conformanceCount: [
    async ({}, use, workerInfo) => {
      await use();
      fs.mkdirSync(workerInfo.project.outputDir, { recursive: true });
      fs.appendFileSync(path.join(workerInfo.project.outputDir, "api-conformance.log"), [`worker ${workerInfo.workerIndex} (${workerInfo.project.name}): ${conformance.checked} /api/v1 responses checked against openapi.json`, ...[...conformance.routes].map(([route, count]) => `  ${count} × ${route}`), ""].join("\n"));
      console.log(`API conformance: worker ${workerInfo.workerIndex} checked ${conformance.checked} /api/v1 responses against openapi.json`);
    },
    { scope: "worker", auto: true },
  ],
});
