import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import { isBankingDay } from "@/lib/calendar/banking-days";
import { resetConfigCache } from "@/lib/config";
import { db } from "@/lib/db/client";
import { seedDemoWorld } from "@/lib/seed/demo";
import type { SeedDemoCreditsResult } from "@/lib/seed/demo-credits";
import { DEMO_SCENARIOS } from "@/lib/seed/demo-world";
import { documentStorage } from "@/lib/storage";
import { verifyCredit } from "@/lib/verify/credit";
import { rpcAnchorReader } from "@/lib/verify/reader";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { anchorEverything } from "./support/tamper";

// The demo world `npm start` creates with SEED_DEMO: on a fresh database, one credit in every
// state a newcomer should see, all made through the real lifecycle, with real documents stored,
// and every milestone anchored by the real worker and verified against the chain.

useTestDatabase();
let chain: ChainFixture;
let worker: AnchoringWorker;
let seeded: SeedDemoCreditsResult;
let storageDir: string;
const savedStorageDir = process.env.STORAGE_DIR;
const lines: string[] = [];

beforeAll(async () => {
  storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-demo-"));
  process.env.STORAGE_DIR = storageDir;
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

  it("verifies every milestone of every credit on chain, with a complete trail", async () => {
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
