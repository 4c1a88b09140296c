import { type Locator, type Page, expect } from "@playwright/test";
import { ACTIONS } from "../../lib/lifecycle/definition";

/** Opens a credit page and returns once it shows. */
export async function openCredit(page: Page, creditId: string, tab?: string): Promise<void> {
  await page.goto(`/credits/${creditId}${tab ? `?tab=${tab}` : ""}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/** Whether the lifecycle action labelled `label` asks for input or confirmation in a dialog. */
function hasDialog(label: string | RegExp): boolean {
  const rules = Object.values(ACTIONS).filter((rule) => (typeof label === "string" ? rule.label === label : label.test(rule.label)));
  if (rules.length === 0) throw new Error(`No lifecycle action is labelled ${String(label)}`);
  return rules.some((rule) => rule.input !== "none" || "confirm" in rule);
}

/**
 * Clicks a lifecycle action, fills and confirms its dialog when it has one, and waits until it is done.
 * `inspect` looks at the dialog (what a checker is shown) before it is confirmed.
 */
export async function act(
  page: Page,
  label: string | RegExp,
  fields: Record<string, string> = {},
  options: { check?: (string | RegExp)[]; inspect?: (dialog: Locator) => Promise<void> } = {},
): Promise<void> {
  // The credit's own steps sit in "What you can do now"; an amendment's or a presentation's sit
  // beside it, in its card. Prefer the region when it holds the button.
  const name = { name: label, exact: typeof label === "string" };
  const inRegion = page.getByRole("region", { name: "What you can do now" }).getByRole("button", name);
  const button = (await inRegion.count()) > 0 ? inRegion.first() : page.getByRole("button", name).first();
  if (hasDialog(label)) {
    const dialog = page.getByRole("dialog");
    // A click that lands before the page has hydrated opens nothing: click again until it does.
    await expect(async () => {
      if (!(await dialog.isVisible())) await button.click();
      await expect(dialog).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    for (const [name, value] of Object.entries(fields)) await dialog.getByLabel(name).fill(value);
    for (const name of options.check ?? []) await dialog.getByLabel(name).check();
    await options.inspect?.(dialog);
    await dialog.getByRole("button", { name: label, exact: typeof label === "string" }).click();
    // The dialog closes once the server action has finished.
    await expect(dialog).toBeHidden();
  } else {
    if (options.inspect) throw new Error(`${String(label)} opens no dialog to inspect`);
    // A one-click step is done when its button goes (the state moved on, or the page changed).
    const handle = await button.elementHandle();
    await button.click();
    await handle!.waitForElementState("hidden");
  }
  await expect(page.getByRole("alert").filter({ hasText: /not possible|changed since you opened|same moment|refused|need your attention|went wrong/i })).toHaveCount(0);
}

/** Waits (reloading) until every milestone on the credit's timeline is anchored. */
export async function expectAllAnchored(page: Page, creditId: string, kinds: string[]): Promise<void> {
  await expect(async () => {
    await page.goto(`/credits/${creditId}?tab=timeline`);
    const milestones = page.locator("[data-milestone]");
    await expect(milestones).toHaveCount(kinds.length);
    expect(await milestones.evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-milestone")))).toEqual(kinds);
    expect(await milestones.evaluateAll((nodes) => nodes.every((n) => n.getAttribute("data-anchor-status") === "ANCHORED"))).toBe(true);
  }).toPass({ timeout: 30_000, intervals: [500, 1000] });
}

export function creditIdFrom(page: Page): string {
  const match = /\/credits\/([0-9a-f-]{36})/.exec(page.url());
  if (!match) throw new Error(`Not on a credit page: ${page.url()}`);
  return match[1]!;
}
