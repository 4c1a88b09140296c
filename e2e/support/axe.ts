import AxeBuilder from "@axe-core/playwright";
import { type Page, expect } from "@playwright/test";

// Accessibility in the e2e run: axe-core checks each page a spec opens against WCAG 2.0 A/AA
// and 2.1 AA, and a serious or critical violation fails the test that opened the page.

const TAGS = ["wcag2a", "wcag2aa", "wcag21aa"];

/** Fails with each serious or critical violation (rule, help, first elements) on the page as it is now. */
export async function expectAccessible(page: Page, what = page.url()): Promise<void> {
  const results = await analyze(page);
  const blocking = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  const described = blocking.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => `${node.target.join(" ")}${node.failureSummary ? ` [${node.failureSummary.replace(/\s+/g, " ").trim()}]` : ""}`)
        .join("; ")}`,
  );
  expect(described, `axe: serious or critical WCAG violations on ${what}`).toEqual([]);
}

/** axe's results; once more if the page was still finishing a navigation (a sign-in's redirect) when the scan began. */
async function analyze(page: Page) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await new AxeBuilder({ page }).withTags(TAGS).analyze();
    } catch (error) {
      if (attempt >= 3 || !/context was destroyed|navigat/i.test(String(error))) throw error;
      await page.waitForLoadState("load");
    }
  }
}

const scanned = new WeakMap<Page, Set<string>>();

/**
 * Runs expectAccessible after every page.goto of this page, once per address (a retry loop that
 * reloads the same page is checked once). personAs and the `page` fixture of ./test.ts call it,
 * so every page the specs open is checked.
 */
export function checkAccessibilityOnVisit(page: Page): Page {
  if (scanned.has(page)) return page;
  const seen = new Set<string>();
  scanned.set(page, seen);
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    const address = page.url();
    if (!seen.has(address) && response?.ok() !== false) {
      seen.add(address);
      await page.waitForLoadState("load");
      await expectAccessible(page, address);
    }
    return response;
  };
  return page;
}
