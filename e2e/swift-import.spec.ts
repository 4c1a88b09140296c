import { randomBytes } from "node:crypto";
import { swiftMessages } from "../lib/swift/messages";
import { sampleTerms } from "../lib/terms/sample";
import { serialiseFin } from "../lib/swift/fin";
import { api, apiAction, tokenFor } from "./support/api";
import { act, openCredit } from "./support/credit-page";
import { recordFetch } from "./support/conformance";
import { runtime, sql } from "./support/runtime";
import { expect, test } from "./support/test";
import { USERS, personAs } from "./support/users";

// Importing an MT700 (issue 15, item 3): the demo advising bank receives a credit from an issuing
// bank that does not use TradeTrail, pastes it with one bad field, sees the problem named on its
// line, fixes it, checks the mapping and creates the credit.

const letters = (n: number) => Array.from(randomBytes(n), (b) => String.fromCharCode(65 + (b % 26))).join("");
const today = () => new Date().toISOString().slice(0, 10);

/** The MT700 a bank outside TradeTrail sends the demo advising bank for the sample terms. */
function mt700(issuerBic: string, creditNumber: string): string {
  const [message] = swiftMessages({
    reference: "EXTERNAL",
    creditNumber,
    dateOfIssue: today(),
    standby: false,
    issuingBank: { name: "Gulf Commercial Bank", bic: issuerBic },
    advisingBank: { name: "Rotterdam Maritime Bank", bic: "RMBKNL2RXXX" },
    steps: [{ seq: 1, on: today(), kind: "issued", terms: sampleTerms({ availableWith: "ADVISING_BANK" }), bankConditions: null }],
  });
  return message!.text;
}

test("the advising bank imports an MT700 with one bad field, sees the error on its line, fixes it and creates the credit", async ({ browser }) => {
  // A bank and a credit number of their own, so that the test can run again on the same database.
  const issuerBic = `${letters(4)}AEAD`;
  const creditNumber = `GCB/${letters(8)}`;
  const good = mt700(issuerBic, creditNumber);
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
  // The advising bank's SWIFT tab keeps the message as received, with the hash its advice will anchor.
  await openCredit(page, creditId, "swift");
  await expect(page.getByRole("heading", { name: "Received MT700" })).toBeVisible();
  await expect(page.getByRole("region", { name: "FIN text of the received MT700" })).toContainText(`:20:${creditNumber}`);
  // Waiting for this bank: the advice.
  await expect(page.getByRole("region", { name: "What you can do now" }).getByRole("button", { name: "Advise to beneficiary" })).toBeVisible();
  const [row] = await sql<{ status: string; advising: string; issuer_external: boolean; issuer_bic: string; applicant_external: boolean }>(
    `SELECT c.status, a.name AS advising, i.external AS issuer_external, i.bic AS issuer_bic, ap.external AS applicant_external
       FROM credits c JOIN organizations a ON a.id = c.advising_bank_id JOIN organizations i ON i.id = c.issuing_bank_id JOIN organizations ap ON ap.id = c.applicant_id
      WHERE c.id = $1`,
    [creditId],
  );
  expect(row).toEqual({ status: "ISSUED", advising: "Rotterdam Maritime Bank", issuer_external: true, issuer_bic: issuerBic, applicant_external: true });
});

test("an MT707 the advising bank pastes waits for its advice and the beneficiary's consent", async ({ browser }) => {
  const issuerBic = `${letters(4)}AEAD`;
  const creditNumber = `GCB/${letters(8)}`;
  const [beneficiary] = await sql<{ id: string }>("SELECT id FROM organizations WHERE name = 'Delta Pumps B.V.'");
  // A bad MT700 is refused with its problems, each on its line (400, as openapi.json documents it).
  const bad = await fetch(`${runtime().appUrl}/api/v1/swift-imports`, {
    method: "POST",
    headers: { authorization: `Bearer ${await tokenFor(USERS.advisingMaker)}`, "content-type": "application/json" },
    body: JSON.stringify({ fin: mt700(issuerBic, creditNumber).replace(":31D:", ":31D:999999"), beneficiaryId: beneficiary!.id, issuingBankName: "Gulf Commercial Bank" }),
  });
  recordFetch("POST", bad.url, bad);
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as { error: { problems: { tag: string }[] } }).error.problems).toEqual([expect.objectContaining({ tag: "31D", line: expect.any(Number) })]);

  const { creditId } = await api<{ creditId: string }>(USERS.advisingMaker, "POST", "/swift-imports", { fin: mt700(issuerBic, creditNumber), beneficiaryId: beneficiary!.id, issuingBankName: "Gulf Commercial Bank" });
  await apiAction(USERS.advisingMaker, creditId, "adviseCredit", { input: { addConfirmation: false } });
  const yymmdd = today().slice(2).replace(/-/g, "");
  const mt707 = (number: number) =>
    serialiseFin({
      type: "707",
      sender: issuerBic,
      receiver: "RMBKNL2R",
      fields: [
        { tag: "27", value: "1/1" },
        { tag: "20", value: creditNumber },
        { tag: "21", value: "NONREF" },
        { tag: "23", value: creditNumber },
        { tag: "31C", value: yymmdd },
        { tag: "26E", value: String(number) },
        { tag: "30", value: yymmdd },
        { tag: "22A", value: "ISSU" },
        { tag: "32B", value: "USD25000,00" },
      ],
    });
  const preview = await api<{ ok: boolean; mapping: { tag: string; held: string }[] }>(USERS.advisingMaker, "POST", `/credits/${creditId}/swift-imports`, { fin: mt707(1), preview: true });
  expect(preview.ok).toBe(true);

  // The advising bank pastes the MT707 on the credit's amendments tab: out of turn first, then right.
  const adviser = await personAs(browser, USERS.advisingMaker);
  await openCredit(adviser, creditId, "amendments");
  await adviser.getByText("Import an MT707 received from Gulf Commercial Bank").click();
  const fin = adviser.getByLabel("FIN text of the MT707");
  const wrong = mt707(2);
  await fin.fill(wrong);
  const problems = adviser.locator("[data-import-problems]");
  await expect(problems.getByRole("listitem")).toHaveText(new RegExp(`^Line ${wrong.split("\r\n").findIndex((l) => l.startsWith(":26E:")) + 1} · 26E: amendment number 2, but the next amendment of this credit is number 1`));
  await fin.fill(mt707(1));
  await expect(adviser.getByRole("table", { name: "Each field of the message and the TradeTrail term it becomes" }).getByRole("row").filter({ hasText: "32B" })).toContainText("increase of USD 25000.00: USD 150000.00");
  await adviser.getByRole("button", { name: "Apply the amendment" }).click();
  await adviser.getByRole("dialog", { name: "Apply MT707 no. 1 of Gulf Commercial Bank?" }).getByRole("button", { name: "Apply the amendment" }).click();
  await expect(adviser).toHaveURL(/tab=amendments/);
  await expect(adviser.getByRole("heading", { name: "Amendment 1" })).toBeVisible();
  await act(adviser, "Advise amendment");

  // The beneficiary consents in TradeTrail (UCP 600 art. 10(c)); until then the credit stays at 125,000.
  const seller = await personAs(browser, USERS.seller);
  await openCredit(seller, creditId, "amendments");
  await expect(seller.getByRole("row").filter({ hasText: "Currency and amount" })).toContainText("150,000.00");
  expect((await sql<{ amount: string }>("SELECT amount::text FROM credits WHERE id = $1", [creditId]))[0]!.amount).toBe("125000.000");
  await act(seller, "Accept amendment");
  expect((await sql<{ amount: string }>("SELECT amount::text FROM credits WHERE id = $1", [creditId]))[0]!.amount).toBe("150000.000");
});
