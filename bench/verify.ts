// Benchmark (issue 6): verifying a whole credit of 1,000 anchored milestones against the chain
// with lib/verify — every digest recomputed, every Merkle proof checked, every batch root read
// from the AnchorRegistry — with batched reads (anchorsOf: one eth_call per 1,000 roots) versus
// one RPC call per milestone (anchorOf for each root in turn).
//
// Each milestone is anchored in its own batch, between milestones of other credits: the worst
// case for a reader, and the usual one for a long-lived credit whose milestones are months apart.
//
//   npx tsx bench/verify.ts
import { appendMilestone } from "@/lib/anchoring/record";
import { db } from "@/lib/db/client";
import { perRootAnchorReader, rpcAnchorReader, verifierProvider } from "@/lib/verify/reader";
import { verifyCredit } from "@/lib/verify/credit";
import { startBenchChain, workerOn } from "./support/chain";
import { createBenchDatabase } from "./support/database";
import { onCleanup, runBenchmark } from "./support/main";
import { median, ratio, round, table, timed, writeResult } from "./support/report";
import { seedCredits, seedOrganisations } from "./support/seed";

const MILESTONES = Number(process.env.BENCH_MILESTONES ?? 1000);
/** Milestones of other credits between two of the verified credit's, all in the same batch. */
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
  const [creditId, ...others] = await seedCredits(1 + NEIGHBOURS, orgs);
  console.log(`verify benchmark: database ${database.name}, anvil ${chain.anvil.url}, a credit of ${MILESTONES} milestones, each in its own batch with ${NEIGHBOURS} milestones of other credits\n`);

  // Commit and anchor: one batch (of 1 + NEIGHBOURS leaves) per milestone of the credit. The
  // worker closes a batch only when it is full, so each holds exactly one round's milestones.
  const worker = workerOn(chain, { batchSize: 1 + NEIGHBOURS, batchAgeMs: 3_600_000, confirmations: 1, reorgDepth: 1 });
  const anchoring = await timed(async () => {
    for (let seq = 1; seq <= MILESTONES; seq++) {
      await Promise.all(
        [creditId!, ...others].map((id) =>
          db().$transaction(async (tx) => {
            await tx.$executeRaw`SELECT 1 FROM credits WHERE id = ${id}::uuid FOR UPDATE`;
            await appendMilestone(tx, { creditId: id, kind: seq % 2 ? "DOCUMENTS_PRESENTED" : "PRESENTATION_COMPLIANT", content: { presentation: seq, amount: `${1000 + seq}.00` } });
          }),
        ),
      );
      const report = await worker.tick();
      if (report.errors.length) throw new Error(`anchoring failed: ${report.errors.join("; ")}`);
    }
    for (let i = 0; i < 20 && (await db().milestone.count({ where: { status: { not: "ANCHORED" } } })) > 0; i++) await worker.tick();
  });
  const roots = await db().$queryRaw<{ n: bigint }[]>`
    SELECT count(DISTINCT b.root) AS n FROM milestones m JOIN anchor_batches b ON b.id = m.batch_id WHERE m.credit_id = ${creditId}::uuid AND m.status = 'ANCHORED'`;
  const distinctRoots = Number(roots[0]!.n);
  if (distinctRoots !== MILESTONES) throw new Error(`expected ${MILESTONES} anchored milestones in as many batches, found ${distinctRoots} roots`);
  console.log(`Committed and anchored ${MILESTONES * (1 + NEIGHBOURS)} milestones in ${MILESTONES} batches in ${(anchoring.ms / 1000).toFixed(1)} s\n`);

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
  const trust = { allowedAnchorers: [await chain.signer.getAddress()], confirmations: 1, fromBlock: 0, lateAnchorSeconds: 86_400 };
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
  const file = writeResult("verify", { settings: { milestones: MILESTONES, neighbours: NEIGHBOURS, repeats: REPEATS }, distinctRoots, rows, localOnlyMedianMs: round(median(local)), target: { batchedMedianMs: batched!.median, met } });
  console.log(`\nResults written to ${file}`);
});
