import { createHash, randomBytes } from "node:crypto";
import { expect } from "@playwright/test";
import { type TermsInput } from "../../lib/terms/schema";
import { sampleTerms } from "../../lib/terms/sample";
import { recordFetch } from "./conformance";
import { runtime, sql } from "./runtime";
import { USERS } from "./users";

// Fixtures through the public API, as a bank back office would drive it: each demo user gets an
// API token that reads, acts and uploads for a day (inserted directly: only an administrator
// may create an acting token in Settings, and these act for makers and checkers too).

const tokens = new Map<string, string>();

export async function tokenFor(email: string): Promise<string> {
  const known = tokens.get(email);
  if (known) return known;
  const token = `tt_${randomBytes(32).toString("base64url")}`;
  const [member] = await sql<{ user_id: string; organization_id: string }>(
    "SELECT m.user_id, m.organization_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1",
    [email],
  );
  if (!member) throw new Error(`No demo user ${email}`);
  await sql("INSERT INTO api_tokens (id, organization_id, user_id, name, prefix, token_hash, scopes, expires_at) VALUES (gen_random_uuid(), $1, $2, 'e2e', $3, $4, '{read,act,upload}', now() + interval '1 day')", [
    member.organization_id,
    member.user_id,
    token.slice(0, 10),
    createHash("sha256").update(token).digest("hex"),
  ]);
  tokens.set(email, token);
  return token;
}

export async function api<T = Record<string, unknown>>(email: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${runtime().appUrl}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${await tokenFor(email)}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  recordFetch(method, response.url, response);
  const json = (await response.json()) as T & { error?: { message: string } };
  expect(response.ok, `${method} ${path}: ${json.error?.message ?? response.status}`).toBe(true);
  return json;
}

export const apiAction = (email: string, creditId: string, action: string, body: { input?: unknown; subjectId?: string } = {}) =>
  api<{ subjectId: string | null; version: number }>(email, "POST", `/credits/${creditId}/actions/${action}`, body);

/** A credit applied for with `issuingBank` (by name), through the API: it then waits for that bank's makers. */
export async function appliedCredit(issuingBank = "Merlion Trade Bank"): Promise<string> {
  const orgs = await sql<{ id: string; name: string }>("SELECT id, name FROM organizations");
  const id = (name: string) => orgs.find((o) => o.name === name)!.id;
  const { creditId } = await api<{ creditId: string }>(USERS.buyer, "POST", "/credits", {
    beneficiaryId: id("Delta Pumps B.V."),
    issuingBankId: id(issuingBank),
    advisingBankId: id("Rotterdam Maritime Bank"),
    terms: sampleTerms(),
  });
  await apiAction(USERS.buyer, creditId, "sendToBeneficiary", { input: {} });
  await apiAction(USERS.seller, creditId, "endorseTerms");
  await apiAction(USERS.buyer, creditId, "submitApplication", { input: {} });
  return creditId;
}

/**
 * A credit issued and advised, through the API, in a few hundred milliseconds. Available with the
 * issuing bank unless `terms` say otherwise: it examines the presentations (available with the
 * advising bank, that bank would, as nominated bank).
 */
export async function advisedCredit(terms: Partial<TermsInput> = {}): Promise<string> {
  const orgs = await sql<{ id: string; name: string }>("SELECT id, name FROM organizations");
  const id = (name: string) => orgs.find((o) => o.name === name)!.id;
  const created = await api<{ creditId: string }>(USERS.buyer, "POST", "/credits", {
    beneficiaryId: id("Delta Pumps B.V."),
    issuingBankId: id("Merlion Trade Bank"),
    advisingBankId: id("Rotterdam Maritime Bank"),
    terms: { ...sampleTerms(), availableWith: "ISSUING_BANK", ...terms },
  });
  const creditId = created.creditId;
  await apiAction(USERS.buyer, creditId, "sendToBeneficiary", { input: {} });
  await apiAction(USERS.seller, creditId, "endorseTerms");
  await apiAction(USERS.buyer, creditId, "submitApplication", { input: {} });
  await apiAction(USERS.issuingMaker, creditId, "prepareIssuance", { input: { creditNumber: `MTB${Date.now().toString().slice(-9)}${Math.floor(Math.random() * 90 + 10)}` } });
  await apiAction(USERS.issuingChecker, creditId, "approveIssuance");
  await apiAction(USERS.advisingMaker, creditId, "adviseCredit", { input: { addConfirmation: false } });
  return creditId;
}

/** The beneficiary uploads a commercial invoice for `amount` to a draft presentation, through the API. */
export async function uploadInvoice(creditId: string, presentationId: string, amount: string): Promise<void> {
  const terms = sampleTerms();
  const data = {
    number: `INV-${randomBytes(3).toString("hex")}`,
    date: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
    issuer: terms.beneficiary.name,
    addressee: terms.applicant.name,
    currency: terms.currency,
    amount,
    goodsDescription: terms.goodsDescription,
  };
  const query = new URLSearchParams({ kind: "COMMERCIAL_INVOICE", originals: "3", copies: "2", fileName: "invoice.pdf", data: JSON.stringify(data) });
  const response = await fetch(`${runtime().appUrl}/api/v1/credits/${creditId}/presentations/${presentationId}/documents?${query}`, {
    method: "POST",
    headers: { authorization: `Bearer ${await tokenFor(USERS.seller)}`, "content-type": "application/pdf" },
    body: Buffer.from(`%PDF-1.4\n% invoice ${randomBytes(8).toString("hex")}\n%%EOF\n`),
  });
  recordFetch("POST", response.url, response);
  expect(response.ok, await response.clone().text()).toBe(true);
}
