import { test as base } from "@playwright/test";
import { checkAccessibilityOnVisit } from "./axe";

export { expect } from "@playwright/test";

/** Playwright's test, whose `page` is checked with axe on every visit (./axe.ts). */
export const test = base.extend({
  page: async ({ page }, use) => {
    await use(checkAccessibilityOnVisit(page));
  },
});
