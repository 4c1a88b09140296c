import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Wallet, hexlify, randomBytes } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonValue } from "@/lib/anchoring/json";
import { creditKey } from "@/lib/anchoring/credit-key";
import { milestoneDigest } from "@/lib/anchoring/digest";
import { buildBatch } from "@/lib/anchoring/merkle";
import { appendMilestone } from "@/lib/anchoring/record";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import { connectAnchorRegistry } from "@/lib/chain/anchor-registry";
import { makeSigner } from "@/lib/chain/provider";
import { resetConfigCache } from "@/lib/config";
import { db } from "@/lib/db/client";
import type { MilestoneKind } from "@/lib/generated/prisma/enums";
import { type ProofBundle, verifyBundle } from "@/lib/verify/bundle";
import { verifyCredit } from "@/lib/verify/credit";
import { exportProofBundle } from "@/lib/verify/export";
import { rpcAnchorReader, verifierProvider } from "@/lib/verify/reader";
import type { TrailResult } from "@/lib/verify/types";
import { type ChainFixture, deployedRegistry, fundedKey } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { anchorEverything as anchorAll, withTriggersOff } from "./support/tamper";
import { type World, createWorld, creditIn } from "./support/world";

// Tamper drills, played as the auditor's adversary: whoever holds our database (as a superuser,
// triggers off), our anchoring key, or a look-alike registry. Each drill is verified by all three
// verifiers, which must report exactly the same statuses:
//   db       "Verify now": the database's trail against the chain (lib/verify/credit.ts)
//   cli      `npm run verify` on an exported bundle, in a child process with no database
//   browser  the /verify page's core (verifyBundle + rpcAnchorReader) run in Node
// Drills (g) documents, (i) database guards and (j) the public document check have their own
// files: documents-bound.test.ts, database-guards.test.ts, document-lookup.test.ts.

const database = useTestDatabase();
let world: World;
let chain: ChainFixture;
let worker: AnchoringWorker;
const dir = mkdtempSync(path.join(tmpdir(), "tt-drills-"));
const repo = path.resolve(import.meta.dirname, "../..");

const KINDS: MilestoneKind[] = ["TERMS_AGREED", "CREDIT_ISSUED", "CREDIT_ADVISED", "AMENDMENT_ISSUED", "AMENDMENT_ACCEPTED", "DOCUMENTS_PRESENTED", "PRESENTATION_COMPLIANT", "PAYMENT_RECORDED", "CREDIT_SETTLED"];

beforeAll(async () => {
  world = await createWorld();
  chain = await deployedRegistry();
  process.env.CHAIN_RPC_URL = chain.rpcUrl;
  process.env.ANCHOR_CONTRACT_ADDRESS = chain.address;
  resetConfigCache();
  worker = new AnchoringWorker(
    { provider: chain.provider, registry: chain.registry, signer: chain.signer, chainId: chain.chainId, contractAddress: chain.address },
    { batchSize: 64, batchAgeMs: 0, confirmations: 1, maxBackoffMs: 200, leaseMs: 5_000 },
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Appends milestones to the credit as the lifecycle writes them (one transaction, row lock held). */
async function append(creditId: string, count: number): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM credits WHERE id = ${creditId}::uuid FOR UPDATE`;
    for (let i = 0; i < count; i++) {
      const seq = (await tx.milestone.count({ where: { creditId } })) + 1;
      await appendMilestone(tx, { creditId, kind: KINDS[(seq - 1) % KINDS.length]!, content: { step: seq, amount: `${1000 + seq}.00` } });
    }
  });
}

const anchorEverything = (on: AnchoringWorker = worker) => anchorAll(on);

/** A credit whose milestones are anchored in batches of the given sizes (each batch publishes the credit's head). */
async function anchoredCredit(...batches: number[]): Promise<string> {
  const { creditId } = await creditIn(world, "ADVISED");
  for (const size of batches) {
    await append(creditId, size);
    await anchorEverything();
  }
  return creditId;
}

/** Runs SQL as a superuser with every trigger off: what whoever holds our database can do. */
async function asAdversary(sql: string, params: unknown[] = []): Promise<number> {
  return (await withTriggersOff(database.url(), [[sql, params]]))[0]!;
}

interface Verdicts {
  db: string[];
  cli: string[];
  browser: string[];
  trail: { db: string; cli: string; browser: string };
  cliCode: number;
  cliOutput: string;
}

const statuses = (result: TrailResult) => result.results.map((r) => `${r.seq}:${r.status}`);
const exportBundle = (creditId: string) => exportProofBundle(world.users.issuingBank.MAKER, creditId);

let files = 0;
function runCli(bundle: ProofBundle, extra: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = path.join(dir, `bundle-${++files}.json`);
  writeFileSync(file, JSON.stringify(bundle, null, 2));
  const args = ["scripts/verify-bundle.ts", file, "--rpc", chain.rpcUrl, "--contract", chain.address, "--anchorer", chain.anchorer, "--confirmations", "1", ...extra];
  return new Promise((resolve) => {
    execFile(path.join(repo, "node_modules/.bin/tsx"), args, { cwd: repo, env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test" }, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The CLI's per-milestone lines as "seq:status". */
const cliStatuses = (stdout: string) => [...stdout.matchAll(/^\s*(\d+)\s+\S+\s+([A-Z-]+)\s/gm)].map(([, seq, status]) => `${seq}:${status!.toLowerCase()}`);
const cliTrail = (stdout: string) => /^Trail: ([A-Z]+)\./m.exec(stdout)?.[1]?.toLowerCase() ?? "?";

async function browserCore(bundle: ProofBundle, registry = chain.address) {
  const provider = verifierProvider(chain.rpcUrl, bundle.chain.chainId);
  try {
    return await verifyBundle(bundle, rpcAnchorReader(provider, registry), { confirmations: 1, allowedAnchorers: [chain.anchorer] });
  } finally {
    provider.destroy();
  }
}

/** The three verifiers on one credit: the database now, and a bundle (exported now unless given). */
async function verifyEverywhere(creditId: string, bundle?: ProofBundle): Promise<Verdicts> {
  const exported = bundle ?? (await exportBundle(creditId));
  const trust = { allowedAnchorers: [chain.anchorer], confirmations: 1, fromBlock: 0, lateAnchorSeconds: 86_400 };
  const [fromDb, cli, browser] = await Promise.all([verifyCredit(creditId, rpcAnchorReader(chain.provider, chain.address), trust), runCli(exported), browserCore(exported)]);
  return {
    db: statuses(fromDb),
    cli: cliStatuses(cli.stdout),
    browser: statuses(browser),
    trail: { db: fromDb.trail.status, cli: cliTrail(cli.stdout), browser: browser.trail.status },
    cliCode: cli.code,
    cliOutput: cli.stdout + cli.stderr,
  };
}

/** Asserts that all three verifiers report exactly `expected` and the trail status `trail`. */
function expectEverywhere(verdicts: Verdicts, expected: string[], trail: string): void {
  expect({ db: verdicts.db, cli: verdicts.cli, browser: verdicts.browser }, verdicts.cliOutput).toEqual({ db: expected, cli: expected, browser: expected });
  expect(verdicts.trail).toEqual({ db: trail, cli: trail, browser: trail });
  const ok = expected.every((s) => s.endsWith(":verified")) && trail === "complete";
  expect(verdicts.cliCode, verdicts.cliOutput).toBe(ok ? 0 : 1);
}

describe("tamper drills: every verifier reports the same, exact statuses", () => {
  it("an untouched trail verifies everywhere, complete", async () => {
    const creditId = await anchoredCredit(3, 2);
    const verdicts = await verifyEverywhere(creditId);
    expectEverywhere(verdicts, ["1:verified", "2:verified", "3:verified", "4:verified", "5:verified"], "complete");
    expect(verdicts.cliOutput).toContain(`Checked against AnchorRegistry ${chain.address}`);
    expect(verdicts.cliOutput).toContain(`Allowed anchorers: ${chain.anchorer}`);
  });

  it("(a) altered content: that milestone is altered", async () => {
    const creditId = await anchoredCredit(3, 2);
    await asAdversary(`UPDATE milestones SET content = jsonb_set(content, '{amount}', '"9999.00"') WHERE credit_id = $1 AND seq = 2`, [creditId]);
    expectEverywhere(await verifyEverywhere(creditId), ["1:verified", "2:altered", "3:verified", "4:verified", "5:verified"], "complete");
  });

  it("(b) a deleted middle milestone: the one after it reports the missing link", async () => {
    const creditId = await anchoredCredit(3, 2);
    expect(await asAdversary(`DELETE FROM milestones WHERE credit_id = $1 AND seq = 3`, [creditId])).toBe(1);
    expectEverywhere(await verifyEverywhere(creditId), ["1:verified", "2:verified", "4:missing", "5:verified"], "complete");
  });

  it("(c) two milestones swapped: both altered, and the link after them missing", async () => {
    const creditId = await anchoredCredit(3, 2);
    // (credit_id, seq) is unique and not deferrable: swap through a free seq.
    await asAdversary(`UPDATE milestones SET seq = 1000 WHERE credit_id = $1 AND seq = 2`, [creditId]);
    await asAdversary(`UPDATE milestones SET seq = 2 WHERE credit_id = $1 AND seq = 3`, [creditId]);
    await asAdversary(`UPDATE milestones SET seq = 3 WHERE credit_id = $1 AND seq = 1000`, [creditId]);
    expectEverywhere(await verifyEverywhere(creditId), ["1:verified", "2:altered", "3:altered", "4:missing", "5:verified"], "complete");
  });

  it("(d) the last two milestones deleted: truncated, because the chain knows the credit's head", async () => {
    const creditId = await anchoredCredit(3, 2);
    expect(await asAdversary(`DELETE FROM milestones WHERE credit_id = $1 AND seq >= 4`, [creditId])).toBe(2);
    const verdicts = await verifyEverywhere(creditId);
    expectEverywhere(verdicts, ["1:verified", "2:verified", "3:verified", "4:truncated"], "truncated");
    expect(verdicts.cliOutput).toMatch(/The chain shows this credit reached milestone 5 \(block \d+\), but this trail ends at 3: milestones 4–5 are missing\./);
  });

  it("(e) a changed salt: that milestone is altered", async () => {
    const creditId = await anchoredCredit(3, 2);
    await asAdversary(`UPDATE milestones SET salt = $2 WHERE credit_id = $1 AND seq = 4`, [creditId, hexlify(randomBytes(32))]);
    expectEverywhere(await verifyEverywhere(creditId), ["1:verified", "2:verified", "3:verified", "4:altered", "5:verified"], "complete");
  });

  it("(f) a milestone moved from credit B to credit A: A's copy is altered and B is truncated", async () => {
    const creditA = await anchoredCredit(3);
    const creditB = await anchoredCredit(3);
    await asAdversary(`UPDATE milestones SET credit_id = $1, seq = 4 WHERE credit_id = $2 AND seq = 3`, [creditA, creditB]);
    expectEverywhere(await verifyEverywhere(creditA), ["1:verified", "2:verified", "3:verified", "4:altered"], "complete");
    expectEverywhere(await verifyEverywhere(creditB), ["1:verified", "2:verified", "3:truncated"], "truncated");
  });

  it("(h) milestones 4–7 rewritten and anchored again by the worker: the bundles from after and from before are both forked", async () => {
    const creditId = await anchoredCredit(3, 4);
    const before = await exportBundle(creditId);
    expectEverywhere(await verifyEverywhere(creditId, before), ["1:verified", "2:verified", "3:verified", "4:verified", "5:verified", "6:verified", "7:verified"], "complete");

    // Rewrite 4–7 (drop the amendment, change the paid amount), re-chained with new salts, left PENDING.
    const kept = await db().milestone.findMany({ where: { creditId, seq: { lte: 3 } }, orderBy: { seq: "asc" } });
    await asAdversary(`DELETE FROM milestones WHERE credit_id = $1 AND seq >= 4`, [creditId]);
    let prevDigest = kept.at(-1)!.digest;
    const rewrite: [MilestoneKind, JsonValue][] = [
      ["DOCUMENTS_PRESENTED", { step: 4, amount: "1004.00" }],
      ["PRESENTATION_COMPLIANT", { step: 5, amount: "1005.00" }],
      ["PAYMENT_RECORDED", { step: 6, amount: "99999.00" }],
      ["CREDIT_SETTLED", { step: 7, amount: "99999.00" }],
    ];
    for (const [i, [kind, content]] of rewrite.entries()) {
      const input = { creditId, seq: 4 + i, kind, content, documentHashes: [], prevDigest, salt: hexlify(randomBytes(32)) };
      const digest = milestoneDigest(input);
      await asAdversary(
        `INSERT INTO milestones (id, credit_id, seq, kind, content, document_hashes, prev_digest, salt, digest, status, proof, created_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, '{}', $5, $6, $7, 'PENDING', '{}', now())`,
        [creditId, input.seq, kind, JSON.stringify(content), prevDigest, input.salt, digest],
      );
      prevDigest = digest;
    }
    await anchorEverything(); // the worker anchors the rewrite within a tick, as it would in production

    const after = await exportBundle(creditId);
    const forked = ["1:verified", "2:verified", "3:verified", "4:forked", "5:forked", "6:forked", "7:forked"];
    expectEverywhere(await verifyEverywhere(creditId, after), forked, "forked");
    const old = await verifyEverywhere(creditId, before);
    // The database now holds the rewrite; the bundle from before is checked by the CLI and the browser core.
    expect({ cli: old.cli, browser: old.browser }).toEqual({ cli: forked, browser: forked });
    expect({ cli: old.trail.cli, browser: old.trail.browser }).toEqual({ cli: "forked", browser: "forked" });
    expect(old.cliCode).toBe(1);
    expect(old.cliOutput).toMatch(/The chain published another milestone 7 for this credit/);
  });

  it("(k) a bundle naming a look-alike registry: refused, naming both addresses", async () => {
    const creditId = await anchoredCredit(3);
    // The adversary forges a history (a bigger amount), and anchors it on a registry of their own.
    const lookAlike = await deployedRegistry(chain.rpcUrl);
    const genuine = await exportBundle(creditId);
    const forged = structuredClone(genuine);
    forged.chain.contractAddress = lookAlike.address;
    let prev = forged.milestones[0]!.prevDigest;
    for (const m of forged.milestones) {
      m.content = { ...(m.content as Record<string, JsonValue>), amount: "99999.00" };
      m.prevDigest = prev;
      m.digest = milestoneDigest({ ...m, creditId });
      prev = m.digest;
    }
    const batch = buildBatch(forged.milestones.map((m) => m.digest));
    const tx = await lookAlike.registry.anchor(batch.root, forged.milestones.length, [{ creditKey: creditKey(creditId), digest: prev, seq: forged.milestones.length }]);
    const receipt = (await tx.wait())!;
    for (const m of forged.milestones) Object.assign(m, { root: batch.root, proof: batch.proofs.get(m.digest)!, txHash: receipt.hash, blockNumber: receipt.blockNumber });
    // (A version 4 bundle says it twice: its networks and anchorings are forged to match.)
    forged.networks![0]!.contractAddress = lookAlike.address;
    forged.anchorings = [{ root: batch.root.toLowerCase(), network: forged.networks![0]!.name, txHash: receipt.hash, blockNumber: receipt.blockNumber }];

    // Had the verifier taken the bundle's address, the forgery would verify:
    const fooled = await (async () => {
      const provider = verifierProvider(chain.rpcUrl, forged.chain.chainId);
      try {
        return await verifyBundle(forged, rpcAnchorReader(provider, lookAlike.address), { confirmations: 1, allowedAnchorers: [lookAlike.anchorer] });
      } finally {
        provider.destroy();
      }
    })();
    expect(fooled.ok).toBe(true);

    // Checked against the registry the verifier trusts, it is refused, naming both addresses: its
    // roots are not there, and the credit's genuine head there contradicts it (a second history).
    const cli = await runCli(forged);
    expect(cli.code).toBe(1);
    expect(cliStatuses(cli.stdout)).toEqual(["1:forked", "2:forked", "3:forked"]);
    expect(cliTrail(cli.stdout)).toBe("forked");
    expect(cli.stdout).toContain(`WARNING: This bundle names registry ${lookAlike.address}, but it was checked against ${chain.address}, the registry you trust.`);
    const browser = await browserCore(forged);
    expect(statuses(browser)).toEqual(["1:forked", "2:forked", "3:forked"]);
    expect(browser.warnings[0]).toMatchObject({ code: "registry-mismatch", message: expect.stringContaining(lookAlike.address) });
    expect(browser.checkedAgainst.contractAddress).toBe(chain.address);
    // The database's own trail is untouched and still verifies against the trusted registry.
    expectEverywhere(await verifyEverywhere(creditId), ["1:verified", "2:verified", "3:verified"], "complete");
    lookAlike.provider.destroy();
  });

  it("(l) a root anchored by an account that is not an allowed anchorer is flagged untrusted", async () => {
    const creditId = await anchoredCredit(3);
    // The admin (or whoever stole its key) grants the role to a rogue key, which anchors milestone 4.
    const rogueKey = await fundedKey(chain.provider);
    const rogue = new Wallet(rogueKey).address;
    await (await connectAnchorRegistry(chain.address, chain.admin).grantAnchorerRole(rogue)).wait();
    await append(creditId, 1);
    const rogueWorker = new AnchoringWorker(
      { provider: chain.provider, registry: connectAnchorRegistry(chain.address, makeSigner(rogueKey, chain.provider)), chainId: chain.chainId, contractAddress: chain.address },
      { batchSize: 64, batchAgeMs: 0, confirmations: 1 },
    );
    await anchorEverything(rogueWorker);

    const verdicts = await verifyEverywhere(creditId);
    expectEverywhere(verdicts, ["1:verified", "2:verified", "3:verified", "4:untrusted"], "complete");
    expect(verdicts.cliOutput).toContain(`Its root was anchored by ${rogue}, which is not an allowed anchorer (${chain.anchorer}).`);

    // Without a pinned list, a current role holder passes (with a warning) until the admin revokes it.
    const bundle = await exportBundle(creditId);
    const unpinned = async () => {
      const provider = verifierProvider(chain.rpcUrl, bundle.chain.chainId);
      try {
        return await verifyBundle(bundle, rpcAnchorReader(provider, chain.address), { confirmations: 1 });
      } finally {
        provider.destroy();
      }
    };
    const whileGranted = await unpinned();
    expect(statuses(whileGranted)).toEqual(["1:verified", "2:verified", "3:verified", "4:verified"]);
    expect(whileGranted.warnings.map((w) => w.code)).toContain("anchorers-not-pinned");
    await (await connectAnchorRegistry(chain.address, chain.admin).revokeAnchorerRole(rogue)).wait();
    expect(statuses(await unpinned())).toEqual(["1:verified", "2:verified", "3:verified", "4:untrusted"]);
  });
});
