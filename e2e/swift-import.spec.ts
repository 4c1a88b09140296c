import { randomBytes } from "node:crypto";
import { swiftMessages } from "../lib/swift/messages";
import { sampleTerms } from "../lib/terms/sample";
import { sql } from "./support/runtime";
import { expect, test } from "./support/test";
import { USERS, personAs } from "./support/users";

// Importing an MT700 (issue 15, item 3): the demo advising bank receives a credit from an issuing
// bank that does not use TradeTrail, pastes it with one bad field, sees the problem named on its
// line, fixes it, checks the mapping and creates the credit.

const letters = (n: number) => Array.from(randomBytes(n), (b) => String.fromCharCode(65 + (b % 26))).join("");

test("the advising bank imports an MT700 with one bad field, sees the error on its line, fixes it and creates the credit", async ({ browser }) => {
  // A bank and a credit number of their own, so that the test can run again on the same database.
  const issuerBic = `${letters(4)}AEAD`;
  const creditNumber = `GCB/${letters(8)}`;
  const [message] = swiftMessages({
    reference: "EXTERNAL",
    creditNumber,
    dateOfIssue: new Date().toISOString().slice(0, 10),
    standby: false,
    issuingBank: { name: "Gulf Commercial Bank", bic: issuerBic },
    advisingBank: { name: "Rotterdam Maritime Bank", bic: "RMBKNL2RXXX" },
    steps: [{ seq: 1, on: new Date().toISOString().slice(0, 10), kind: "issued", terms: sampleTerms({ availableWith: "ADVISING_BANK" }), bankConditions: null }],
  });
  const good = message!.text;
  const bad = good.replace(":32B:USD125000,00", ":32B:USD125000,005");
  expect(bad).not.toBe(good);
  const badLine = bad.split("\r\n").findIndex((line) => line.startsWith(":32B:")) + 1;

  const page = await personAs(browser, USERS.advisingMaker);
  await page.goto("/credits");
  await page.getByRole("link", { name: "Import an MT700" }).click();
  await expect(page.getByRole("heading", { name: "Import an MT700", level: 1 })).toBeVisible();

  const fin = page.getByLabel("FIN text of the MT700 or MT710");
  await fin.fill(bad);
  const problems = page.locator("[data-import-problems]");
  await expect(problems.getByRole("heading")).toHaveText("1 problem: nothing can be created until it is fixed");
  await expect(problems.getByRole("listitem")).toHaveText(new RegExp(`^Line ${badLine} · 32B Currency code, amount: USD amounts have at most 2 decimals`));
  await expect(page.getByRole("button", { name: "Create the credit" })).toHaveCount(0);
  // "Go to line" puts the cursor on the bad line, selected.
  await problems.getByRole("button", { name: `Go to line ${badLine}` }).click();
  await expect(fin).toBeFocused();
  expect(await fin.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd))).toBe(":32B:USD125000,005");

  // Fixed: every field reads, and the mapping shows each FIN field beside its TradeTrail term.
  await fin.fill(good);
  await expect(problems).toHaveCount(0);
  await expect(page.getByText(`MT700 ${creditNumber} from ${issuerBic}: every field reads.`)).toBeVisible();
  const mapping = page.getByRole("table", { name: "Each field of the message and the TradeTrail term it becomes" });
  await expect(mapping.getByRole("row").filter({ hasText: "32B Currency code, amount" })).toContainText("Currency and amount (32B)USD 125000.00");
  await expect(mapping.getByRole("row").filter({ hasText: "41A Available with" })).toContainText("the advising bank, payment");

  await page.getByLabel("Issuing bank's name").fill("Gulf Commercial Bank");
  // 59 names Delta Pumps B.V., which uses TradeTrail: chosen for the bank, who can change it.
  await expect(page.getByLabel("Beneficiary in TradeTrail")).toHaveValue((await sql<{ id: string }>("SELECT id FROM organizations WHERE name = 'Delta Pumps B.V.'"))[0]!.id);

  await page.getByRole("button", { name: "Create the credit" }).click();
  const dialog = page.getByRole("dialog", { name: `Create credit ${creditNumber} in TradeTrail?` });
  await dialog.getByRole("button", { name: "Import and create" }).click();
  await page.waitForURL(/\/credits\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(creditNumber);

  const creditId = page.url().split("/").at(-1)!;
  const [row] = await sql<{ status: string; advising: string; issuer_external: boolean; issuer_bic: string; applicant_external: boolean }>(
    `SELECT c.status, a.name AS advising, i.external AS issuer_external, i.bic AS issuer_bic, ap.external AS applicant_external
       FROM credits c JOIN organizations a ON a.id = c.advising_bank_id JOIN organizations i ON i.id = c.issuing_bank_id JOIN organizations ap ON ap.id = c.applicant_id
      WHERE c.id = $1`,
    [creditId],
  );
  expect(row).toEqual({ status: "ISSUED", advising: "Rotterdam Maritime Bank", issuer_external: true, issuer_bic: issuerBic, applicant_external: true });
});
