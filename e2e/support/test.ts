import { type Page, test as base, expect } from "@playwright/test";
import { checkAccessibilityOnVisit, cspViolations } from "./axe";

export { expect } from "@playwright/test";

/**
 * Playwright's test, whose `page` is checked with axe on every visit (./axe.ts), and which fails
 * when any watched page (this one, or those of personAs) reported a content-security-policy
 * violation while it ran: the CSP report of the e2e run is "none", checked test by test.
 */
export const test = base.extend<{ page: Page; cspReport: void }>({
  page: async ({ page }, use) => {
    await use(checkAccessibilityOnVisit(page));
  },
  cspReport: [
    async ({}, use) => {
      const before = cspViolations.length;
      await use();
      expect(cspViolations.slice(before), "content-security-policy violations").toEqual([]);
    },
    { auto: true },
  ],
});
