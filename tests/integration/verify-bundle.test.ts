import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendMilestone } from "@/lib/anchoring/record";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import { resetConfigCache } from "@/lib/config";
import { db } from "@/lib/db/client";
import type { MilestoneKind } from "@/lib/generated/prisma/enums";
import type { ProofBundle } from "@/lib/verify/bundle";
import { exportProofBundle } from "@/lib/verify/export";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn } from "./support/world";

// The exported proof bundle checked by the real command-line verifier, in a child process that
// has nothing but the file and the RPC URL: no database, no TradeTrail configuration.

useTestDatabase();
let world: World;
let chain: ChainFixture;
let bundle: ProofBundle;
const dir = mkdtempSync(path.join(tmpdir(), "tt-bundle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const repo = path.resolve(import.meta.dirname, "../..");

const KINDS: MilestoneKind[] = ["TERMS_AGREED", "CREDIT_ISSUED", "CREDIT_ADVISED", "DOCUMENTS_PRESENTED", "PRESENTATION_COMPLIANT"];
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

beforeAll(async () => {
  world = await createWorld();
  chain = await deployedRegistry();
  process.env.CHAIN_RPC_URL = chain.rpcUrl;
  process.env.ANCHOR_CONTRACT_ADDRESS = chain.address;
  resetConfigCache();

  const { creditId } = await creditIn(world, "ADVISED");
  await db().$transaction(async (tx) => {
    for (const [i, kind] of KINDS.entries()) {
      await appendMilestone(tx, { creditId, kind, content: { step: i + 1, note: `milestone ${i + 1}` }, documentHashes: i === 3 ? [sha256("invoice"), sha256("bill of lading")] : [] });
    }
  });
  const worker = new AnchoringWorker(
    { provider: chain.provider, registry: chain.registry, chainId: chain.chainId, contractAddress: chain.address },
    { batchSize: 64, batchAgeMs: 0, confirmations: 1 },
  );
  for (let i = 0; (await db().milestone.count({ where: { creditId, status: { not: "ANCHORED" } } })) > 0; i++) {
    if (i > 200) throw new Error("the milestones were not anchored");
    await worker.tick();
  }
  bundle = await exportProofBundle(world.users.issuingBank.MAKER, creditId);
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `tsx scripts/verify-bundle.ts …` (what `npm run verify` runs, minus npx's start-up) with a bare environment. */
function verifyCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      path.join(repo, "node_modules/.bin/tsx"),
      ["scripts/verify-bundle.ts", ...args],
      { cwd: repo, env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test" }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

let files = 0;
function write(content: ProofBundle | string): string {
  const file = path.join(dir, `bundle-${++files}.json`);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return file;
}

/** A deep copy of the bundle with one change made to it. */
function tampered(change: (b: ProofBundle) => void): ProofBundle {
  const copy = structuredClone(bundle);
  change(copy);
  return copy;
}

/** Changes the last hex digit: one byte different, still well-formed hex. */
const flipHex = (hex: string) => `${hex.slice(0, -1)}${hex.endsWith("0") ? "1" : "0"}`;

describe("the exported proof bundle", () => {
  it("holds every milestone's inputs, proof and root, and the chain to check them on", () => {
    expect(bundle).toMatchObject({ format: "tradetrail.proof-bundle", version: 4, networks: [{ name: "chain-31337", chainId: "31337", contractAddress: chain.address }], chain: { chainId: "31337", contractAddress: chain.address } });
    expect(bundle.milestones.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    for (const m of bundle.milestones) {
      expect(m.root).toMatch(/^0x[0-9a-f]{64}$/);
      expect(m.proof.length).toBeGreaterThan(0);
      expect(m.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    }
    expect(bundle.milestones[3]!.documentHashes).toHaveLength(2);
  });
});

describe("npm run verify", () => {
  it("verifies an untouched bundle: one line per milestone, exit 0", async () => {
    const run = await verifyCli([write(bundle), "--rpc", chain.rpcUrl, "--contract", chain.address]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n").filter((l) => /^\s+\d+\s/.test(l));
    expect(lines).toHaveLength(5);
    for (const line of lines) expect(line).toMatch(/VERIFIED\s+Anchored in block \d+ at /);
    expect(run.stdout).toContain(bundle.credit.reference);
    expect(run.stdout).toContain("All 5 milestones verified; the trail is complete.");
    expect(run.stdout).toContain(`Checked against AnchorRegistry ${chain.address} (version 2, given with --contract) on chain 31337 at block`);
  });

  it.each([
    ["one byte of a milestone's content", (b: ProofBundle) => ((b.milestones[1]!.content as { note: string }).note = "milestone 3"), 2],
    ["one byte of a salt", (b: ProofBundle) => (b.milestones[2]!.salt = flipHex(b.milestones[2]!.salt)), 3],
    ["one byte of a proof element", (b: ProofBundle) => (b.milestones[4]!.proof[0] = flipHex(b.milestones[4]!.proof[0]!)), 5],
    ["one document hash", (b: ProofBundle) => (b.milestones[3]!.documentHashes[0] = sha256("another invoice")), 4],
  ])("fails with exit 1 when %s changed, naming the milestone", async (_what, change, seq) => {
    const run = await verifyCli([write(tampered(change)), "--rpc", chain.rpcUrl, "--contract", chain.address]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^\\s+${seq}\\s+\\S+\\s+ALTERED`, "m"));
    expect(run.stdout).toContain("NOT VERIFIED: 4 of 5 milestones verified; 1 altered; trail complete.");
  });

  it("fails with exit 1 when a milestone was left out of the bundle", async () => {
    const run = await verifyCli([write(tampered((b) => b.milestones.splice(1, 1))), "--rpc", chain.rpcUrl, "--contract", chain.address]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^\s+3\s+\S+\s+MISSING\s+Milestone 2 before it is not in the trail/m);
  });

  it("fails with exit 1 against a registry that never anchored the roots (--contract)", async () => {
    const other = await deployedRegistry(chain.rpcUrl);
    other.provider.destroy();
    const run = await verifyCli([write(bundle), "--rpc", chain.rpcUrl, "--contract", other.address]);
    expect(run.stdout).toContain(`WARNING: This bundle names registry ${chain.address}, but it was checked against ${other.address}`);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("5 not-on-chain");
  });

  it("exits 2 when it cannot check: no --rpc, no such file, not a bundle, or another chain", async () => {
    const [noRpc, noContract, noFile, notBundle, otherChain] = await Promise.all([
      verifyCli([write(bundle)]),
      verifyCli([write(bundle), "--rpc", chain.rpcUrl]),
      verifyCli([path.join(dir, "absent.json"), "--rpc", chain.rpcUrl, "--contract", chain.address]),
      verifyCli([write('{"hello": "world"}'), "--rpc", chain.rpcUrl, "--contract", chain.address]),
      verifyCli([write(tampered((b) => (b.chain.chainId = b.networks![0]!.chainId = "11155111"))), "--rpc", chain.rpcUrl, "--contract", chain.address]),
    ]);
    expect(noRpc).toMatchObject({ code: 2, stderr: expect.stringContaining("--rpc is required") });
    // The registry is never taken from the bundle: the verifier must say which one it trusts.
    expect(noContract).toMatchObject({ code: 2, stderr: expect.stringContaining("--contract is required: the AnchorRegistry address you trust") });
    expect(noFile).toMatchObject({ code: 2, stderr: expect.stringMatching(/Cannot read .*absent\.json: no such file/) });
    expect(notBundle).toMatchObject({ code: 2, stderr: expect.stringContaining("This is not a valid proof bundle. format:") });
    expect(otherChain).toMatchObject({ code: 2, stderr: expect.stringContaining("serves chain 31337, but this bundle was anchored on chain 11155111") });
  });
});
