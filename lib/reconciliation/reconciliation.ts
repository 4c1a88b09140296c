import { getAddress } from "ethers";
import type { Actor } from "@/lib/auth/actor";
import { recordAuditUse } from "@/lib/audit/log";
import { appChain } from "@/lib/chain/app-chain";
import { chainIdOf } from "@/lib/chain/provider";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { forbidden } from "@/lib/errors";
import { type ReconcileResult, reconcileAnchors, reconcileSettings } from "@/lib/jobs/reconcile-anchors";
import { type Explanation, type FindingDetails, SEVERITY_ORDER, explainFinding } from "./findings";

// Who sees the reconciliation of on-chain anchors with batches, and "Run now". It concerns the
// whole platform's anchoring (roots and batches, never a credit's content), so bank admins and
// auditors see all of it; traders and other bank users see none.

export function canReconcile(actor: Actor): boolean {
  if (actor.organizationKind === "AUDITOR") return true;
  return actor.organizationKind === "BANK" && actor.roles.includes("ADMIN");
}

function authorise(actor: Actor): void {
  if (!canReconcile(actor)) throw forbidden("Only bank administrators and auditors may see or run the anchor reconciliation.");
}

/** A run already going for this long is taken for dead (its process stopped) and no longer blocks "Run now". */
const RUNNING_FOR_AT_MOST_MS = 10 * 60_000;

export interface ReconciliationView {
  run: {
    id: string;
    status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
    trigger: "SCHEDULE" | "MANUAL";
    requestedBy: string | null;
    chainId: string;
    contractAddress: string;
    startedAt: Date;
    finishedAt: Date | null;
    fromBlock: string | null;
    toBlock: string | null;
    startBlock: string | null;
    headBlock: string | null;
    logsRead: number;
    rootsOnChain: number;
    batchesChecked: number;
    batchesElsewhere: number;
    expectedAnchorers: string[];
    error: string | null;
  };
  findings: (FindingDetails & { id: string; root: string; batchId: string | null; txHash: string | null; blockNumber: string | null; explanation: Explanation })[];
}

/**
 * The latest finished reconciliation of the app's registry (and, when a later one is running or
 * failed, that one too), findings with their explanations, most severe first.
 */
export async function latestReconciliation(actor: Actor): Promise<{ latest: ReconciliationView | null; current: ReconciliationView["run"] | null }> {
  authorise(actor);
  const contractAddress = config().ANCHOR_CONTRACT_ADDRESS;
  if (!contractAddress) return { latest: null, current: null };
  const where = { contractAddress: getAddress(contractAddress).toLowerCase() };
  const [done, newest] = await Promise.all([
    db().reconciliationRun.findFirst({ where: { ...where, status: "DONE" }, orderBy: { startedAt: "desc" }, include: { findings: true } }),
    db().reconciliationRun.findFirst({ where, orderBy: { startedAt: "desc" } }),
  ]);
  const names = await userNames([done?.requestedById, newest?.requestedById]);
  const runView = (run: NonNullable<typeof newest>): ReconciliationView["run"] => ({
    id: run.id,
    status: run.status,
    trigger: run.trigger,
    requestedBy: run.requestedById ? (names.get(run.requestedById) ?? "a former user") : null,
    chainId: run.chainId.toString(),
    contractAddress: getAddress(run.contractAddress),
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    fromBlock: run.fromBlock?.toString() ?? null,
    toBlock: run.toBlock?.toString() ?? null,
    startBlock: run.startBlock?.toString() ?? null,
    headBlock: run.headBlock?.toString() ?? null,
    logsRead: run.logsRead,
    rootsOnChain: run.rootsOnChain,
    batchesChecked: run.batchesChecked,
    batchesElsewhere: run.batchesElsewhere,
    expectedAnchorers: run.expectedAnchorers,
    error: run.error,
  });
  const latest = done
    ? {
        run: runView(done),
        findings: done.findings
          .map((f) => {
            const detailed = { kind: f.kind, details: f.details } as unknown as FindingDetails;
            return { ...detailed, id: f.id, root: f.root, batchId: f.batchId, txHash: f.txHash, blockNumber: f.blockNumber?.toString() ?? null, explanation: explainFinding(detailed) };
          })
          .sort((a, b) => SEVERITY_ORDER[a.explanation.severity] - SEVERITY_ORDER[b.explanation.severity] || Number(a.blockNumber ?? 0) - Number(b.blockNumber ?? 0)),
      }
    : null;
  const current = newest && newest.id !== done?.id ? runView(newest) : null;
  return { latest, current };
}

async function userNames(ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const users = await db().user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/**
 * "Run now": reconciles the app's registry at once (incrementally, or from the registry's first
 * block with `fullRescan`). A run already in progress is not started twice.
 */
export async function runReconciliationNow(actor: Actor, options: { fullRescan?: boolean } = {}): Promise<ReconcileResult | { runId: string; status: "RUNNING" }> {
  authorise(actor);
  const { provider, contractAddress } = appChain();
  const address = getAddress(contractAddress).toLowerCase();
  const running = await db().reconciliationRun.findFirst({
    where: { contractAddress: address, status: "RUNNING", startedAt: { gt: new Date(Date.now() - RUNNING_FOR_AT_MOST_MS) } },
    select: { id: true },
  });
  if (running) return { runId: running.id, status: "RUNNING" };
  const chainId = await chainIdOf(provider);
  const result = await reconcileAnchors({
    provider,
    contractAddress,
    settings: reconcileSettings(chainId, contractAddress),
    trigger: "MANUAL",
    requestedById: actor.userId,
    fullRescan: options.fullRescan ?? false,
  });
  await recordAuditUse(actor, { action: "reconcile-anchors", data: { runId: result.runId, fullRescan: options.fullRescan ?? false, status: result.status } });
  return result;
}
