import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { hexlify, randomBytes } from "ethers";
import { milestoneDigest } from "../lib/anchoring/digest";
import { sampleTerms } from "../lib/terms/sample";
import { advisedCredit, api, apiAction } from "./support/api";
import { expectAllAnchored } from "./support/credit-page";
import { runtime, sql, superuserSql } from "./support/runtime";
import { USERS, personAs } from "./support/users";

// The tamper drill of docs/AUDITING.md: the auditor verifies an anchored credit, someone with
// database access alters one milestone and deletes another, and "verify now" shows exactly those.

const KINDS = ["TERMS_AGREED", "CREDIT_ISSUED", "CREDIT_ADVISED", "AMENDMENT_ISSUED", "AMENDMENT_ADVISED", "AMENDMENT_ACCEPTED"];

async function amendedCredit(): Promise<string> {
  const creditId = await advisedCredit();
  const requested = await apiAction(USERS.buyer, creditId, "requestAmendment", {
    input: { terms: { ...sampleTerms(), goodsDescription: "4 industrial centrifugal pumps, model DP-400, with spare parts" }, note: "Spare parts added" },
  });
  const subjectId = requested.subjectId!;
  await apiAction(USERS.issuingMaker, creditId, "prepareAmendment", { subjectId, input: {} });
  await apiAction(USERS.issuingChecker, creditId, "approveAmendment", { subjectId });
  await apiAction(USERS.advisingMaker, creditId, "adviseAmendment", { subjectId });
  await apiAction(USERS.seller, creditId, "acceptAmendment", { subjectId });
  return creditId;
}

/** The issuing bank's checker grants the audit firm access to one credit in Settings. */
async function grantAuditor(checker: Page, creditId: string): Promise<void> {
  await checker.goto("/settings");
  await checker.getByLabel("Audit firm").selectOption({ label: "Veritas Trade Assurance LLP" });
  await checker.getByLabel("Scope").selectOption(creditId);
  await checker.getByRole("button", { name: "Grant access" }).click();
  await expect(checker.getByRole("status").filter({ hasText: /granted/i })).toBeVisible();
}

/** The statuses of the milestone table after "Verify now", as "seq:status". */
async function verifyNow(auditor: Page): Promise<string[]> {
  await auditor.reload();
  await auditor.getByRole("button", { name: "Verify now" }).click();
  await expect(auditor.getByTestId("verification-summary")).toBeVisible();
  const rows = auditor.getByRole("table", { name: "Milestone chain" }).locator("tbody tr");
  return rows.evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute("data-seq")}:${tr.getAttribute("data-status")}`));
}

test("the auditor sees all verified, then exactly the altered and the missing milestone", async ({ browser }) => {
  test.setTimeout(120_000);
  const creditId = await amendedCredit();
  const checker = await personAs(browser, USERS.issuingChecker);
  await expectAllAnchored(checker, creditId, KINDS);

  // Without a grant the auditor cannot open the credit.
  const auditor = await personAs(browser, USERS.auditor);
  await auditor.goto(`/credits/${creditId}/audit`);
  await expect(auditor.getByRole("heading", { name: /not found/i })).toBeVisible();

  // The issuing bank grants access to this one credit.
  await grantAuditor(checker, creditId);

  await auditor.goto(`/credits/${creditId}/audit`);
  await auditor.getByRole("button", { name: "Verify now" }).click();
  const summary = auditor.getByTestId("verification-summary");
  await expect(summary).toContainText(`Checked ${KINDS.length} milestones`);
  await expect(summary).toContainText(`${KINDS.length} verified`);

  // Tamper as the superuser: change milestone 2's content, delete milestone 4 (bypassing the
  // append-only trigger, which the app's own role cannot).
  await superuserSql(`
    BEGIN;
    SET LOCAL session_replication_role = replica;
    UPDATE milestones SET content = jsonb_set(content, '{tampered}', 'true') WHERE credit_id = '${creditId}' AND seq = 2;
    DELETE FROM milestones WHERE credit_id = '${creditId}' AND seq = 4;
    COMMIT;`);

  await auditor.reload();
  await auditor.getByRole("button", { name: "Verify now" }).click();
  await expect(summary).toContainText(`Checked ${KINDS.length - 1} milestones`);
  const rows = auditor.getByRole("table", { name: "Milestone chain" }).locator("tbody tr");
  const statuses = await rows.evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute("data-seq")}:${tr.getAttribute("data-status")}`));
  expect(statuses).toEqual(["1:verified", "2:altered", "3:verified", "5:missing", "6:verified"]);
  await expect(summary).toContainText("3 verified");
  await expect(summary).toContainText("1 altered");
  await expect(summary).toContainText("1 missing");
});

test("the auditor sees a truncated trail, then a forked one, and the registry they were checked against", async ({ browser }) => {
  test.setTimeout(120_000);
  const creditId = await amendedCredit();
  const checker = await personAs(browser, USERS.issuingChecker);
  await expectAllAnchored(checker, creditId, KINDS);
  await grantAuditor(checker, creditId);
  const auditor = await personAs(browser, USERS.auditor);
  await auditor.goto(`/credits/${creditId}/audit`);
  expect(await verifyNow(auditor)).toEqual(KINDS.map((_, i) => `${i + 1}:verified`));
  const verdict = auditor.getByTestId("trail-verdict");
  await expect(verdict).toHaveAttribute("data-trail", "complete");
  await expect(auditor.getByTestId("checked-registry")).toContainText(runtime().contractAddress);

  // How the worker batched the six: a head is published per batch, so the fork is placed after the
  // last head of a batch before the one that held milestone 6.
  const batches = await sql<{ seq: number; batch_id: string }>(`SELECT seq, batch_id FROM milestones WHERE credit_id = $1 ORDER BY seq`, [creditId]);
  const batchOf6 = batches.find((m) => m.seq === 6)!.batch_id;
  const lastAgreedHead = Math.max(0, ...batches.filter((m) => m.batch_id !== batchOf6 && !batches.some((n) => n.batch_id === m.batch_id && n.seq > m.seq)).map((m) => m.seq));

  // Whoever holds the database deletes the last milestone: the chain still knows the credit's head.
  await superuserSql(`
    BEGIN;
    SET LOCAL session_replication_role = replica;
    DELETE FROM milestones WHERE credit_id = '${creditId}' AND seq = 6;
    COMMIT;`);
  expect(await verifyNow(auditor)).toEqual(["1:verified", "2:verified", "3:verified", "4:verified", "5:verified", "6:truncated"]);
  await expect(verdict).toHaveAttribute("data-trail", "truncated");
  await expect(verdict.getByRole("alert")).toContainText("Truncated");
  await expect(verdict).toContainText("reached milestone 6");

  // ...then writes another milestone 6 in its place, which the worker anchors: a second history.
  const [last] = await sql<{ digest: string }>(`SELECT digest FROM milestones WHERE credit_id = $1 AND seq = 5`, [creditId]);
  const input = { creditId, seq: 6, kind: "AMENDMENT_REJECTED", content: { amendment: 1, note: "rewritten" }, documentHashes: [], prevDigest: last!.digest, salt: hexlify(randomBytes(32)) };
  await superuserSql(
    `INSERT INTO milestones (id, credit_id, seq, kind, content, document_hashes, prev_digest, salt, digest, status, proof, created_at)
     VALUES (gen_random_uuid(), $1, 6, $2, $3, '{}', $4, $5, $6, 'PENDING', '{}', now())`,
    [creditId, input.kind, JSON.stringify(input.content), input.prevDigest, input.salt, milestoneDigest(input)],
  );
  await expect
    .poll(async () => (await sql<{ status: string }>(`SELECT status FROM milestones WHERE credit_id = $1 AND seq = 6`, [creditId]))[0]?.status, { timeout: 30_000 })
    .toBe("ANCHORED");
  // The chain now holds two heads at 6. The histories part after the last head before 6 that agrees
  // with this trail, which depends on how the worker batched 4–6: each may read forked.
  const forked = await verifyNow(auditor);
  // Up to the last agreed head every milestone verifies; after it each may read forked; 6 is forked.
  expect(forked).toEqual(
    KINDS.map((_, i) => (i + 1 <= lastAgreedHead ? `${i + 1}:verified` : i + 1 === 6 ? "6:forked" : expect.stringMatching(new RegExp(`^${i + 1}:(verified|forked)$`)))),
  );
  await expect(verdict).toHaveAttribute("data-trail", "forked");
  await expect(verdict.getByRole("alert")).toContainText("Forked");
});

test("/verify checks a bundle against the registry this site publishes, and says which", async ({ page }) => {
  const creditId = await advisedCredit();
  const bundle = await api(USERS.buyer, "GET", `/credits/${creditId}/proof-bundle`);
  // Handed to the file input from memory: no temporary file is left behind.
  const file = { name: `tt-e2e-bundle-${creditId}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bundle)) };
  await page.goto("/verify");
  const registry = page.getByLabel("Registry you trust (AnchorRegistry address)");
  await expect(registry).toHaveValue(runtime().contractAddress);
  await page.getByLabel("Proof bundle (.json)").setInputFiles(file);
  await page.getByRole("button", { name: "Verify bundle in this browser" }).click();
  const result = page.getByTestId("bundle-result");
  await expect(result.getByTestId("checked-registry")).toContainText(runtime().contractAddress);
  await expect(result.getByTestId("trail-verdict")).toHaveAttribute("data-trail", /complete|truncated/);
});

test("/verify checks a bundle on each network it claims that is given an endpoint, and says which it did not check", async ({ page }) => {
  const creditId = await advisedCredit();
  type Exported = {
    milestones: { root: string | null }[];
    networks: { name: string; chainId: string; contractAddress: string }[];
    anchorings: { root: string; network: string; txHash: string | null; blockNumber: number | null }[];
  };
  // Exported once every milestone is anchored and confirmed: a network can then prove the whole trail.
  let exported: Exported | undefined;
  await expect
    .poll(async () => (exported = (await api(USERS.buyer, "GET", `/credits/${creditId}/proof-bundle`)) as Exported).milestones.every((m) => m.root !== null), { timeout: 30_000 })
    .toBe(true);
  // The bundle as a site anchoring on a second network would export it: every root claimed on
  // "mirror" too (here the same chain and registry under another name, the one chain e2e runs).
  const [first] = exported!.networks;
  const bundle = {
    ...exported!,
    networks: [...exported!.networks, { ...first!, name: "mirror" }],
    anchorings: [...exported!.anchorings, ...exported!.anchorings.map((a) => ({ ...a, network: "mirror" }))],
  };
  const file = { name: `tt-e2e-bundle-2-networks-${creditId}.json`, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bundle)) };
  await page.goto("/verify");
  await page.getByLabel("Proof bundle (.json)").setInputFiles(file);
  const further = page.getByTestId("further-networks");
  await expect(further).toContainText(`for ${first!.name}, the bundle's first network`);
  // This site publishes no "mirror": nothing is prefilled, and nothing is taken from the bundle.
  const mirrorRpc = page.getByLabel("JSON-RPC endpoint of mirror");
  const mirrorRegistry = page.getByLabel("Registry you trust on mirror");
  await expect(mirrorRegistry).toHaveValue("");
  const verify = page.getByRole("button", { name: "Verify bundle in this browser" });
  const result = page.getByTestId("bundle-result");
  const outcomes = result.getByTestId("network-verdicts");

  // Left empty, "mirror" is reported as not checked; the first network proves the trail.
  await verify.click();
  await expect(outcomes.locator(`[data-network="${first!.name}"]`)).toHaveAttribute("data-outcome", "verified");
  await expect(outcomes.locator('[data-network="mirror"]')).toHaveAttribute("data-outcome", "not-checked");
  await expect(outcomes).toHaveAttribute("data-ok", "true");
  await expect(result).toContainText(`milestones verified on ${first!.name}`);

  // Half a row is refused, naming the network, and nothing is shown as verified.
  await mirrorRpc.fill(runtime().rpcUrl);
  await verify.click();
  await expect(page.getByRole("alert").filter({ hasText: "Network mirror: enter the address of the registry" })).toBeVisible();
  await expect(result).toHaveCount(0);

  // A registry with nothing deployed at it: mirror cannot be read, which contradicts nothing.
  await mirrorRegistry.fill("0x000000000000000000000000000000000000dEaD");
  await verify.click();
  await expect(outcomes.locator('[data-network="mirror"]')).toHaveAttribute("data-outcome", "unreachable");
  await expect(outcomes).toHaveAttribute("data-ok", "true");

  // The real registry: both networks read, each verifies the whole trail.
  await mirrorRegistry.fill(runtime().contractAddress);
  await verify.click();
  await expect(outcomes.locator('[data-network="mirror"]')).toHaveAttribute("data-outcome", "verified");
  await expect(outcomes.locator(`[data-network="${first!.name}"]`)).toHaveAttribute("data-outcome", "verified");
  await expect(outcomes).toHaveAttribute("data-ok", "true");
});
