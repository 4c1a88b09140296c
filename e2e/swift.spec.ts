import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { advisedCredit } from "./support/api";
import { openCredit } from "./support/credit-page";
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
