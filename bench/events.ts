// Benchmark (issue 15): the cost of the event feed's order. Every step that records a milestone
// also numbers its events from the one row of event_counter, which its transaction keeps locked
// until it commits (lib/events/record-events.ts): steps on different credits queue there.
//
//   - a step-shaped transaction: lock a credit, bump its version (what every step does);
//   - the same with recordEvents (audience, two webhook subscriptions, one event);
//   - each with 1 and 8 concurrent connections over BENCH_SECONDS, on different credits.
//
//   npm run bench -- events
//   BENCH_SECONDS=2 npx tsx bench/events.ts
import { db } from "@/lib/db/client";
import { loadCreditForEvents, recordEvents } from "@/lib/events/record-events";
import { createBenchDatabase } from "./support/database";
import { onCleanup, runBenchmark } from "./support/main";
import { load, round, summary, table, writeResult } from "./support/report";
import { seedCredits, seedOrganisations } from "./support/seed";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const LANES = [1, 8];

runBenchmark("events", async () => {
  const database = await createBenchDatabase("events");
  onCleanup(() => database.drop());
  const orgs = await seedOrganisations(2, 2);
  const credits = await seedCredits(16, orgs, ["ADVISED"]);
  for (const bank of orgs.banks) await db().webhookSubscription.create({ data: { organizationId: bank, url: "https://erp.example.com/hook", eventTypes: ["credit.issued"], secret: "whsec_bench" } });

  const step = (withEvents: boolean) => async (lane: number) => {
    const creditId = credits[lane % credits.length]!;
    await db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM credits WHERE id = ${creditId}::uuid FOR UPDATE`;
      await tx.credit.update({ where: { id: creditId }, data: { version: { increment: 1 } } });
      if (withEvents) await recordEvents(tx, await loadCreditForEvents(tx, creditId), [{ seq: 1, kind: "CREDIT_ISSUED", subjectId: null }], new Date());
    });
  };
  await load(4, 1_000, step(true)); // warm-up

  const rows: Record<string, string | number>[] = [];
  for (const lanes of LANES) {
    for (const withEvents of [false, true]) {
      const run = await load(lanes, SECONDS * 1_000, step(withEvents));
      if (run.errors > 0) throw new Error(`${run.errors} transactions failed: ${run.firstError}`);
      const s = summary(run.latencies);
      rows.push({ transaction: withEvents ? "step + recordEvents" : "step alone", connections: lanes, "tx/s": round(run.latencies.length / (run.elapsedMs / 1000), 0), "p50 ms": round(s.p50, 1), "p95 ms": round(s.p95, 1) });
    }
  }
  table(rows);
  const deliveries = await db().webhookDelivery.count();
  const events = await db().feedEvent.count();
  console.log(`${events} events and ${deliveries} webhook deliveries written`);
  writeResult("events", { seconds: SECONDS, rows, events, deliveries });
});
