import { createHash, createPrivateKey, createPublicKey, randomUUID } from "node:crypto";
import fs from "node:fs";
import { inflateSync } from "node:zlib";
import { type Browser, type Page } from "@playwright/test";
import { sampleTerms } from "../lib/terms/sample";
import { api, apiAction } from "./support/api";
import { checkAccessibilityOnVisit } from "./support/axe";
import { act, expectAllAnchored, openCredit } from "./support/credit-page";
import { sql } from "./support/runtime";
import { USERS, signIn } from "./support/users";
import { expect, test } from "./support/test";

// Issue 14, signed milestones in the browser: an applicant's administrator has their
// organisation require signed steps in Settings; everyone who acts on its next credit adds a
// passkey (Chromium's virtual authenticator, over CDP) and each step that records a milestone,
// or a maker's preparation held for a checker, is signed by the passkey of the person who takes
// it. Anchored, "Verify now" proves each milestone and names its signers, with the fingerprint
// of the key in that person's own authenticator; the issuance carries maker and checker. The
// audit certificate lists the same signers.
//
// The applicant is an organisation of this test's own: the setting makes every credit it takes
// part in signed, and the demo organisations' credits are shared by every other spec. Its
// counterparties are the demo companies and banks, acting through people of this test's own
// too (a demo user with a passkey would change nothing for the others, but stays untouched).
// Passkeys live on http://localhost:PORT (lib/passkeys/relying-party.ts).

const run = randomUUID().slice(0, 8);
const APPLICANT_ORG = `Signet Pumps Trading ${run}`;

interface Person {
  email: string;
  name: string;
}

/** A person of this run in `org`, signing in with the demo password. */
async function person(org: string, roles: string[], name: string): Promise<Person> {
  const email = `${name.split(" ")[0]!.toLowerCase()}-${run}@signed-steps.example`;
  await sql(`INSERT INTO users (id, email, name, password_hash) SELECT gen_random_uuid(), $1, $2, password_hash FROM users WHERE email = $3`, [email, name, USERS.buyer]);
  const added = await sql(
    `INSERT INTO memberships (id, user_id, organization_id, roles) SELECT gen_random_uuid(), u.id, o.id, $3::"MemberRole"[] FROM users u, organizations o WHERE u.email = $1 AND o.name = $2 RETURNING id`,
    [email, org, roles],
  );
  expect(added).toHaveLength(1);
  return { email, name };
}

interface Signer extends Person {
  page: Page;
  /** The virtual authenticator's signature counter for this person's one passkey. */
  signCount(): Promise<number>;
  /** The fingerprint of that passkey's public key as the audit page shows it (SHA-256 of its SPKI, 16 hex digits in fours). */
  fingerprint: string;
}

/** The person in a browser of their own on `origin`, signed in with their password, with a passkey added in Settings. */
async function withPasskey(browser: Browser, origin: string, who: Person): Promise<Signer> {
  const context = await browser.newContext({ baseURL: origin });
  const page = checkAccessibilityOnVisit(await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  await signIn(page, who.email);
  await page.goto("/settings#passkeys");
  await page.getByLabel("Passkey name").fill(`${who.name}'s laptop`);
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByText(`Passkey “${who.name}'s laptop” added.`)).toBeVisible();
  const credentials = async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials;
  const [credential] = await credentials();
  expect(credential).toBeDefined();
  const spki = createPublicKey(createPrivateKey({ key: Buffer.from(credential!.privateKey, "base64"), format: "der", type: "pkcs8" })).export({ type: "spki", format: "der" });
  const fingerprint = createHash("sha256").update(spki).digest("hex").slice(0, 16).toUpperCase().match(/.{4}/g)!.join(" ");
  return { ...who, page, fingerprint, signCount: async () => (await credentials())[0]!.signCount };
}

/** The lines of text a PDF made by pdf-lib draws (its content streams are deflated, its strings hex). */
function pdfLines(pdf: Buffer): string[] {
  const raw = pdf.toString("latin1");
  const lines: string[] = [];
  for (const match of raw.matchAll(/(?<!end)stream\r?\n/g)) {
    const start = match.index + match[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, raw.indexOf("endstream", start))).toString("latin1");
    } catch {
      continue; // not a deflated stream (a font, an image)
    }
    for (const text of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) lines.push(Buffer.from(text[1]!, "hex").toString("latin1"));
  }
  return lines;
}

/** Takes a lifecycle step in the page and expects exactly `prompts` passkey signatures from it. */
async function step(signer: Signer, label: string, fields: Record<string, string> = {}, prompts = 1): Promise<void> {
  const before = await signer.signCount();
  await act(signer.page, label, fields);
  expect(await signer.signCount(), `${label}: passkey prompts`).toBe(before + prompts);
}

test("a credit whose applicant requires signed steps: each step signed by its taker's passkey, and proved so", async ({ browser, baseURL }) => {
  test.setTimeout(420_000);
  const site = new URL(baseURL!);
  const origin = `${site.protocol}//localhost:${site.port}`;

  await sql(`INSERT INTO organizations (id, name, kind, country, address) VALUES (gen_random_uuid(), $1, 'CORPORATE', 'SG', '30 Raffles Place, Singapore 048622')`, [APPLICANT_ORG]);
  const buyer = await person(APPLICANT_ORG, ["MAKER", "ADMIN"], "Aisha Rahman");
  const colleague = await person(APPLICANT_ORG, ["MAKER"], "Kenji Sato");
  const seller = await person("Delta Pumps B.V.", ["MAKER"], "Femke Jansen");
  const maker = await person("Merlion Trade Bank", ["MAKER"], "Ravi Menon");
  const checker = await person("Merlion Trade Bank", ["CHECKER"], "Grace Chua");
  const adviser = await person("Rotterdam Maritime Bank", ["MAKER"], "Lars de Boer");

  const applicant = await withPasskey(browser, origin, buyer);
  await test.step("the applicant's administrator requires signed steps in Settings", async () => {
    const page = applicant.page;
    await page.goto("/settings");
    await page.getByRole("button", { name: "Require signed steps" }).click();
    await expect(page.getByRole("button", { name: "Stop requiring signed steps" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Administrative log" })).toContainText(`${buyer.name} · set signed steps · on`);
    const [org] = await sql<{ sign_milestones: boolean }>("SELECT sign_milestones FROM organizations WHERE name = $1", [APPLICANT_ORG]);
    expect(org?.sign_milestones).toBe(true);
  });

  await test.step("a member without a passkey is sent to add one after signing in", async () => {
    const context = await browser.newContext({ baseURL: origin });
    const page = checkAccessibilityOnVisit(await context.newPage());
    await signIn(page, colleague.email);
    await expect(page).toHaveURL(/\/settings\?passkey=required#passkeys$/);
    await expect(page.getByRole("alert").filter({ hasText: "Add a passkey to take any step" })).toContainText(`${APPLICANT_ORG} requires every step on a credit to be signed`);
    await context.close();
  });

  const beneficiary = await withPasskey(browser, origin, seller);
  const issuingMaker = await withPasskey(browser, origin, maker);
  const issuingChecker = await withPasskey(browser, origin, checker);
  const advisingMaker = await withPasskey(browser, origin, adviser);

  // Drafted and sent through the API: neither records a milestone, so neither is signed.
  const orgs = await sql<{ id: string; name: string }>("SELECT id, name FROM organizations");
  const id = (name: string) => orgs.find((o) => o.name === name)!.id;
  const { creditId } = await api<{ creditId: string }>(buyer.email, "POST", "/credits", {
    beneficiaryId: id("Delta Pumps B.V."),
    issuingBankId: id("Merlion Trade Bank"),
    advisingBankId: id("Rotterdam Maritime Bank"),
    terms: sampleTerms(),
  });
  await apiAction(buyer.email, creditId, "sendToBeneficiary", { input: {} });

  await test.step("each step through its taker's passkey prompt", async () => {
    await openCredit(beneficiary.page, creditId);
    await step(beneficiary, "Agree to these terms");
    const [credit] = await sql<{ signatures_required: boolean }>("SELECT signatures_required FROM credits WHERE id = $1", [creditId]);
    expect(credit?.signatures_required).toBe(true);

    // Submitting records no milestone and holds nothing for a checker: no prompt.
    await openCredit(applicant.page, creditId);
    await step(applicant, "Submit to issuing bank", {}, 0);

    await openCredit(issuingMaker.page, creditId);
    await step(issuingMaker, "Prepare issuance", { "Credit number (field 20)": `SIG-E2E-${Date.now().toString().slice(-8)}` });
    await openCredit(issuingChecker.page, creditId);
    await step(issuingChecker, "Approve and issue");
    await openCredit(advisingMaker.page, creditId);
    await step(advisingMaker, "Advise to beneficiary");
  });

  await test.step("anchored, every milestone verifies and names its signers and their keys", async () => {
    const page = issuingChecker.page;
    await expectAllAnchored(page, creditId, ["TERMS_AGREED", "CREDIT_ISSUED", "CREDIT_ADVISED"]);
    await page.goto(`/credits/${creditId}/audit`);
    await page.getByRole("button", { name: "Verify now" }).click();
    await expect(page.getByTestId("verification-summary")).toContainText("Checked 3 milestones");
    await expect(page.getByTestId("verification-summary")).toContainText(": 3 verified");
    const signed = (who: Signer, part: "took the step" | "prepared it") => `Signed by ${who.name} (${part}) · key ${who.fingerprint}`;
    const expected: [number, string[]][] = [
      [1, [signed(beneficiary, "took the step")]],
      [2, [signed(issuingMaker, "prepared it"), signed(issuingChecker, "took the step")]],
      [3, [signed(advisingMaker, "took the step")]],
    ];
    const chain = page.getByRole("table", { name: "Milestone chain" });
    for (const [seq, signers] of expected) {
      const row = chain.locator(`tr[data-seq="${seq}"]`);
      await expect(row).toHaveAttribute("data-status", "verified");
      await expect(row.getByText("Verified", { exact: true })).toBeVisible();
      await expect(row.getByRole("list", { name: "Signed by" }).getByRole("listitem")).toHaveText(signers);
    }
  });

  await test.step("the audit certificate lists the signers", async () => {
    const page = issuingChecker.page;
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Audit certificate (PDF)" }).click()]);
    const lines = pdfLines(fs.readFileSync((await download.path())!));
    expect(lines).toContain("Result: all 3 milestones verified.");
    const signedBy = (who: Signer, part: string) => `signed by ${who.name} (${part}), key ${who.fingerprint}`;
    expect(lines.filter((line) => line.startsWith("signed by "))).toEqual([
      signedBy(beneficiary, "took the step"),
      signedBy(issuingMaker, "prepared it"),
      signedBy(issuingChecker, "took the step"),
      signedBy(advisingMaker, "took the step"),
    ]);
    expect(lines.join(" ")).toContain("Signatures: this credit's parties require every step to be signed by the passkey of the person who took it");
  });
});
