import { createHash, createPrivateKey, createPublicKey, randomUUID } from "node:crypto";
import fs from "node:fs";
import { inflateSync } from "node:zlib";
import { type Browser, type Locator, type Page } from "@playwright/test";
import { DOCUMENT_DATA_FIELDS } from "../lib/documents/data";
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
// it, through the credit's whole life: terms agreed, issued (maker and checker), advised; an
// amendment requested by the applicant, issued by maker and checker, advised and accepted by the
// beneficiary; documents presented, found complying and paid (each by maker and checker), which
// settles the credit. Anchored, "Verify now" proves each milestone and names its signers, with
// the fingerprint of the key in that person's own authenticator; every four-eyes step carries
// maker and checker, and so does the settlement its payment causes. The audit certificate lists
// the same signers, in order.
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

/**
 * Takes a lifecycle step in the page and expects exactly `prompts` passkey signatures from it (one
 * by default). `inspect` looks at its dialog before it is confirmed.
 */
async function step(signer: Signer, label: string, options: { fields?: Record<string, string>; prompts?: number; inspect?: (dialog: Locator) => Promise<void> } = {}): Promise<void> {
  const before = await signer.signCount();
  await act(signer.page, label, options.fields, { inspect: options.inspect });
  expect(await signer.signCount(), `${label}: passkey prompts`).toBe(before + (options.prompts ?? 1));
}

/** Runs something in the page that takes no step on the credit's record, and expects no passkey prompt from it. */
async function unsigned(signer: Signer, what: string, run: () => Promise<void>): Promise<void> {
  const before = await signer.signCount();
  await run();
  expect(await signer.signCount(), `${what}: passkey prompts`).toBe(before);
}

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** The beneficiary uploads a commercial invoice through the presentation's upload form. */
async function uploadInvoice(page: Page, values: Record<string, string>): Promise<void> {
  const form = page.getByRole("form", { name: "Upload a document" });
  await form.getByLabel("Document type").selectOption("COMMERCIAL_INVOICE");
  await form.getByLabel("Originals", { exact: true }).fill("1");
  await form.getByLabel("Copies", { exact: true }).fill("0");
  for (const meta of DOCUMENT_DATA_FIELDS.COMMERCIAL_INVOICE) {
    const value = values[meta.key];
    if (value === undefined) continue;
    // The label's text ends with the required marker ("*", hidden from screen readers).
    const field = form.getByLabel(new RegExp(`^${meta.label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*\\*?$`));
    if (meta.type === "select") await field.selectOption(value);
    else await field.fill(value);
  }
  const body = Buffer.from(`%PDF-1.4\n% invoice ${randomUUID()}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
  await form.locator('input[type="file"]').setInputFiles({ name: "invoice.pdf", mimeType: "application/pdf", buffer: body });
  await form.getByRole("button", { name: "Upload document" }).click();
  await expect(form.getByRole("status")).toContainText("Uploaded invoice.pdf");
}

test("a credit whose applicant requires signed steps, from agreement to settlement: each step signed by its taker's passkey, and proved so", async ({ browser, baseURL }) => {
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

  // Drafted and sent through the API: neither records a milestone, so neither is signed. One
  // document is required, so that the beneficiary's invoice alone complies and can be paid. The
  // credit is available with the issuing bank, which examines and pays.
  const orgs = await sql<{ id: string; name: string }>("SELECT id, name FROM organizations");
  const id = (name: string) => orgs.find((o) => o.name === name)!.id;
  const terms = sampleTerms({ availableWith: "ISSUING_BANK", documentsRequired: [{ kind: "COMMERCIAL_INVOICE", originals: 1, copies: 0, details: "Signed" }] });
  const { creditId } = await api<{ creditId: string }>(buyer.email, "POST", "/credits", {
    beneficiaryId: id("Delta Pumps B.V."),
    issuingBankId: id("Merlion Trade Bank"),
    advisingBankId: id("Rotterdam Maritime Bank"),
    terms,
  });
  await apiAction(buyer.email, creditId, "sendToBeneficiary", { input: {} });

  await test.step("agreed, issued and advised, each step through its taker's passkey prompt", async () => {
    await openCredit(beneficiary.page, creditId);
    await step(beneficiary, "Agree to these terms");
    const [credit] = await sql<{ signatures_required: boolean }>("SELECT signatures_required FROM credits WHERE id = $1", [creditId]);
    expect(credit?.signatures_required).toBe(true);

    // Submitting records no milestone and holds nothing for a checker: no prompt.
    await openCredit(applicant.page, creditId);
    await step(applicant, "Submit to issuing bank", { prompts: 0 });

    await openCredit(issuingMaker.page, creditId);
    await step(issuingMaker, "Prepare issuance", { fields: { "Credit number (field 20)": `SIG-E2E-${Date.now().toString().slice(-8)}` } });
    await openCredit(issuingChecker.page, creditId);
    await step(issuingChecker, "Approve and issue");
    await openCredit(advisingMaker.page, creditId);
    await step(advisingMaker, "Advise to beneficiary");
  });

  await test.step("an amendment: requested by the applicant, issued by maker and checker, advised, accepted by the beneficiary", async () => {
    // The request records no milestone (the issuing bank's amendment does): no prompt.
    const page = applicant.page;
    await unsigned(applicant, "Request amendment", async () => {
      await openCredit(page, creditId);
      await page.getByRole("link", { name: "Request an amendment" }).click();
      await page.getByLabel("Amount (32B)").fill("130000.00");
      await page.getByRole("button", { name: "Request amendment" }).click();
      await expect(page).toHaveURL(/tab=amendments/);
    });
    await openCredit(issuingMaker.page, creditId, "amendments");
    await step(issuingMaker, "Prepare amendment");
    await openCredit(issuingChecker.page, creditId, "amendments");
    await step(issuingChecker, "Approve and issue amendment");
    await openCredit(advisingMaker.page, creditId, "amendments");
    await step(advisingMaker, "Advise amendment");
    await openCredit(beneficiary.page, creditId, "amendments");
    await expect(beneficiary.page.getByRole("row").filter({ hasText: "Currency and amount" })).toContainText("130,000.00");
    await step(beneficiary, "Accept amendment");
  });

  let presentationUrl = "";
  await test.step("documents presented by the beneficiary, found complying and paid by maker and checker", async () => {
    const page = beneficiary.page;
    await openCredit(page, creditId);
    // Starting a presentation and uploading to it record nothing: no prompt.
    await step(beneficiary, "Start a presentation", { prompts: 0 });
    await expect(page).toHaveURL(/\/presentations\/[0-9a-f-]{36}$/);
    presentationUrl = new URL(page.url()).pathname;
    await unsigned(beneficiary, "Upload document", () =>
      uploadInvoice(page, {
        number: `INV-${run}`,
        date: daysFromNow(-3),
        issuer: terms.beneficiary.name,
        addressee: terms.applicant.name,
        currency: terms.currency,
        amount: "130000.00",
        goodsDescription: terms.goodsDescription,
      }),
    );
    await step(beneficiary, "Present documents");

    await issuingMaker.page.goto(presentationUrl);
    await step(issuingMaker, "Determine complying");
    await issuingChecker.page.goto(presentationUrl);
    await step(issuingChecker, "Approve: complying");

    await issuingMaker.page.goto(presentationUrl);
    await step(issuingMaker, "Prepare payment", { fields: { "Amount (USD)": "130000.00" } });
    // The checker sees what they sign: the amount, who prepared it and what the presentation claims.
    await issuingChecker.page.goto(presentationUrl);
    await step(issuingChecker, "Approve payment", {
      inspect: async (dialog) => {
        const summary = dialog.getByTestId("approval-summary");
        await expect(summary.getByTestId("approval-amount")).toHaveText("USD 130,000.00");
        await expect(summary.getByTestId("approval-maker")).toHaveText(maker.name);
        await expect(summary.getByTestId("approval-claimed")).toHaveText("USD 130,000.00");
      },
    });
    const [credit] = await sql<{ status: string }>("SELECT status FROM credits WHERE id = $1", [creditId]);
    expect(credit?.status).toBe("SETTLED");
  });

  const took = "took the step";
  const prepared = "prepared it";
  // Each milestone with the signers it names, in order: the maker's preparation before the checker's step.
  const milestones: [string, [Signer, typeof took | typeof prepared][]][] = [
    ["TERMS_AGREED", [[beneficiary, took]]],
    ["CREDIT_ISSUED", [[issuingMaker, prepared], [issuingChecker, took]]],
    ["CREDIT_ADVISED", [[advisingMaker, took]]],
    ["AMENDMENT_ISSUED", [[issuingMaker, prepared], [issuingChecker, took]]],
    ["AMENDMENT_ADVISED", [[advisingMaker, took]]],
    ["AMENDMENT_ACCEPTED", [[beneficiary, took]]],
    ["DOCUMENTS_PRESENTED", [[beneficiary, took]]],
    ["PRESENTATION_COMPLIANT", [[issuingMaker, prepared], [issuingChecker, took]]],
    ["PAYMENT_RECORDED", [[issuingMaker, prepared], [issuingChecker, took]]],
    // The settlement the payment causes rides on the same step's signatures.
    ["CREDIT_SETTLED", [[issuingMaker, prepared], [issuingChecker, took]]],
  ];
  const count = milestones.length;

  await test.step("anchored, every milestone verifies and names its signers and their keys", async () => {
    const page = issuingChecker.page;
    await expectAllAnchored(
      page,
      creditId,
      milestones.map(([kind]) => kind),
    );
    await page.goto(`/credits/${creditId}/audit`);
    await page.getByRole("button", { name: "Verify now" }).click();
    await expect(page.getByTestId("verification-summary")).toContainText(`Checked ${count} milestones`);
    await expect(page.getByTestId("verification-summary")).toContainText(`: ${count} verified`);
    const chain = page.getByRole("table", { name: "Milestone chain" });
    for (const [index, [kind, signers]] of milestones.entries()) {
      const row = chain.locator(`tr[data-seq="${index + 1}"]`);
      await expect(row, kind).toHaveAttribute("data-status", "verified");
      await expect(row.getByText("Verified", { exact: true })).toBeVisible();
      await expect(row.getByRole("list", { name: "Signed by" }).getByRole("listitem")).toHaveText(signers.map(([who, part]) => `Signed by ${who.name} (${part}) · key ${who.fingerprint}`));
    }
  });

  await test.step("the audit certificate lists the signers", async () => {
    const page = issuingChecker.page;
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Audit certificate (PDF)" }).click()]);
    const lines = pdfLines(fs.readFileSync((await download.path())!));
    expect(lines).toContain(`Result: all ${count} milestones verified.`);
    expect(lines.filter((line) => line.startsWith("signed by "))).toEqual(milestones.flatMap(([, signers]) => signers.map(([who, part]) => `signed by ${who.name} (${part}), key ${who.fingerprint}`)));
    expect(lines.join(" ")).toContain("Signatures: this credit's parties require every step to be signed by the passkey of the person who took it");
  });
});
