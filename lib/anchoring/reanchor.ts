import { db } from "@/lib/db/client";
import type { AnchoringWorker } from "./worker";

// `npm run reanchor -- --to <network>` (issue 16): before a network is retired, every root
// already anchored is copied to another one, so proofs anchored only on the old network stay
// verifiable. The original anchorings are kept: the batch rows and their anchorings on other
// networks are never touched, and proof bundles list every anchoring of each root.

export interface ReanchorReport {
  network: string;
  /** Batches with an anchoring on the network, confirmed there. */
  confirmed: number;
  /** Batches still waiting there (sending, mined but not deep enough) when it stopped. */
  waiting: number;
  /** The last error of each waiting batch, when it has one. */
  errors: string[];
}

/**
 * Runs `worker` (an additional network's: it closes no batches) until every batch's root is
 * confirmed on its network, or `timeoutMs` passes. Each tick first gives every batch without an
 * anchoring there its own (oldest first), then sends, replaces and confirms as the background
 * worker does; both may run at once (leases, the send lock).
 */
export async function reanchor(options: {
  worker: AnchoringWorker;
  network: { name: string; chainId: bigint; contractAddress: string };
  timeoutMs?: number;
  pollMs?: number;
  log?: (line: string) => void;
}): Promise<ReanchorReport> {
  const { worker, network } = options;
  const deadline = Date.now() + (options.timeoutMs ?? 3_600_000);
  const where = { chainId: network.chainId, contractAddress: network.contractAddress };
  for (;;) {
    const report = await worker.tick();
    for (const error of report.errors) options.log?.(`reanchor (${network.name}): ${error}`);
    const [total, confirmed] = await Promise.all([db().anchorBatch.count(), db().anchorNetworkAnchoring.count({ where: { ...where, status: "CONFIRMED" } })]);
    if (report.sent + report.confirmed > 0) options.log?.(`reanchor (${network.name}): ${confirmed} of ${total} roots confirmed`);
    if (confirmed >= total || Date.now() >= deadline) {
      const waiting = await db().anchorNetworkAnchoring.findMany({ where: { ...where, status: { not: "CONFIRMED" } }, select: { lastError: true, batch: { select: { root: true } } } });
      return {
        network: network.name,
        confirmed,
        waiting: total - confirmed,
        errors: waiting.flatMap((w) => (w.lastError ? [`${w.batch.root}: ${w.lastError}`] : [])),
      };
    }
    await new Promise((r) => setTimeout(r, options.pollMs ?? 1_000));
  }
}
