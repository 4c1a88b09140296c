import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfigCache } from "@/lib/config";
import { db } from "@/lib/db/client";
import { type SeedDemoWorldResult, seedDemoWorld } from "@/lib/seed/demo";
import { DEMO_SCENARIOS } from "@/lib/seed/demo-world";
import { useTestDatabase } from "./support/database";

// `npm start` with SEED_DEMO_SIGNED_STEPS=off (as scripts/e2e.ts starts it): the same demo world,
// and no organisation requires signed steps (tests/integration/demo-world.test.ts: the default).

useTestDatabase();
let seeded: SeedDemoWorldResult;
let storageDir: string;
const saved = { STORAGE_DIR: process.env.STORAGE_DIR, SEED_DEMO_SIGNED_STEPS: process.env.SEED_DEMO_SIGNED_STEPS };
const lines: string[] = [];

beforeAll(async () => {
  storageDir = fs.mkdtempSync(path.join(os.tmpdir(), "tt-demo-off-"));
  Object.assign(process.env, { STORAGE_DIR: storageDir, SEED_DEMO_SIGNED_STEPS: "off" });
  resetConfigCache();
  seeded = await seedDemoWorld((line) => lines.push(line));
}, 600_000); // thirteen credits through the lifecycle: minutes on a loaded 2-core machine

afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetConfigCache();
  fs.rmSync(storageDir, { recursive: true, force: true });
});

describe("the demo world with SEED_DEMO_SIGNED_STEPS=off", () => {
  it("turns signed steps on nowhere and logs no change", async () => {
    expect(seeded.created).toEqual(DEMO_SCENARIOS.map((s) => s.key));
    expect(seeded.signedStepBanks).toEqual([]);
    expect(await db().organization.count({ where: { signMilestones: true } })).toBe(0);
    expect(await db().organization.count({ where: { kind: "BANK" } })).toBe(2);
    expect(await db().adminEvent.count({ where: { action: "signed-steps-changed" } })).toBe(0);
    expect(lines.filter((line) => /signed steps/.test(line))).toEqual([]);
  });
});
