import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import { isBankingDay } from "@/lib/calendar/banking-days";
import { POST as actionRoute } from "@/app/api/v1/credits/[creditId]/actions/[action]/route";
import { loadActor } from "@/lib/auth/actor";
import { resetConfigCache } from "@/lib/config";
import { db } from "@/lib/db/client";
import { performAction } from "@/lib/lifecycle/perform";
import { listAdminEvents } from "@/lib/organizations/admin-log";
import { needsPasskey, setSignMilestones } from "@/lib/organizations/sign-milestones";
import { type SeedDemoWorldResult, seedDemoWorld } from "@/lib/seed/demo";
import { DEMO_SIGNED_STEPS_NOTE } from "@/lib/seed/demo-signed-steps";
import { DEMO_EMAILS, DEMO_ORGANIZATIONS, DEMO_SCENARIOS } from "@/lib/seed/demo-world";
import { sampleTerms } from "@/lib/terms/sample";
import { documentStorage } from "@/lib/storage";
import { verifyCredit } from "@/lib/verify/credit";
import { rpcAnchorReader } from "@/lib/verify/reader";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { anchorEverything } from "./support/tamper";
import { tokenFor } from "./support/tokens";

// The demo world `npm start` creates with SEED_DEMO: on a fresh database, one credit in every
// state a newcomer should see, all made through the real lifecycle, with real documents stored,
// and every milestone anchored by the real worker and verified against the chain. Then, with the
// default configuration, the demo banks require signed steps (issue 14): set after the credits, so
// the credits themselves stay unsigned and verify; a new credit with the demo banks is signed.
// (tests/integration/demo-world-signed-steps-off.test.ts: SEED_DEMO_SIGNED_STEPS=off.)

useTestDatabase();
let chain: ChainFixture;
let worker: AnchoringWorker;
let seeded: SeedDemoWorldResult;
let storageDir: string;
const savedStorageDir = process.env.STORAGE_DIR;
const lines: string[] = [];

beforeAll(async () => {
  storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-demo-"));
  process.env.STORAGE_DIR = storageDir;
  delete process.env.SEED_DEMO_SIGNED_STEPS; // the default: on
  resetConfigCache();
  chain = await deployedRegistry();
  worker = new AnchoringWorker(
    { provider: chain.provider, registry: chain.registry, chainId: chain.chainId, contractAddress: chain.address },
    { batchSize: 256, batchAgeMs: 0, confirmations: 1, maxBackoffMs: 200, leaseMs: 5_000 },
  );
  seeded = await seedDemoWorld((line) => lines.push(line));
  await anchorEverything(worker, 60_000);
}, 600_000); // thirteen credits through the lifecycle, then anchored: minutes on a loaded 2-core machine

afterAll(() => {
  process.env.STORAGE_DIR = savedStorageDir;
  fs.rmSync(storageDir, { recursive: true, force: true });
});

const trust = () => ({ allowedAnchorers: [chain.anchorer], confirmations: 1, fromBlock: 0, lateAnchorSeconds: 86_400 });

describe("the demo world", () => {
  it("has a credit in every listed state: drafting to settled, expired and cancelled", async () => {
    expect(seeded.created).toEqual(DEMO_SCENARIOS.map((s) => s.key));
    const credits = await db().credit.findMany({ include: { amendments: { orderBy: { number: "desc" } }, presentations: { orderBy: { number: "desc" } } } });
    expect(credits).toHaveLength(DEMO_SCENARIOS.length);
    for (const scenario of DEMO_SCENARIOS) {
      const credit = credits.find((c) => c.id === seeded.credits[scenario.key])!;
      const state = scenario.state as { credit: string; amendment?: string; presentation?: string; confirmed?: boolean };
      const shown = {
        credit: credit.status,
        ...(state.amendment ? { amendment: credit.amendments[0]?.status } : {}),
        ...(state.presentation ? { presentation: credit.presentations[0]?.status } : {}),
        ...(state.confirmed ? { confirmed: credit.confirmed } : {}),
      };
      expect(shown, scenario.key).toEqual(state);
    }
    const statuses = new Set(credits.map((c) => c.status));
    for (const status of ["DRAFT", "WITH_APPLICANT", "ISSUANCE_PENDING", "ISSUED", "ADVISED", "SETTLED", "EXPIRED", "CANCELLED"]) expect(statuses).toContain(status);
    const presentations = new Set(credits.flatMap((c) => c.presentations.map((p) => p.status)));
    for (const status of ["COMPLIANT", "DISCREPANT", "REFUSED", "PAID"]) expect(presentations).toContain(status);
  });

  it("made every step through the lifecycle: each credit has its events, messages, and (once presented) stored documents and findings", async () => {
    for (const scenario of DEMO_SCENARIOS) {
      const creditId = seeded.credits[scenario.key];
      expect(await db().creditEvent.count({ where: { creditId } }), scenario.key).toBeGreaterThan(0);
      expect(await db().message.count({ where: { creditId } }), scenario.key).toBeGreaterThan(0);
      const presented = "presentation" in scenario.state;
      const documents = await db().document.findMany({ where: { creditId } });
      expect(documents.length, scenario.key).toBe(presented ? 5 : 0);
      for (const document of documents) {
        const stored = await documentStorage().get(document.storageKey);
        const bytes: Buffer[] = [];
        for await (const chunk of stored.body) bytes.push(chunk as Buffer);
        const body = Buffer.concat(bytes);
        expect(body.subarray(0, 5).toString()).toBe("%PDF-");
        expect((await import("node:crypto")).createHash("sha256").update(body).digest("hex")).toBe(document.sha256);
      }
      if (presented) expect(await db().finding.count({ where: { presentation: { creditId } } }), scenario.key).toBeGreaterThan(0);
    }
    // The discrepant presentation's notice lists what the automatic examination and the examiner found.
    const discrepant = await db().finding.findMany({ where: { presentation: { creditId: seeded.credits.discrepant } } });
    expect(discrepant.map((f) => f.rule).sort()).toEqual(["examiner", "invoice-amount-exceeds-credit"]);
  });

  it("verifies every milestone of every credit on chain, with a complete trail (signed steps, turned on after them, change none)", async () => {
    let total = 0;
    for (const scenario of DEMO_SCENARIOS) {
      const creditId = seeded.credits[scenario.key];
      const expected = await db().milestone.count({ where: { creditId } });
      const result = await verifyCredit(creditId, rpcAnchorReader(chain.provider, chain.address), trust());
      expect(result.results.map((r) => r.status), scenario.key).toEqual(Array(expected).fill("verified"));
      // A credit still being negotiated has no milestone yet: nothing is anchored, nothing to verify.
      if (expected === 0) {
        expect(["drafting", "negotiating"]).toContain(scenario.key);
        continue;
      }
      expect(result.ok, scenario.key).toBe(true);
      expect(result.trail.status, scenario.key).toBe("complete");
      // The expired credit lived its life on the last banking day before today (art. 29(a) would
      // keep an expiry on a weekend open today): after a weekend, it was recorded more than a day
      // before it could be anchored, and the verifier rightly says so.
      const backdated = scenario.key === "expired" && !isBankingDay(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
      if (backdated) expect(new Set(result.warnings.map((w) => w.code)), scenario.key).toEqual(new Set(["late-anchor"]));
      else expect(result.warnings, scenario.key).toEqual([]);
      total += expected;
    }
    expect(total).toBeGreaterThan(40);
  });

  it("creates nothing twice when started again, and says so", async () => {
    const before = await db().$queryRaw<{ n: string }[]>`
      SELECT (SELECT count(*) FROM credits) || '/' || (SELECT count(*) FROM milestones) || '/' || (SELECT count(*) FROM documents) || '/' || (SELECT count(*) FROM messages) || '/' || (SELECT count(*) FROM credit_events) AS n`;
    const again = await seedDemoWorld();
    expect(again.created).toEqual([]);
    expect(again.existing).toEqual(DEMO_SCENARIOS.map((s) => s.key));
    expect(again.credits).toEqual(seeded.credits);
    const after = await db().$queryRaw<{ n: string }[]>`
      SELECT (SELECT count(*) FROM credits) || '/' || (SELECT count(*) FROM milestones) || '/' || (SELECT count(*) FROM documents) || '/' || (SELECT count(*) FROM messages) || '/' || (SELECT count(*) FROM credit_events) AS n`;
    expect(after).toEqual(before);
    expect(lines.some((line) => /settled credit created in \d+ ms/.test(line))).toBe(true);
  });
});

describe("signed steps at the demo banks (issue 14, SEED_DEMO_SIGNED_STEPS on by default)", () => {
  const banks = DEMO_ORGANIZATIONS.filter((org) => org.kind === "BANK");
  const orgNamed = (org: (typeof DEMO_ORGANIZATIONS)[number]) => db().organization.findFirstOrThrow({ where: { name: org.name, kind: org.kind } });
  const actorOf = async (email: string) => (await loadActor((await db().user.findUniqueOrThrow({ where: { email } })).id))!;
  const signedStepsEvents = (organizationId: string) => db().adminEvent.findMany({ where: { organizationId, action: "signed-steps-changed" }, orderBy: { createdAt: "asc" } });

  it("are required at both demo banks, each change logged once in the bank's administrative log as TradeTrail's; the demo companies and the others are untouched", async () => {
    expect(banks.map((b) => b.name)).toEqual(["Merlion Trade Bank", "Rotterdam Maritime Bank"]);
    expect(seeded.signedStepBanks).toEqual(["Merlion Trade Bank", "Rotterdam Maritime Bank"]);
    expect(lines).toContain("demo world: Merlion Trade Bank and Rotterdam Maritime Bank now require signed steps; the demo credits agreed before stay unsigned (SEED_DEMO_SIGNED_STEPS=off leaves this off)");
    for (const org of DEMO_ORGANIZATIONS) {
      const row = await orgNamed(org);
      const events = await signedStepsEvents(row.id);
      if (org.kind !== "BANK") {
        expect(row.signMilestones, org.name).toBe(false);
        expect(events, org.name).toEqual([]);
        continue;
      }
      expect(row.signMilestones, org.name).toBe(true);
      // Once, although the seed ran again above (a restart).
      expect(events, org.name).toHaveLength(1);
      expect(events[0], org.name).toMatchObject({ actorId: null, subject: `on ${DEMO_SIGNED_STEPS_NOTE}`, data: { by: "demo seed", setting: "SEED_DEMO_SIGNED_STEPS" } });
      // As the bank's administrators read it in Settings.
      const shown = (await listAdminEvents(row.id)).find((e) => e.action === "signed-steps-changed");
      expect(shown, org.name).toMatchObject({ actor: "TradeTrail" });
      expect(shown?.subject, org.name).toMatch(/^on by default for the demo banks .*the demo credits whose terms were agreed before stay unsigned/);
    }
    // Their users are taken to add a passkey after password sign-in; the companies' users are not.
    expect(await needsPasskey((await actorOf(DEMO_EMAILS.issuingMaker)).userId)).toBe(true);
    expect(await needsPasskey((await actorOf(DEMO_EMAILS.advisingChecker)).userId)).toBe(true);
    expect(await needsPasskey((await actorOf(DEMO_EMAILS.buyer)).userId)).toBe(false);
    expect(await needsPasskey((await actorOf(DEMO_EMAILS.seller)).userId)).toBe(false);
  });

  it("leaves every demo credit unsigned: each decided at its first milestone, before the banks required signatures", async () => {
    for (const scenario of DEMO_SCENARIOS) {
      const creditId = seeded.credits[scenario.key];
      expect((await db().credit.findUniqueOrThrow({ where: { id: creditId } })).signaturesRequired, scenario.key).toBe(false);
      const [signed] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM milestones WHERE credit_id = ${creditId}::uuid AND signatures IS NOT NULL`;
      expect(signed?.n, scenario.key).toBe(0);
    }
  });

  it("requires signatures on a new credit between the demo companies and the demo banks: the seller's unsigned agreement is refused with 428 and changes nothing", async () => {
    const [applicant, beneficiary, issuingBank, advisingBank] = await Promise.all(
      (["applicant", "beneficiary", "issuingBank", "advisingBank"] as const).map((key) => orgNamed(DEMO_ORGANIZATIONS.find((o) => o.key === key)!)),
    );
    expect(applicant!.signMilestones || beneficiary!.signMilestones).toBe(false);
    const buyer = await actorOf(DEMO_EMAILS.buyer);
    const seller = await actorOf(DEMO_EMAILS.seller);
    // Drafting and sending record no milestone: nothing to sign yet.
    const { creditId } = await performAction({
      actor: buyer,
      action: "createCredit",
      input: { beneficiaryId: beneficiary!.id, issuingBankId: issuingBank!.id, advisingBankId: advisingBank!.id, terms: sampleTerms({ goodsDescription: "6 units booster pumps, model DP-B6" }) },
    });
    await performAction({ actor: buyer, action: "sendToBeneficiary", creditId, input: { comment: "" } });
    const state = async () => {
      const credit = await db().credit.findUniqueOrThrow({ where: { id: creditId } });
      return { status: credit.status, version: credit.version, signaturesRequired: credit.signaturesRequired, agreedTermsId: credit.agreedTermsId, milestones: await db().milestone.count({ where: { creditId } }), events: await db().creditEvent.count({ where: { creditId } }) };
    };
    const before = await state();
    expect(before).toMatchObject({ status: "WITH_BENEFICIARY", milestones: 0, signaturesRequired: false });

    // The seller's agreement is the first milestone: the banks' setting makes it a signed one.
    const request = new Request(`http://localhost/api/v1/credits/${creditId}/actions/endorseTerms`, {
      method: "POST",
      headers: { authorization: `Bearer ${await tokenFor(seller)}`, "content-type": "application/json" },
      body: JSON.stringify({ input: {} }),
    });
    const response = await actionRoute(request, { params: Promise.resolve({ creditId, action: "endorseTerms" }) });
    expect(response.status).toBe(428);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("SIGNATURE_REQUIRED");
    expect(await state()).toEqual(before);

    // In the app (a server action, no signature): the same refusal, and still nothing changes.
    const refused = await performAction({ actor: seller, action: "endorseTerms", creditId, input: {} }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "SIGNATURE_REQUIRED" });
    expect(await state()).toEqual(before);
  });

  it("keeps a bank administrator's later choice when started again", async () => {
    const merlion = await orgNamed(banks[0]!);
    await setSignMilestones(await actorOf(DEMO_EMAILS.issuingChecker), false);
    const again = await seedDemoWorld();
    expect(again.created).toEqual([]);
    expect(again.signedStepBanks).toEqual(["Rotterdam Maritime Bank"]);
    expect((await db().organization.findUniqueOrThrow({ where: { id: merlion.id } })).signMilestones).toBe(false);
    expect((await signedStepsEvents(merlion.id)).map((e) => [e.actorId, e.subject])).toEqual([
      [null, `on ${DEMO_SIGNED_STEPS_NOTE}`],
      [(await actorOf(DEMO_EMAILS.issuingChecker)).userId, "off"],
    ]);
  });
});
