import { expect, test } from "./support/test";
import { sampleTerms } from "../lib/terms/sample";
import { api } from "./support/api";
import { act, creditIdFrom, expectAllAnchored, openCredit } from "./support/credit-page";
import { sql } from "./support/runtime";
import { USERS, personAs } from "./support/users";

// Five people, each in their own browser, take a credit from first draft to an advised credit
// with one accepted and one rejected amendment. Every milestone shows on every party's
// timeline, anchored, and verifies against the local chain.

test("a credit from draft to advised, with one amendment accepted and one rejected", async ({ browser }) => {
  test.setTimeout(420_000);
  const buyer = await personAs(browser, USERS.buyer);
  const seller = await personAs(browser, USERS.seller);
  const maker = await personAs(browser, USERS.issuingMaker);
  const checker = await personAs(browser, USERS.issuingChecker);
  const adviser = await personAs(browser, USERS.advisingMaker);

  // The buyer drafts the credit (from the sample terms, which must be confirmed as checked) and sends it.
  await buyer.goto("/credits/new");
  await buyer.getByRole("button", { name: "Start from sample" }).click();
  await buyer.getByLabel("Beneficiary (seller)").selectOption({ label: "Delta Pumps B.V." });
  await buyer.getByLabel("Issuing bank (your bank)").selectOption({ label: "Merlion Trade Bank" });
  await buyer.getByLabel("Advising bank (the seller's bank)").selectOption({ label: "Rotterdam Maritime Bank" });
  await buyer.getByLabel("Amount (32B)").fill("250000.00");
  await buyer.getByLabel(/I have checked every field/).check();
  await buyer.getByRole("button", { name: "Save draft" }).click();
  await expect(buyer).toHaveURL(/\/credits\/[0-9a-f-]{36}$/);
  const creditId = creditIdFrom(buyer);
  await act(buyer, "Send to beneficiary", { "Comment (optional)": "Please review the shipment window" });

  // The seller edits one field: that is version 2.
  await openCredit(seller, creditId);
  await seller.getByRole("link", { name: "Propose changes" }).click();
  // Two weeks later than drafted (the sample terms are relative to today, so is this).
  const later = new Date(Date.now() + 74 * 86_400_000);
  await seller.getByLabel("Latest shipment date (44C)").fill(later.toISOString().slice(0, 10));
  await seller.getByRole("button", { name: "Propose changes" }).click();
  await expect(seller).toHaveURL(new RegExp(`/credits/${creditId}(\\?.*)?$`));

  // The buyer sees exactly what changed, and by whom, then agrees and submits.
  await openCredit(buyer, creditId);
  const changed = buyer.getByRole("alert").filter({ hasText: "Changed since you last looked" });
  await expect(changed).toBeVisible();
  await expect(changed).toContainText("Joost Visser (Delta Pumps B.V.)");
  const rows = changed.getByRole("row");
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][later.getUTCMonth()];
  const shown = `${later.getUTCDate()} ${month} ${later.getUTCFullYear()}`;
  await expect(rows.filter({ hasText: "Latest shipment date" })).toContainText(shown);
  await expect(rows).toHaveCount(2); // the header and the one changed field
  await act(buyer, "Agree to the beneficiary's version");
  await act(buyer, "Submit to issuing bank");

  // Maker prepares, a different checker approves: issued.
  await openCredit(maker, creditId);
  await act(maker, "Prepare issuance", { "Credit number (field 20)": `MTB-E2E-${Date.now().toString().slice(-8)}` });
  await openCredit(maker, creditId);
  await expect(maker.getByRole("button", { name: "Approve and issue" })).toHaveCount(0); // four eyes: not for the maker
  await openCredit(checker, creditId);
  await act(checker, "Approve and issue");

  await openCredit(adviser, creditId);
  await act(adviser, "Advise to beneficiary");
  await openCredit(adviser, creditId);
  await expect(adviser.getByRole("heading", { level: 1 })).toContainText("Credit MTB-E2E-");

  // Amendment 1: the amount goes up; accepted.
  await openCredit(buyer, creditId);
  await buyer.getByRole("link", { name: "Request an amendment" }).click();
  await buyer.getByLabel("Amount (32B)").fill("275000.00");
  await buyer.getByRole("button", { name: "Request amendment" }).click();
  await expect(buyer).toHaveURL(/tab=amendments/);
  await openCredit(maker, creditId, "amendments");
  await act(maker, "Prepare amendment");
  await openCredit(checker, creditId, "amendments");
  await act(checker, "Approve and issue amendment");
  await openCredit(adviser, creditId, "amendments");
  await act(adviser, "Advise amendment");
  await openCredit(seller, creditId, "amendments");
  await expect(seller.getByRole("row").filter({ hasText: "Currency and amount" })).toContainText("275,000.00");
  await act(seller, "Accept amendment");

  // Amendment 2: the port of discharge; rejected.
  await openCredit(buyer, creditId);
  await buyer.getByRole("link", { name: "Request an amendment" }).click();
  await buyer.getByLabel("Port of discharge (44F)").fill("Port Klang, Malaysia");
  await buyer.getByRole("button", { name: "Request amendment" }).click();
  await expect(buyer).toHaveURL(/tab=amendments/);
  await openCredit(maker, creditId, "amendments");
  await act(maker, "Prepare amendment");
  await openCredit(checker, creditId, "amendments");
  await act(checker, "Approve and issue amendment");
  await openCredit(adviser, creditId, "amendments");
  await act(adviser, "Advise amendment");
  await openCredit(seller, creditId, "amendments");
  await act(seller, "Reject amendment", { Reason: "Port Klang is not in our contract" });

  // The terms stand as amended once, not twice.
  await openCredit(seller, creditId);
  await expect(seller.getByText("USD 275,000.00").first()).toBeVisible();
  await expect(seller.getByText("Port Klang")).toHaveCount(0);

  const kinds = [
    "TERMS_AGREED",
    "CREDIT_ISSUED",
    "CREDIT_ADVISED",
    "AMENDMENT_ISSUED",
    "AMENDMENT_ADVISED",
    "AMENDMENT_ACCEPTED",
    "AMENDMENT_ISSUED",
    "AMENDMENT_ADVISED",
    "AMENDMENT_REJECTED",
  ];
  for (const party of [buyer, seller, maker, checker, adviser]) await expectAllAnchored(party, creditId, kinds);

  // Verified on the local chain.
  await checker.goto(`/credits/${creditId}/audit`);
  await checker.getByRole("button", { name: "Verify now" }).click();
  await expect(checker.getByTestId("verification-summary")).toContainText(`Checked ${kinds.length} milestones`);
  await expect(checker.getByTestId("verification-summary")).toContainText(`${kinds.length} verified`);
});

test("an unknown credit, or one not shared with you, answers HTTP 404", async ({ browser }) => {
  test.setTimeout(180_000);
  const buyer = await personAs(browser, USERS.buyer);
  const seller = await personAs(browser, USERS.seller);
  const unknown = "0191a0b2-8f3e-7c44-9a55-1234567890ab";
  for (const path of [`/credits/${unknown}`, `/credits/${unknown}/audit`, "/credits/not-a-credit"]) {
    const response = await buyer.goto(path, { waitUntil: "domcontentloaded" });
    expect([path, response?.status()]).toEqual([path, 404]);
    await expect(buyer.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
  // A draft the buyer has not sent yet: the buyer's page, the seller's 404.
  const orgs = await sql<{ id: string; name: string }>("SELECT id, name FROM organizations");
  const id = (name: string) => orgs.find((o) => o.name === name)!.id;
  const { creditId } = await api<{ creditId: string }>(USERS.buyer, "POST", "/credits", {
    beneficiaryId: id("Delta Pumps B.V."),
    issuingBankId: id("Merlion Trade Bank"),
    advisingBankId: id("Rotterdam Maritime Bank"),
    terms: sampleTerms(),
  });
  expect((await buyer.goto(`/credits/${creditId}`, { waitUntil: "domcontentloaded" }))?.status()).toBe(200);
  expect((await seller.goto(`/credits/${creditId}`, { waitUntil: "domcontentloaded" }))?.status()).toBe(404);
  // A presentation that is not this credit's (unknown, junk, or another credit's) is 404 too.
  const [other] = await sql<{ id: string }>("SELECT p.id FROM presentations p WHERE p.credit_id <> $1 LIMIT 1", [creditId]);
  for (const presentation of [unknown, "junk", other!.id]) {
    const path = `/credits/${creditId}/presentations/${presentation}`;
    expect([path, (await buyer.goto(path, { waitUntil: "domcontentloaded" }))?.status()]).toEqual([path, 404]);
  }
});
