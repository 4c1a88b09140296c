import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { advisedCredit, apiAction, appliedCredit, uploadInvoice } from "./support/api";
import { act, openCredit } from "./support/credit-page";
import { sql } from "./support/runtime";
import { expect, test } from "./support/test";
import { USERS, personAs } from "./support/users";

// The credit's SWIFT tab (issue 15, item 2): an issued credit shows its MT700 as FIN text, each
// field tag explained on focus, and downloads it as a .fin file whose SHA-256 is the one the
// issuance milestone anchored.

test("the SWIFT tab of an issued credit shows its MT700, explains its tags and downloads it", async ({ browser }) => {
  const creditId = await advisedCredit();
  const creditNumber = (await sql<{ credit_number: string }>("SELECT credit_number FROM credits WHERE id = $1", [creditId]))[0]!.credit_number;
  const page = await personAs(browser, USERS.issuingMaker);
  await openCredit(page, creditId, "swift");

  const mt700 = page.locator('[data-swift-message$="-mt700"]');
  await expect(mt700.getByRole("heading", { name: "MT700 Issue of a documentary credit" })).toBeVisible();
  await expect(mt700.getByText("Valid", { exact: true })).toBeVisible();
  const text = mt700.getByRole("region", { name: "FIN text of MT700" });
  // As shown (innerText): the tags' explanations are hidden until a tag is hovered or focused.
  await expect(text).toContainText(`:20:${creditNumber}\n:31C:`, { useInnerText: true });
  await expect(text).toContainText(":32B:USD125000,00", { useInnerText: true });
  await expect(text).toContainText(":59:Delta Pumps B.V.\nWaalhaven Zuidzijde 19", { useInnerText: true });
  // The advice that followed is listed after it (MT730 from the advising bank).
  await expect(page.getByRole("heading", { name: "MT730 Acknowledgement" })).toBeVisible();

  // A tag is explained to keyboard and screen-reader users alike.
  const tag = text.locator('[data-swift-tag="45A"]');
  await tag.focus();
  await expect(page.getByRole("tooltip", { name: "45A Description of goods and/or services" })).toBeVisible();
  await expect(tag).toHaveAccessibleDescription("45A Description of goods and/or services");

  await expect(mt700.getByText("Matches the anchored issuance")).toBeVisible();
  const shown = (await mt700.locator("[data-swift-sha256]").innerText()).trim();

  const download = page.waitForEvent("download");
  await mt700.getByRole("link", { name: "Download .fin" }).click();
  expect((await download).suggestedFilename()).toMatch(/-\d+-mt700\.fin$/);
  // The file as downloaded hashes to what the tab shows, and to what the issuance milestone recorded.
  const bytes = await readFile((await (await download).path())!);
  const sha256 = `0x${createHash("sha256").update(bytes).digest("hex")}`;
  expect(shown).toBe(sha256);
  const recorded = await sql<{ sha256: string }>("SELECT m.content->'swiftMessages'->0->>'sha256' AS sha256 FROM milestones m WHERE m.credit_id = $1 AND m.kind = 'CREDIT_ISSUED'", [creditId]);
  expect(recorded[0]!.sha256).toBe(sha256);
});

// MT798 for corporates (issue 15, item 4): the applicant downloads its agreed application from the
// SWIFT tab; the beneficiary, who sees the same credit, is shown no such file (the server refuses it).
test("the applicant downloads its agreed application as an MT798<770> file; the beneficiary sees none", async ({ browser }) => {
  const creditId = await appliedCredit();
  const buyer = await personAs(browser, USERS.buyer);
  await openCredit(buyer, creditId, "swift");
  const card = buyer.locator('[data-swift-message="mt798-application"]');
  await expect(card.getByRole("heading", { name: "MT798<770> LC application (SWIFT for Corporates)" })).toBeVisible();
  await expect(card.getByRole("region", { name: "FIN text of MT798" }).first()).toContainText(":12:770", { useInnerText: true });
  const download = buyer.waitForEvent("download");
  await card.getByRole("link", { name: "Download MT798 .fin" }).click();
  expect((await download).suggestedFilename()).toMatch(/-mt798-application\.fin$/);
  const text = await readFile((await (await download).path())!, "latin1");
  expect(text).toMatch(/^\{1:F01/);
  expect(text).toContain("\r\n:12:770\r\n:77E:\r\n:27A:1/2\r\n");
  expect(text).toContain("\r\n:12:700\r\n");

  const seller = await personAs(browser, USERS.seller);
  await openCredit(seller, creditId, "swift");
  await expect(seller.getByText("No SWIFT messages yet")).toBeVisible();
  await expect(seller.locator('[data-swift-message="mt798-application"]')).toHaveCount(0);
});

// The refusal's MT734 (issue 15): the issuing bank notifies the discrepancies and refuses (the
// checker approving the refusal in the browser), then downloads the MT734 from the SWIFT tab; the
// file names the refusal (77J discrepancies, 77B disposal) and hashes to what the notice's
// milestone anchored.
test("the issuing bank downloads the MT734 after refusing the documents", async ({ browser }) => {
  const creditId = await advisedCredit();
  const presentationId = (await apiAction(USERS.seller, creditId, "startPresentation")).subjectId!;
  await uploadInvoice(creditId, presentationId, "100000.00"); // no bill of lading: discrepant
  await apiAction(USERS.seller, creditId, "presentDocuments", { subjectId: presentationId });
  await apiAction(USERS.issuingMaker, creditId, "notifyDiscrepancies", { subjectId: presentationId, input: { disposal: "RETURNING" } });
  await apiAction(USERS.issuingChecker, creditId, "approveNotice", { subjectId: presentationId });
  await apiAction(USERS.issuingMaker, creditId, "refusePresentation", { subjectId: presentationId, input: { reason: "Discrepancies not waived" } });

  const checker = await personAs(browser, USERS.issuingChecker);
  await checker.goto(`/credits/${creditId}/presentations/${presentationId}`);
  await act(checker, "Approve refusal");
  expect(await sql("SELECT status FROM presentations WHERE id = $1", [presentationId])).toEqual([{ status: "REFUSED" }]);

  await openCredit(checker, creditId, "swift");
  const mt734 = checker.locator('[data-swift-message$="-mt734"]');
  await expect(mt734.getByRole("heading", { name: /^MT734 / })).toBeVisible();
  await expect(mt734.getByText("Valid", { exact: true })).toBeVisible();
  const text = mt734.getByRole("region", { name: "FIN text of MT734" });
  await expect(text).toContainText(":77J:", { useInnerText: true });
  await expect(text).toContainText(":77B:", { useInnerText: true });

  const download = checker.waitForEvent("download");
  await mt734.getByRole("link", { name: "Download .fin" }).click();
  expect((await download).suggestedFilename()).toMatch(/-\d+-mt734\.fin$/);
  const bytes = await readFile((await (await download).path())!);
  const fin = bytes.toString("latin1");
  expect(fin).toMatch(/^\{1:F01/);
  expect(fin).toContain("{2:I734");
  expect(fin).toContain("\r\n:77B:");
  const sha256 = `0x${createHash("sha256").update(bytes).digest("hex")}`;
  const recorded = await sql<{ sha256: string }>(
    "SELECT e->>'sha256' AS sha256 FROM milestones m, jsonb_array_elements(m.content->'swiftMessages') e WHERE m.credit_id = $1 AND m.kind = 'DISCREPANCIES_NOTIFIED' AND e->>'type' = 'MT734'",
    [creditId],
  );
  expect(recorded.map((r) => r.sha256)).toEqual([sha256]);
  await checker.context().close();
});
