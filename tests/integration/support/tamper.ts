import type { AnchoringWorker } from "@/lib/anchoring/worker";
import { db } from "@/lib/db/client";
import { asSuperuser } from "./database";

// What the drills share: anchoring everything pending with a real worker, and writing to the
// database as whoever holds it (a superuser, every trigger off), the auditor's adversary.

/** Ticks `worker` until no milestone of the test database is left unanchored. */
export async function anchorEverything(worker: AnchoringWorker, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await worker.tick();
    const left = await db().milestone.count({ where: { status: { not: "ANCHORED" } } });
    if (left === 0) return;
    if (Date.now() > deadline) throw new Error(`${left} milestone(s) not anchored: ${report.errors.join("; ")}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

/** Runs the statements in one transaction as a superuser with every trigger off; returns each one's row count. */
export async function withTriggersOff(databaseUrl: string, statements: [sql: string, params?: unknown[]][]): Promise<number[]> {
  return asSuperuser(databaseUrl, async (client) => {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    const counts: number[] = [];
    for (const [sql, params] of statements) counts.push((await client.query(sql, params)).rowCount ?? 0);
    await client.query("COMMIT");
    return counts;
  });
}
