import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import { resetConfigCache } from "@/lib/config";
import { db } from "@/lib/db/client";
import { ingestDocument } from "@/lib/documents/ingest";
import { type PerformOptions, performAction } from "@/lib/lifecycle/perform";
import { documentStorage } from "@/lib/storage";
import { sampleStandbyTerms } from "@/lib/terms/sample";
import { verifyCredit } from "@/lib/verify/credit";
import { rpcAnchorReader } from "@/lib/verify/reader";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { anchorEverything } from "./support/tamper";
import { type World, createWorld } from "./support/world";

// A standby letter of credit under ISP98, through the real lifecycle on a real PostgreSQL and a
// real anvil: agreed, issued by maker and checker, advised, drawn by a demand and a statement of
// default, examined complying (no transport-document rule in sight), paid, and its trail verified
// from the chain.

useTestDatabase();
let world: World;
let chain: ChainFixture;
let worker: AnchoringWorker;
let base: string;
const saved = { STORAGE_DIR: process.env.STORAGE_DIR };

beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), "tt-standby-"));
  process.env.STORAGE_DIR = path.join(base, "documents");
  resetConfigCache();
  world = await createWorld();
  chain = await deployedRegistry();
  worker = new AnchoringWorker(
    { provider: chain.provider, registry: chain.registry, chainId: chain.chainId, contractAddress: chain.address },
    { batchSize: 64, batchAgeMs: 0, confirmations: 1, maxBackoffMs: 200, leaseMs: 5_000 },
  );
});

afterAll(async () => {
  if (saved.STORAGE_DIR === undefined) delete process.env.STORAGE_DIR;
  else process.env.STORAGE_DIR = saved.STORAGE_DIR;
  resetConfigCache();
  await rm(base, { recursive: true, force: true });
});

async function storedPdf(label: string) {
  const bytes = Buffer.from(`%PDF-1.7\n% ${label}\n${"0".repeat(2_000)}\n%%EOF\n`);
  const stored = await ingestDocument({ body: Readable.from([bytes]), maxBytes: 1024 * 1024, storage: documentStorage() });
  return { storageKey: stored.storageKey, sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType, fileName: `${label}.pdf` };
}

describe("a standby credit drawn by a demand", () => {
  it("is issued, drawn by a demand and a statement of default, found complying under ISP98, paid, and its trail verifies", async () => {
    const { applicant, beneficiary, issuingBank, advisingBank } = world.users;
    const terms = sampleStandbyTerms();
    const created = await performAction({
      actor: applicant.MAKER,
      action: "createCredit",
      input: { beneficiaryId: world.orgs.beneficiary, issuingBankId: world.orgs.issuingBank, advisingBankId: world.orgs.advisingBank, terms },
    });
    const creditId = created.creditId;
    const step = (actor: PerformOptions["actor"], action: PerformOptions["action"], input?: unknown, subjectId?: string) => performAction({ actor, action, creditId, input, subjectId });

    await step(applicant.MAKER, "sendToBeneficiary", { comment: "Standby for the supply contract" });
    expect((await step(beneficiary.MAKER, "endorseTerms", {})).creditStatus).toBe("AGREED");
    await step(applicant.MAKER, "submitApplication", {});
    await step(issuingBank.MAKER, "prepareIssuance", { creditNumber: "MTB/SB/2026/0007" });
    expect((await step(issuingBank.CHECKER, "approveIssuance")).creditStatus).toBe("ISSUED");
    expect((await step(advisingBank.CHECKER, "adviseCredit", { addConfirmation: false })).creditStatus).toBe("ADVISED");

    // The beneficiary presents a demand for the full amount and a statement of default.
    const started = await step(beneficiary.MAKER, "startPresentation", {});
    const presentationId = started.subjectId!;
    const today = new Date().toISOString().slice(0, 10);
    await step(
      beneficiary.MAKER,
      "addDocument",
      {
        kind: "DEMAND",
        originals: 1,
        copies: 0,
        data: { date: today, signedBy: "Joost Visser, director", currency: "USD", amount: "250000.00", wording: "We demand payment of USD 250,000.00 under standby MTB/SB/2026/0007." },
        file: await storedPdf("demand"),
      },
      presentationId,
    );
    await step(
      beneficiary.MAKER,
      "addDocument",
      { kind: "STATEMENT_OF_DEFAULT", originals: 1, copies: 0, data: { date: today, signedBy: "Joost Visser, director", statement: "The applicant failed to pay invoice DP-118 when due." }, file: await storedPdf("statement") },
      presentationId,
    );
    expect((await step(beneficiary.MAKER, "presentDocuments", {}, presentationId)).subjectStatus).toBe("PRESENTED");

    const presented = await db().presentation.findUniqueOrThrow({ where: { id: presentationId }, include: { findings: true } });
    // No automatic finding: no bill of lading, invoice or insurance is asked of a standby.
    expect(presented.findings).toEqual([]);
    expect(presented.claimedAmount?.toString()).toBe("250000");
    // ISP98 5.01(a)(i): three business days after presentation.
    expect(presented.examinationDeadline!.getTime()).toBeGreaterThan(Date.now());
    expect(presented.examinationDeadline!.getTime() - Date.now()).toBeLessThan(6 * 86_400_000);

    // Four eyes: the maker determines complying, a checker approves; the maker prepares payment, a checker records it.
    await step(issuingBank.MAKER, "determineCompliant", {}, presentationId);
    expect((await step(issuingBank.CHECKER, "approveCompliance", {}, presentationId)).subjectStatus).toBe("COMPLIANT");
    await step(issuingBank.MAKER, "preparePayment", { amount: "250000.00" }, presentationId);
    const paid = await step(issuingBank.CHECKER, "approvePayment", {}, presentationId);
    expect(paid.subjectStatus).toBe("PAID");
    const credit = await db().credit.findUniqueOrThrow({ where: { id: creditId } });
    expect(credit.status).toBe("SETTLED");
    expect(credit.drawnAmount.toString()).toBe("250000");

    const milestones = await db().milestone.findMany({ where: { creditId }, orderBy: { seq: "asc" } });
    expect(milestones.map((m) => m.kind)).toEqual([
      "TERMS_AGREED",
      "CREDIT_ISSUED",
      "CREDIT_ADVISED",
      "DOCUMENTS_PRESENTED",
      "PRESENTATION_COMPLIANT",
      "PAYMENT_RECORDED",
      "CREDIT_SETTLED",
    ]);
    const documents = await db().document.findMany({ where: { presentationId } });
    expect(milestones[3]!.documentHashes.sort()).toEqual(documents.map((d) => d.sha256).sort());

    await anchorEverything(worker);
    const result = await verifyCredit(creditId, rpcAnchorReader(chain.provider, chain.address), {
      allowedAnchorers: [chain.anchorer],
      confirmations: 1,
      fromBlock: 0,
      lateAnchorSeconds: 86_400,
    });
    expect(result.ok).toBe(true);
    expect(result.results.map((r) => r.status)).toEqual(milestones.map(() => "verified"));
  });

  it("finds a demand above the standby's amount discrepant, citing ISP98 3.08", async () => {
    const { applicant, beneficiary, issuingBank, advisingBank } = world.users;
    const created = await performAction({
      actor: applicant.MAKER,
      action: "createCredit",
      input: { beneficiaryId: world.orgs.beneficiary, issuingBankId: world.orgs.issuingBank, advisingBankId: world.orgs.advisingBank, terms: sampleStandbyTerms() },
    });
    const creditId = created.creditId;
    const step = (actor: PerformOptions["actor"], action: PerformOptions["action"], input?: unknown, subjectId?: string) => performAction({ actor, action, creditId, input, subjectId });
    await step(applicant.MAKER, "sendToBeneficiary", {});
    await step(beneficiary.MAKER, "endorseTerms", {});
    await step(applicant.MAKER, "submitApplication", {});
    await step(issuingBank.MAKER, "prepareIssuance", { creditNumber: "MTB/SB/2026/0008" });
    await step(issuingBank.CHECKER, "approveIssuance");
    await step(advisingBank.CHECKER, "adviseCredit", { addConfirmation: false });
    const presentationId = (await step(beneficiary.MAKER, "startPresentation", {})).subjectId!;
    const today = new Date().toISOString().slice(0, 10);
    await step(
      beneficiary.MAKER,
      "addDocument",
      { kind: "DEMAND", originals: 1, copies: 0, data: { date: today, signedBy: "Joost Visser", currency: "USD", amount: "260000.00" }, file: await storedPdf("demand-over") },
      presentationId,
    );
    await step(beneficiary.MAKER, "presentDocuments", {}, presentationId);
    const findings = await db().finding.findMany({ where: { presentationId }, orderBy: { createdAt: "asc" } });
    expect(findings.map((f) => [f.rule, f.article])).toEqual([
      ["standby-statement-missing", "ISP98 4.17"],
      ["demand-exceeds-available-balance", "ISP98 3.08"],
    ]);
  });
});
