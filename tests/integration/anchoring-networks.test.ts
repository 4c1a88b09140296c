import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { JsonRpcProvider } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendMilestone } from "@/lib/anchoring/record";
import { reanchor } from "@/lib/anchoring/reanchor";
import { AnchoringWorker } from "@/lib/anchoring/worker";
import { connectAnchorRegistry } from "@/lib/chain/anchor-registry";
import { makeProvider, makeSigner } from "@/lib/chain/provider";
import { resetConfigCache } from "@/lib/config";
import { db } from "@/lib/db/client";
import { metricsText } from "@/lib/observability/metrics";
import type { MilestoneKind } from "@/lib/generated/prisma/enums";
import { type RunningAnvil, startAnvil } from "@/lib/dev/anvil";
import type { ProofBundle } from "@/lib/verify/bundle";
import { exportProofBundle } from "@/lib/verify/export";
import { verifyCreditNow } from "@/lib/verify/live";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";
import { type World, createWorld, creditIn } from "./support/world";

// Acceptance (g) of issue 16, with two real anvils as two networks: every root is anchored on
// both; one network is then stopped for good, and anchoring goes on on the other while old
// bundles still verify there (the dead one reported unreachable). A network added later gets
// every root copied by reanchor, and the bundle then verifies on it alone. And the attacker:
// a bundle claiming an anchoring a network does not hold, and a tampered milestone.

useTestDatabase();
let world: World;
const dir = mkdtempSync(path.join(tmpdir(), "tt-networks-"));
const repo = path.resolve(import.meta.dirname, "../..");
const anvils: RunningAnvil[] = [];
const providers: JsonRpcProvider[] = [];

beforeAll(async () => {
  world = await createWorld();
});
afterAll(async () => {
  for (const p of providers) p.destroy();
  await Promise.all(anvils.map((a) => a.stop().catch(() => {})));
  for (const key of Object.keys(process.env)) if (key.startsWith("CHAIN_")) delete process.env[key];
  delete process.env.ANCHOR_CONTRACT_ADDRESS;
  resetConfigCache();
  rmSync(dir, { recursive: true, force: true });
});

interface Network {
  name: string;
  anvil: RunningAnvil;
  chain: ChainFixture;
  /** A worker on this network: the batch's own network's (closes batches), or an additional one's. */
  worker: AnchoringWorker;
}

const FAST = { batchSize: 64, batchAgeMs: 0, confirmations: 1, maxBackoffMs: 200, leaseMs: 30_000, reorgDepth: 0, confirmationPollMs: 0 };

/** A fresh anvil with its own chain id and registry, and a worker there whose requests fail fast once it is stopped. */
async function network(name: string, chainId: number, primary: boolean): Promise<Network> {
  const anvil = await startAnvil({ chainId });
  anvils.push(anvil);
  const chain = await deployedRegistry(anvil.url, { admin: chainId !== 31337 });
  providers.push(chain.provider);
  const provider = makeProvider(anvil.url, { chainId: chain.chainId, timeoutMs: 2_000, retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 } });
  providers.push(provider);
  const signer = makeSigner(chain.signerKey, provider);
  const worker = new AnchoringWorker(
    { provider, registry: connectAnchorRegistry(chain.address, signer), signer, chainId: chain.chainId, contractAddress: chain.address, ...(primary ? {} : { network: name }) },
    FAST,
  );
  return { name, anvil, chain, worker };
}

/** The configuration a deployment would have: `primary` as CHAIN_RPC_URL's network (CHAIN_NAME), `others` in CHAIN_NETWORKS. */
function configure(primary: Network, others: Network[]) {
  for (const key of Object.keys(process.env)) if (key.startsWith("CHAIN_")) delete process.env[key];
  Object.assign(process.env, {
    CHAIN_NAME: primary.name,
    CHAIN_RPC_URL: primary.anvil.url,
    ANCHOR_CONTRACT_ADDRESS: primary.chain.address,
    ANCHOR_ALLOWED_ANCHORERS: primary.chain.anchorer,
    CHAIN_RPC_RETRIES: "0",
    CHAIN_RPC_TIMEOUT_MS: "2000",
    CHAIN_NETWORKS: others.map((o) => o.name).join(","),
  });
  for (const o of others) {
    const prefix = `CHAIN_${o.name.toUpperCase()}_`;
    process.env[`${prefix}RPC_URL`] = o.anvil.url;
    process.env[`${prefix}CHAIN_ID`] = o.chain.chainId.toString();
    process.env[`${prefix}CONTRACT_ADDRESS`] = o.chain.address;
    process.env[`${prefix}ALLOWED_ANCHORERS`] = o.chain.anchorer;
  }
  resetConfigCache();
}

/** Ticks the workers until `done()`. */
async function tickUntil(workers: AnchoringWorker[], done: () => Promise<boolean>) {
  for (let i = 0; !(await done()); i++) {
    if (i > 200) throw new Error("the workers did not get there");
    for (const w of workers) await w.tick();
  }
}

const allAnchored = (creditId: string) => async () => (await db().milestone.count({ where: { creditId, status: { not: "ANCHORED" } } })) === 0;
const confirmedOn = (n: Network) => async () =>
  (await db().anchorNetworkAnchoring.count({ where: { contractAddress: n.chain.address, status: "CONFIRMED" } })) === (await db().anchorBatch.count());

const KINDS: MilestoneKind[] = ["TERMS_AGREED", "CREDIT_ISSUED", "CREDIT_ADVISED", "DOCUMENTS_PRESENTED", "PRESENTATION_COMPLIANT"];

async function milestones(creditId: string, from: number, count: number) {
  await db().$transaction(async (tx) => {
    for (let i = from; i < from + count; i++) await appendMilestone(tx, { creditId, kind: KINDS[(i - 1) % KINDS.length]!, content: { step: i, note: `milestone ${i}` }, documentHashes: [] });
  });
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let files = 0;
/** `npm run verify` on `bundle` in a bare environment, with `args` naming the networks it trusts. */
function verifyCli(bundle: ProofBundle, args: string[]): Promise<Run> {
  const file = path.join(dir, `bundle-${++files}.json`);
  writeFileSync(file, JSON.stringify(bundle, null, 2));
  return new Promise((resolve) => {
    execFile(
      path.join(repo, "node_modules/.bin/tsx"),
      ["scripts/verify-bundle.ts", file, "--confirmations", "1", ...args],
      { cwd: repo, env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test" }, timeout: 90_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The CLI's trust arguments for `n`: its RPC URL, registry, deployment block and anchorer, prefixed with its name. */
const trustArgs = (n: Network) => ["--rpc", `${n.name}=${n.anvil.url}`, "--contract", `${n.name}=${n.chain.address}`, "--anchorer", `${n.name}=${n.chain.anchorer}`];

/** The line the CLI prints for a network: its name, then its outcome. */
const outcomeOf = (run: Run, name: string) => new RegExp(`^\\s+${name}\\s+([A-Z-]+)`, "m").exec(run.stdout)?.[1];

describe("two networks, one stopped for good", () => {
  let a: Network;
  let b: Network;
  let creditId: string;
  let before: ProofBundle;

  beforeAll(async () => {
    [a, b] = await Promise.all([network("alpha", 31337, true), network("beta", 31338, false)]);
    configure(a, [b]);
    ({ creditId } = await creditIn(world, "ADVISED"));
    await milestones(creditId, 1, 3);
    await tickUntil([a.worker, b.worker], async () => (await allAnchored(creditId)()) && (await confirmedOn(b)()));
    before = await exportProofBundle(world.users.issuingBank.MAKER, creditId);
  }, 120_000);

  it("anchors each root on both networks, and the bundle carries both anchorings", async () => {
    expect(before.version).toBe(4);
    expect(before.networks).toEqual([
      { name: "alpha", chainId: "31337", contractAddress: a.chain.address },
      { name: "beta", chainId: "31338", contractAddress: b.chain.address },
    ]);
    const roots = [...new Set(before.milestones.map((m) => m.root!.toLowerCase()))];
    expect(roots.length).toBeGreaterThan(0);
    for (const root of roots) {
      const here = before.anchorings!.filter((x) => x.root === root);
      expect(here.map((x) => x.network).sort()).toEqual(["alpha", "beta"]);
      // Each claim names the transaction on its own chain, and each chain holds the root.
      expect(await a.chain.registry.isAnchored(root)).toBe(true);
      expect(await b.chain.registry.isAnchored(root)).toBe(true);
      const onB = here.find((x) => x.network === "beta")!;
      const receipt = await b.chain.provider.getTransactionReceipt(onB.txHash!);
      expect(receipt?.blockNumber).toBe(onB.blockNumber);
      expect(receipt?.to?.toLowerCase()).toBe(b.chain.address.toLowerCase());
    }
    // Each network's transactions are recorded against its own anchoring: nonces of one key per network.
    const sentOnB = await db().anchorTransaction.count({ where: { anchoring: { network: "beta" } } });
    expect(sentOnB).toBe(roots.length);
  });

  it("reports the signer's balance on each network, for a key that signs on both", async () => {
    // Alpha's key signing on beta too (one ANCHOR_SIGNER_KEY for every network): funded on alpha,
    // empty on beta. With the address as the only label, whichever balance was read last showed.
    const shared = new AnchoringWorker(
      { provider: b.chain.provider, registry: connectAnchorRegistry(b.chain.address, makeSigner(a.chain.signerKey, b.chain.provider)), chainId: b.chain.chainId, contractAddress: b.chain.address, network: "beta" },
      FAST,
    );
    await a.worker.watchBalance();
    await shared.watchBalance();
    const { body } = await metricsText();
    const address = a.chain.anchorer.toLowerCase();
    const gauge = (network: string) => {
      const line = body.split("\n").find((l) => l.startsWith("tradetrail_anchor_signer_balance_wei{") && l.includes(`network="${network}"`) && l.includes(`address="${address}"`));
      return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
    };
    const [onA, onB] = await Promise.all([a.chain.provider.getBalance(address), b.chain.provider.getBalance(address)]);
    expect(onA).toBeGreaterThan(10n ** 18n);
    expect(onB).toBe(0n);
    expect(gauge("alpha")).toBeCloseTo(Number(onA), -6);
    expect(gauge("beta")).toBe(0);
  });

  it("verifies on both networks while both answer", async () => {
    const run = await verifyCli(before, [...trustArgs(a), ...trustArgs(b)]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(outcomeOf(run, "alpha")).toBe("VERIFIED");
    expect(outcomeOf(run, "beta")).toBe("VERIFIED");
  });

  it("reports a root the bundle claims on a network that does not hold it, even though another network proves the trail", async () => {
    // A second credit anchored on alpha only (beta's worker not run), with a forged claim that it is on beta too.
    const { creditId: other } = await creditIn(world, "ADVISED");
    await milestones(other, 1, 2);
    await tickUntil([a.worker], allAnchored(other));
    const honest = await exportProofBundle(world.users.issuingBank.MAKER, other);
    expect(honest.anchorings!.every((x) => x.network === "alpha")).toBe(true);
    const forged = structuredClone(honest);
    forged.networks!.push({ name: "beta", chainId: b.chain.chainId.toString(), contractAddress: b.chain.address });
    forged.anchorings!.push(...honest.anchorings!.map((x) => ({ ...x, network: "beta" })));
    const run = await verifyCli(forged, [...trustArgs(a), ...trustArgs(b)]);
    expect(outcomeOf(run, "alpha")).toBe("VERIFIED");
    expect(outcomeOf(run, "beta")).toBe("ROOT-MISSING");
    expect(run.stdout).toContain("Not verified: beta (root-missing) contradicts the trail.");
    expect(run.code).toBe(1);
    // The honest bundle: beta holds nothing of it yet, which contradicts nothing.
    const fine = await verifyCli(honest, [...trustArgs(a), ...trustArgs(b)]);
    expect(outcomeOf(fine, "beta")).toBe("INCOMPLETE");
    expect(fine.code).toBe(0);
    // Let beta catch up with that credit too, for the tests below.
    await tickUntil([b.worker], confirmedOn(b));
  });

  it("fails a tampered milestone on every network", async () => {
    const tampered = structuredClone(before);
    (tampered.milestones[1]!.content as { note: string }).note = "milestone 9";
    const run = await verifyCli(tampered, [...trustArgs(a), ...trustArgs(b)]);
    expect(run.code).toBe(1);
    expect(outcomeOf(run, "alpha")).toBe("MISMATCHED");
    expect(outcomeOf(run, "beta")).toBe("MISMATCHED");
    expect(run.stdout).toMatch(/^\s+2\s+\S+\s+ALTERED/m);
  });

  describe("once alpha is stopped for good", () => {
    beforeAll(async () => {
      await a.anvil.stop();
    });

    // (Before the credit moves on: once it does, beta's heads show a bundle of three milestones truncated, as any one network would.)
    it("still verifies the old bundle on beta, with alpha reported unreachable", async () => {
      const run = await verifyCli(before, [...trustArgs(a), ...trustArgs(b)]);
      expect(run.stderr).toBe("");
      expect(outcomeOf(run, "alpha")).toBe("UNREACHABLE");
      expect(outcomeOf(run, "beta")).toBe("VERIFIED");
      expect(run.stdout).toContain("All 3 milestones verified; the trail is complete.");
      expect(run.stdout).toContain("Verified on beta; alpha unreachable.");
      expect(run.code).toBe(0);
    });

    it("keeps anchoring on beta: new batches close and are confirmed there", async () => {
      await milestones(creditId, 4, 2);
      const batchesBefore = await db().anchorBatch.count();
      await tickUntil([a.worker, b.worker], async () => (await db().anchorBatch.count()) > batchesBefore && (await confirmedOn(b)()));
      const latest = await db().anchorBatch.findFirst({ orderBy: { createdAt: "desc" }, include: { networkAnchorings: true } });
      expect(latest!.status).toBe("SENDING"); // alpha is gone: its batch row waits
      expect(latest!.lastError).toBeTruthy();
      expect(latest!.networkAnchorings).toMatchObject([{ network: "beta", status: "CONFIRMED" }]);
      expect(await b.chain.registry.isAnchored(latest!.root)).toBe(true);
    });

    it("verifies a new bundle, whose latest milestones are on beta only", async () => {
      const after = await exportProofBundle(world.users.issuingBank.MAKER, creditId);
      expect(after.milestones).toHaveLength(5);
      const last = after.milestones[4]!;
      expect(last.root).not.toBeNull();
      expect(last.txHash).toBeNull(); // not on alpha, the bundle's `chain`
      expect(after.anchorings!.filter((x) => x.root === last.root!.toLowerCase()).map((x) => x.network)).toEqual(["beta"]);
      const run = await verifyCli(after, [...trustArgs(a), ...trustArgs(b)]);
      expect(outcomeOf(run, "beta")).toBe("VERIFIED");
      expect(run.stdout).toContain("All 5 milestones verified; the trail is complete.");
      expect(run.code).toBe(0);
    });

    it("Verify now (from the database) reports each network, and the trail verified on beta", async () => {
      const live = await verifyCreditNow(world.users.issuingBank.MAKER, creditId);
      expect(live.networks).toMatchObject([
        { network: "alpha", outcome: "unreachable" },
        { network: "beta", outcome: "verified" },
      ]);
      expect(live.ok).toBe(true);
      expect(live.results.map((r) => r.status)).toEqual(["verified", "verified", "verified", "verified", "verified"]);
    });
  });
});

describe("reanchor before a retirement", () => {
  it("copies every root to a new network, keeps the original anchoring, and the bundle then verifies there alone", async () => {
    const [a, b] = await Promise.all([network("gamma", 31337, true), network("delta", 31339, false)]);
    configure(a, []);
    const { creditId } = await creditIn(world, "ADVISED");
    await milestones(creditId, 1, 3);
    await tickUntil([a.worker], allAnchored(creditId));
    const original = await exportProofBundle(world.users.issuingBank.MAKER, creditId);
    expect(original.networks!.map((n) => n.name)).toEqual(["gamma"]);

    // Announced: gamma retires. delta joins CHAIN_NETWORKS, and reanchor copies every root there.
    configure(a, [b]);
    const lines: string[] = [];
    const report = await reanchor({ worker: b.worker, network: { name: "delta", chainId: b.chain.chainId, contractAddress: b.chain.address }, timeoutMs: 60_000, pollMs: 10, log: (l) => lines.push(l) });
    const batches = await db().anchorBatch.count();
    expect(report).toEqual({ network: "delta", confirmed: batches, waiting: 0, errors: [] });
    const roots = [...new Set(original.milestones.map((m) => m.root!))];
    for (const root of roots) expect(await b.chain.registry.isAnchored(root)).toBe(true);

    const copied = await exportProofBundle(world.users.issuingBank.MAKER, creditId);
    for (const root of roots) {
      expect(copied.anchorings!.filter((x) => x.root === root.toLowerCase()).map((x) => x.network).sort()).toEqual(["delta", "gamma"]);
      // The original anchoring is kept as it was.
      expect(copied.anchorings!.find((x) => x.root === root.toLowerCase() && x.network === "gamma")).toEqual(original.anchorings!.find((x) => x.root === root.toLowerCase()));
    }

    await a.anvil.stop();
    // Only delta given: gamma is not checked, delta proves the trail.
    const onDelta = await verifyCli(copied, trustArgs(b));
    expect(onDelta.stderr).toBe("");
    expect(outcomeOf(onDelta, "gamma")).toBe("NOT-CHECKED");
    expect(outcomeOf(onDelta, "delta")).toBe("VERIFIED");
    expect(onDelta.code).toBe(0);
    // The bundle exported before the reanchor names gamma only: every root is looked up on delta
    // all the same, and delta proves it (an auditor's old bundle outlives gamma too).
    const old = await verifyCli(original, [...trustArgs(a), ...trustArgs(b)]);
    expect(old.stderr).toBe("");
    expect(outcomeOf(old, "gamma")).toBe("UNREACHABLE");
    expect(outcomeOf(old, "delta")).toBe("VERIFIED");
    expect(old.code).toBe(0);
  }, 180_000);
});
