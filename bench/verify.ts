// Benchmark (issue 6): verifying a whole credit of 1,000 anchored milestones against the chain
// with lib/verify — every digest recomputed, every Merkle proof checked, every batch root read
// from the AnchorRegistry — with batched reads (anchorsOf: one eth_call per 1,000 roots) versus
// one RPC call per milestone (anchorOf for each root in turn).
//
// Each milestone is anchored in its own batch, between milestones of other credits: the worst
// case for a reader, and the usual one for a long-lived credit whose milestones are months apart.
//
// Signed milestones (issue 14): one of those other credits requires signatures (its first
// milestone declares `signing.required` and the parties), and each of its 1,000 milestones carries
// real ES256 WebAuthn assertions over its statement (a quarter of them two: a maker's preparation
// and a checker's approval), by four people of two organisations with six keys registered in
// their anchored key trails (one of them revoked before any milestone, and never used). It is verified with verifyCredit (the database path)
// and with verifyBundle on its exported proof bundle; the signature pass (the key trails, their
// chain reads and withSignatureChecks) is timed on its own beside the trail's own checks, in the
// same process, and the unsigned credit above is the baseline. Every verdict is checked: every
// milestone verified, each naming the people who signed it; and two planted bad signatures must be
// caught by the signature pass alone.
//
//   npx tsx bench/verify.ts
import { appendMilestone } from "@/lib/anchoring/record";
import { loadActor } from "@/lib/auth/actor";
import { appChain } from "@/lib/chain/app-chain";
import { resetConfigCache } from "@/lib/config";
import { db } from "@/lib/db/client";
import { type AnchorReader, perRootAnchorReader, rpcAnchorReader, verifierProvider } from "@/lib/verify/reader";
import { parseBundle, verifyBundle } from "@/lib/verify/bundle";
import { verifyTrail } from "@/lib/verify/check";
import { loadKeyTrails, loadMilestoneRecords, verifyCredit } from "@/lib/verify/credit";
import { completePolicy, readChainEvidence, readKeyTrailEvidence } from "@/lib/verify/evidence";
import { exportProofBundle } from "@/lib/verify/export";
import { signingOrganizations, withSignatureChecks } from "@/lib/verify/signatures";
import type { ServerTrust } from "@/lib/verify/trust";
import type { MilestoneRecord, TrailResult } from "@/lib/verify/types";
import { startBenchChain, workerOn } from "./support/chain";
import { createBenchDatabase } from "./support/database";
import { onCleanup, runBenchmark } from "./support/main";
import { median, ratio, round, table, timed, writeResult } from "./support/report";
import { seedCredits, seedOrganisations } from "./support/seed";
import { type SignedCredit, prepareSignedCredit } from "./support/signed-trail";

const MILESTONES = Number(process.env.BENCH_MILESTONES ?? 1000);
/** Milestones of other credits between two of the verified credit's, all in the same batch (the first is the signed credit). */
const NEIGHBOURS = 3;
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const TARGET_MS = 2_000;

runBenchmark("verify", async () => {
  const database = await createBenchDatabase("verify");
  onCleanup(() => database.drop());
  // Anchoring is only the set-up here: no JSON-RPC batch stall, so it takes less time.
  const chain = await startBenchChain({ batchStallTime: 0 });
  onCleanup(() => chain.stop());
  const orgs = await seedOrganisations(2, 2);
  const [creditId, signedCreditId, ...others] = await seedCredits(1 + NEIGHBOURS, orgs);
  // The signed credit's people and their keys, registered (KEY_ADDED, one KEY_REVOKED) before any milestone.
  const signed = await prepareSignedCredit(signedCreditId!);
  console.log(`verify benchmark: database ${database.name}, anvil ${chain.anvil.url}, a credit of ${MILESTONES} milestones, each in its own batch with ${NEIGHBOURS} milestones of other credits (one of them a signed credit of ${MILESTONES} milestones)\n`);

  // Commit and anchor: one batch (of 1 + NEIGHBOURS leaves) per milestone of the credit. The
  // worker closes a batch only when it is full, so each holds exactly one round's milestones.
  const worker = workerOn(chain, { batchSize: 1 + NEIGHBOURS, batchAgeMs: 3_600_000, confirmations: 1, reorgDepth: 1 });
  const anchoring = await timed(async () => {
    for (let seq = 1; seq <= MILESTONES; seq++) {
      await Promise.all([
        ...[creditId!, ...others].map((id) =>
          db().$transaction(async (tx) => {
            await tx.$executeRaw`SELECT 1 FROM credits WHERE id = ${id}::uuid FOR UPDATE`;
            await appendMilestone(tx, { creditId: id, kind: seq % 2 ? "DOCUMENTS_PRESENTED" : "PRESENTATION_COMPLIANT", content: { presentation: seq, amount: `${1000 + seq}.00` } });
          }),
        ),
        signed.append(seq),
      ]);
      const report = await worker.tick();
      if (report.errors.length) throw new Error(`anchoring failed: ${report.errors.join("; ")}`);
    }
    for (let i = 0; i < 20 && (await db().milestone.count({ where: { status: { not: "ANCHORED" } } })) > 0; i++) await worker.tick();
  });
  const rootsOf = async (id: string) => {
    const roots = await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(DISTINCT b.root) AS n FROM milestones m JOIN anchor_batches b ON b.id = m.batch_id WHERE m.credit_id = ${id}::uuid AND m.status = 'ANCHORED'`;
    return Number(roots[0]!.n);
  };
  const distinctRoots = await rootsOf(creditId!);
  if (distinctRoots !== MILESTONES) throw new Error(`expected ${MILESTONES} anchored milestones in as many batches, found ${distinctRoots} roots`);
  const signedRoots = await rootsOf(signedCreditId!);
  if (signedRoots !== MILESTONES) throw new Error(`signed credit: expected ${MILESTONES} anchored milestones in as many batches, found ${signedRoots} roots`);
  const keyEvents = await db().keyEvent.count();
  const unconfirmedKeyEvents = await db().keyEvent.count({ where: { OR: [{ batchId: null }, { batch: { status: { not: "CONFIRMED" } } }] } });
  if (unconfirmedKeyEvents > 0) throw new Error(`${unconfirmedKeyEvents} of ${keyEvents} key events are not anchored`);
  console.log(`Committed and anchored ${MILESTONES * (1 + NEIGHBOURS)} milestones (${signed.signatureCount()} signatures) and ${keyEvents} key events in ${MILESTONES} batches in ${(anchoring.ms / 1000).toFixed(1)} s\n`);

  const provider = verifierProvider(chain.anvil.url, chain.chainId);
  onCleanup(async () => provider.destroy());
  const readers = {
    "batched (anchorsOf, one eth_call per 1,000 roots)": rpcAnchorReader(provider, chain.address),
    "one RPC call per milestone (anchorOf each)": perRootAnchorReader(provider, chain.address),
  };

  // Count the JSON-RPC requests each way makes (ethers may put several in one HTTP batch).
  let calls = 0;
  const send = provider._send.bind(provider);
  provider._send = (payload) => {
    calls += Array.isArray(payload) ? payload.length : 1;
    return send(payload);
  };

  // What the app trusts: the bench's own anchorer, reads at the latest block, logs from block 0.
  const trust: ServerTrust = { allowedAnchorers: [await chain.signer.getAddress()], confirmations: 1, fromBlock: 0, lateAnchorSeconds: 86_400 };
  const rows: { reader: string; runs: number; median: number; min: number; max: number; rpcCalls: number }[] = [];
  for (const [name, reader] of Object.entries(readers)) {
    const warm = await verifyCredit(creditId!, reader, trust); // warm-up, and the verdict must hold
    if (!warm.ok || warm.counts.verified !== MILESTONES) throw new Error(`${name}: expected ${MILESTONES} verified milestones, got ${JSON.stringify(warm.counts)}`);
    const times: number[] = [];
    calls = 0;
    for (let i = 0; i < REPEATS; i++) times.push((await timed(() => verifyCredit(creditId!, reader, trust))).ms);
    rows.push({ reader: name, runs: REPEATS, median: round(median(times)), min: round(Math.min(...times)), max: round(Math.max(...times)), rpcCalls: calls / REPEATS });
  }

  // The same verification without any chain read: what the database and the hashing cost.
  const local = [];
  const offline = {
    contractAddress: chain.address,
    anchorsOf: async () => new Map(),
    chainId: async () => chain.chainId,
    blockNumber: async () => 0,
    registryVersion: async () => 2,
    creditHeads: async () => [],
    rootTransactions: async () => new Map(),
  };
  for (let i = 0; i < REPEATS; i++) local.push((await timed(() => verifyCredit(creditId!, offline, trust))).ms);

  const [batched, perMilestone] = rows;
  console.log(`Verifying the whole credit (${MILESTONES} milestones, ${distinctRoots} batch roots), ${REPEATS} runs each:`);
  table(rows.map((r) => ({ reader: r.reader, "median ms": r.median, "min ms": r.min, "max ms": r.max, "RPC calls/run": r.rpcCalls })));
  console.log(`\nWithout chain reads (database load, digests, proofs): median ${round(median(local))} ms`);
  console.log(`Ratio (one call per milestone / batched): ${ratio(perMilestone!.median, batched!.median)}`);
  const met = batched!.median < TARGET_MS;
  console.log(`Target: batched under ${TARGET_MS} ms: median ${batched!.median} ms — ${met ? "met" : "MISSED"}`);

  const signedFigures = await benchSigned({ signed, unsignedCreditId: creditId!, reader: readers["batched (anchorsOf, one eth_call per 1,000 roots)"], trust, chain });
  const file = writeResult("verify", {
    settings: { milestones: MILESTONES, neighbours: NEIGHBOURS, repeats: REPEATS },
    distinctRoots,
    rows,
    localOnlyMedianMs: round(median(local)),
    target: { batchedMedianMs: batched!.median, met },
    signed: signedFigures,
  });
  console.log(`\nResults written to ${file}`);
});

/** The verifier's checks of a signed trail, each timed: what verifyCredit does, step by step (lib/verify/credit.ts). */
async function verifyCreditInSteps(creditId: string, reader: AnchorReader, trust: ServerTrust) {
  const t0 = performance.now();
  const records = await loadMilestoneRecords(creditId);
  const t1 = performance.now();
  const evidence = await readChainEvidence(reader, records, { creditId, confirmations: trust.confirmations, fromBlock: trust.fromBlock });
  const policy = await completePolicy(reader, evidence, { allowedAnchorers: trust.allowedAnchorers, lateAnchorSeconds: trust.lateAnchorSeconds });
  const t2 = performance.now();
  const trail = verifyTrail(records, evidence, policy);
  const t3 = performance.now();
  const organizations = signingOrganizations(records);
  const trails = await loadKeyTrails(organizations);
  const keyEvidence = await readKeyTrailEvidence(reader, trails, organizations, evidence, trust.fromBlock);
  const t4 = performance.now();
  const result = await withSignatureChecks(trail, records, trails, keyEvidence);
  const t5 = performance.now();
  return {
    result,
    inputs: { records, trail, trails, keyEvidence },
    ms: { load: t1 - t0, chain: t2 - t1, trail: t3 - t2, keyTrails: t4 - t3, signatures: t5 - t4, total: t5 - t0 },
  };
}

/** Throws unless every milestone of the signed credit verified, naming exactly the people who signed it. */
function assertSignedVerdict(what: string, result: TrailResult, signed: SignedCredit): void {
  const problems: string[] = [];
  if (!result.ok) problems.push("the verdict is not ok");
  if (result.signing?.required !== true) problems.push("the trail does not say its milestones must be signed");
  if (result.counts.verified !== MILESTONES || result.results.length !== MILESTONES) problems.push(`counts ${JSON.stringify(result.counts)}`);
  for (const check of result.results) {
    const expected = signed.expectedSigners.get(check.seq);
    const named = (check.signers ?? []).map((s) => s.userId);
    if (check.status !== "verified") problems.push(`seq ${check.seq}: ${check.status}: ${check.reason}`);
    else if (!expected || named.join() !== expected.join() || check.signers!.some((s) => !/^[0-9A-F]{4}( [0-9A-F]{4}){3}$/.test(s.fingerprint))) {
      problems.push(`seq ${check.seq}: signers ${named.join(", ") || "none"}, expected ${expected?.join(", ")}`);
    }
    if (problems.length > 5) break;
  }
  if (problems.length) throw new Error(`${what}: the signed trail did not verify as it must: ${problems.slice(0, 5).join("; ")}`);
}

/**
 * The signature pass alone must catch a bad signature (the digests, which also commit to the
 * signatures, are bypassed here by reusing the trail's verdict on the untampered records): one
 * signature with a byte changed, one milestone carrying another's signature.
 */
async function assertSignaturePassCatches(inputs: Awaited<ReturnType<typeof verifyCreditInSteps>>["inputs"]): Promise<void> {
  const { records, trail, trails, keyEvidence } = inputs;
  const flipped = Math.max(3, Math.floor(MILESTONES / 2));
  const copied = Math.max(5, Math.floor((MILESTONES * 7) / 10));
  const tampered: MilestoneRecord[] = records.map((r) => {
    if (r.seq === flipped) {
      return {
        ...r,
        signatures: r.signatures!.map((s) => {
          if (s.role !== "actor") return s;
          const bytes = Buffer.from(s.signature, "base64url");
          bytes[bytes.length - 1]! ^= 0x01;
          return { ...s, signature: bytes.toString("base64url") };
        }),
      };
    }
    if (r.seq === copied) {
      const source = records.find((m) => m.seq === copied - 2)!;
      return { ...r, signatures: source.signatures!.map((s) => (s.role === "actor" ? { ...s, covers: { from: copied, to: copied } } : s)) };
    }
    return r;
  });
  const result = await withSignatureChecks(trail, tampered, trails, keyEvidence);
  const bad = result.results.filter((r) => r.status !== "verified");
  const reasonOf = (seq: number) => bad.find((r) => r.seq === seq && r.status === "bad-signature")?.reason ?? "";
  if (bad.length !== 2 || !/does not verify/.test(reasonOf(flipped)) || !/another statement/.test(reasonOf(copied)) || result.ok) {
    throw new Error(`the signature pass did not catch the planted bad signatures: ${JSON.stringify(bad.map((r) => [r.seq, r.status, r.reason]))}`);
  }
}

async function benchSigned(args: { signed: SignedCredit; unsignedCreditId: string; reader: AnchorReader; trust: ServerTrust; chain: { anvil: { url: string }; address: string; chainId: bigint } }) {
  const { signed, unsignedCreditId, reader, trust, chain } = args;
  const signatures = signed.signatureCount();
  console.log(`\nSigned milestones (issue 14): a credit of ${MILESTONES} signed milestones (${signatures} ES256 signatures, ${signed.keyCount} keys of 4 people in 2 organisations' key trails), batched reader, ${REPEATS} runs each:`);

  // Warm-up, and the verdicts must hold: the database path, in steps, and the signature pass's own catches.
  assertSignedVerdict("verifyCredit", await verifyCredit(signed.creditId, reader, trust), signed);
  const warm = await verifyCreditInSteps(signed.creditId, reader, trust);
  assertSignedVerdict("verifyCredit in steps", warm.result, signed);
  await assertSignaturePassCatches(warm.inputs);

  // The bundle: exported by the product's own exporter for one of the parties, round-tripped through JSON.
  process.env.CHAIN_RPC_URL = chain.anvil.url;
  process.env.ANCHOR_CONTRACT_ADDRESS = chain.address;
  resetConfigCache();
  onCleanup(async () => appChain().provider.destroy());
  const actor = await loadActor(signed.signers.beneficiaryMaker.userId);
  if (!actor) throw new Error("the beneficiary's user has no membership");
  const exported = await exportProofBundle(actor, signed.creditId);
  const json = JSON.stringify(exported);
  const parsed = parseBundle(JSON.parse(json));
  if (!parsed.ok) throw new Error(`the exported bundle does not parse: ${parsed.error}`);
  const bundle = parsed.bundle;
  const bundleOptions = { confirmations: trust.confirmations, allowedAnchorers: trust.allowedAnchorers, lateAnchorSeconds: trust.lateAnchorSeconds, fromBlock: trust.fromBlock };
  assertSignedVerdict("verifyBundle", await verifyBundle(bundle, reader, bundleOptions), signed);

  // Interleaved, so that the machine's load falls on each alike.
  const times = { signedCredit: [] as number[], unsignedCredit: [] as number[], bundle: [] as number[] };
  const steps: Awaited<ReturnType<typeof verifyCreditInSteps>>["ms"][] = [];
  for (let i = 0; i < REPEATS; i++) {
    const a = await timed(() => verifyCredit(signed.creditId, reader, trust));
    assertSignedVerdict("verifyCredit", a.result, signed);
    times.signedCredit.push(a.ms);
    const b = await timed(() => verifyCredit(unsignedCreditId, reader, trust));
    if (!b.result.ok || b.result.counts.verified !== MILESTONES) throw new Error(`unsigned credit: ${JSON.stringify(b.result.counts)}`);
    times.unsignedCredit.push(b.ms);
    const c = await timed(() => verifyBundle(bundle, reader, bundleOptions));
    assertSignedVerdict("verifyBundle", c.result, signed);
    times.bundle.push(c.ms);
    const d = await verifyCreditInSteps(signed.creditId, reader, trust);
    assertSignedVerdict("verifyCredit in steps", d.result, signed);
    steps.push(d.ms);
  }
  const stat = (values: number[]) => ({ median: round(median(values)), min: round(Math.min(...values)), max: round(Math.max(...values)) });
  const perSecond = (ms: number) => Math.round((MILESTONES * 1000) / ms);
  const rows = [
    { verification: "verifyCredit, signed credit (database path)", ...stat(times.signedCredit) },
    { verification: "verifyBundle, its exported bundle (no database)", ...stat(times.bundle) },
    { verification: "baseline: verifyCredit, the unsigned credit above", ...stat(times.unsignedCredit) },
  ];
  table(rows.map((r) => ({ verification: r.verification, "median ms": r.median, "min ms": r.min, "max ms": r.max, "milestones/s": perSecond(r.median) })));

  const step = (key: keyof (typeof steps)[number]) => round(median(steps.map((s) => s[key])));
  const breakdown = { load: step("load"), chain: step("chain"), trail: step("trail"), keyTrails: step("keyTrails"), signatures: step("signatures"), total: step("total") };
  console.log(`\nverifyCredit on the signed credit, step by step (medians of ${REPEATS}):`);
  table([
    { step: "load milestones from the database", "median ms": breakdown.load },
    { step: "chain reads (roots, heads, transactions, anchorers)", "median ms": breakdown.chain },
    { step: "trail checks (digests v3, proofs, heads)", "median ms": breakdown.trail },
    { step: "key trails: load + chain reads (roots, organisations' heads)", "median ms": breakdown.keyTrails },
    { step: `signature pass (withSignatureChecks: ${signatures} signatures)`, "median ms": breakdown.signatures },
    { step: "total", "median ms": breakdown.total },
  ]);
  const signatureCost = breakdown.keyTrails + breakdown.signatures;
  const signedMedian = rows[0]!.median;
  const bundleMedian = rows[1]!.median;
  console.log(`\nCost of signatures: ${round(signatureCost)} ms of ${breakdown.total} ms (${Math.round((100 * signatureCost) / breakdown.total)}%): the signature pass ${breakdown.signatures} ms (${round((breakdown.signatures * 1000) / signatures, 1)} µs a signature, ${Math.round((signatures * 1000) / breakdown.signatures)} signatures/s), key trails ${breakdown.keyTrails} ms`);
  console.log(`Signed / unsigned credit (verifyCredit medians, same process): ${ratio(signedMedian, rows[2]!.median)}`);
  const signedMet = signedMedian < TARGET_MS;
  const bundleMet = bundleMedian < TARGET_MS;
  console.log(`Target: ${MILESTONES} signed milestones, signatures included, batched, under ${TARGET_MS} ms: verifyCredit median ${signedMedian} ms (${perSecond(signedMedian)} milestones/s) — ${signedMet ? "pass" : "FAIL"}; verifyBundle median ${bundleMedian} ms (${perSecond(bundleMedian)} milestones/s) — ${bundleMet ? "pass" : "FAIL"}`);
  return {
    signatures,
    keys: signed.keyCount,
    rows,
    steps: breakdown,
    signatureCostMs: round(signatureCost),
    target: { verifyCreditMedianMs: signedMedian, verifyBundleMedianMs: bundleMedian, met: signedMet && bundleMet },
  };
}
