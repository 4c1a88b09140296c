import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type Page, expect } from "@playwright/test";
import { watchApiResponses } from "./conformance";

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

const scanned = new WeakSet<Page>();
/** The page templates this Playwright worker has checked: the path with ids as ":id", and the query. */
const seenTemplates = new Set<string>();

/**
 * Claims a page template for this worker's scan: true the first time any worker of this run asks.
 * The claims are directories beside the run's runtime.json (scripts/e2e.ts empties that data
 * directory at every start), and mkdir either creates one or fails, so two workers opening the
 * same kind of page at once scan it once between them. Without a runtime file (a hand-started
 * Playwright), each worker keeps its own list.
 */
function firstScanOf(template: string): boolean {
  if (seenTemplates.has(template)) return false;
  seenTemplates.add(template);
  const runtimeFile = process.env.E2E_RUNTIME;
  if (!runtimeFile) return true;
  const claims = path.join(path.dirname(runtimeFile), "axe-scanned");
  fs.mkdirSync(claims, { recursive: true });
  try {
    fs.mkdirSync(path.join(claims, encodeURIComponent(template)));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** "/credits/0193…/presentations/0193…?tab=terms" -> "/credits/:id/presentations/:id?tab=terms". */
export function pageTemplate(address: string): string {
  const url = new URL(address);
  return `${url.pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ":id")}${url.search}`;
}

/**
 * Runs expectAccessible after every page.goto of this page, once per page template in the
 * run (the same page of another credit, or a retry loop that reloads it, is not scanned
 * again: each scan costs seconds on two cores). personAs and the `page` fixture of ./test.ts call
 * it, so every kind of page the specs open is checked; e2e/forms.spec.ts sweeps the main pages
 * as a trader, a bank officer and an auditor with expectAccessible itself.
 */
/**
 * Content-security-policy violations seen by the pages under watch in this worker (Chromium logs
 * each as a console error); e2e/support/test.ts fails any test during which one appeared.
 */
export const cspViolations: string[] = [];

export function checkAccessibilityOnVisit(page: Page): Page {
  if (scanned.has(page)) return page;
  scanned.add(page);
  watchApiResponses(page.context());
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
  });
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    const address = page.url();
    const template = pageTemplate(address);
    if (response?.ok() !== false && firstScanOf(template)) {
      await page.waitForLoadState("load");
      await expectAccessible(page, address);
    }
    return response;
  };
  return page;
}
