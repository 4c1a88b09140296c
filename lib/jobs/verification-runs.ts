import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/actor";
import { chainRpcOptions } from "@/lib/config";
import { makeProvider } from "@/lib/chain/provider";
import { db } from "@/lib/db/client";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { visibleToSql } from "@/lib/credits/visibility";
import { recordAuditUse } from "@/lib/audit/log";
import { verifyCredit } from "@/lib/verify/credit";
import { checkCreditDocuments } from "@/lib/verify/documents";
import { rpcAnchorReader } from "@/lib/verify/reader";
import { serverTrust } from "@/lib/verify/trust";
import { isUuid } from "@/lib/ids";

// Portfolio checks: an auditor asks for every credit they may see to be verified against the
// chain. The request is queued; a background job runs it, reporting progress as it goes, and
// stores a report of the exceptions (anything not verified).

export interface PortfolioReport {
  generatedAt: string;
  credits: {
    creditId: string;
    reference: string;
    creditNumber: string | null;
    milestones: number;
    counts: Record<string, number>;
    /** The trail against the credit's heads on chain: complete, truncated, forked or unchecked. */
    trail?: string;
    exceptions: { seq: number; kind: string; status: string; reason: string }[];
    /** Presented documents re-hashed (absent in reports made before documents were checked). */
    documents?: number;
    /** Each presented document whose stored bytes are not its anchored hash, by file name. */
    documentExceptions?: { documentId: string; fileName: string; kind: string; status: string; reason: string }[];
  }[];
}

export async function requestPortfolioCheck(actor: Actor): Promise<{ id: string }> {
  if (actor.organizationKind !== "AUDITOR") throw forbidden("Portfolio checks are for auditors.");
  const running = await db().verificationRun.findFirst({ where: { auditorId: actor.organizationId, status: { in: ["QUEUED", "RUNNING"] } } });
  if (running) return { id: running.id };
  const run = await db().verificationRun.create({ data: { auditorId: actor.organizationId, requestedById: actor.userId }, select: { id: true } });
  await recordAuditUse(actor, { action: "portfolio-check", data: { runId: run.id } });
  return run;
}

export async function getRun(actor: Actor, runId: string) {
  if (!isUuid(runId)) throw notFound("The check");
  const run = await db().verificationRun.findFirst({ where: { id: runId, auditorId: actor.organizationId } });
  if (!run) throw notFound("The check");
  const [visible] = await withVisibleReports(actor, [run]);
  return visible!;
}

export async function listRuns(actor: Actor) {
  return withVisibleReports(actor, await db().verificationRun.findMany({ where: { auditorId: actor.organizationId }, orderBy: { createdAt: "desc" }, take: 20 }));
}

/**
 * A stored report shows only the credits its auditor may see now: when a bank revokes a grant
 * (or it lapses), what the firm learned of those credits in earlier checks goes with it.
 * `withheld` counts the credits left out.
 */
async function withVisibleReports<R extends { report: Prisma.JsonValue | null }>(actor: Actor, runs: R[]): Promise<(R & { withheld: number })[]> {
  const ids = [...new Set(runs.flatMap((run) => ((run.report as PortfolioReport | null)?.credits ?? []).map((c) => c.creditId)))].filter(isUuid);
  const visible = ids.length
    ? new Set((await db().$queryRaw<{ id: string }[]>`SELECT c.id FROM credits c WHERE c.id = ANY(${ids}::uuid[]) AND ${visibleToSql(actor)}`).map((r) => r.id))
    : new Set<string>();
  return runs.map((run) => {
    const report = run.report as PortfolioReport | null;
    if (!report) return { ...run, withheld: 0 };
    const credits = report.credits.filter((c) => visible.has(c.creditId));
    return { ...run, report: { ...report, credits } as unknown as Prisma.JsonValue, withheld: report.credits.length - credits.length };
  });
}

/** Takes queued checks one at a time (several job runners may share the queue). */
export async function runQueuedVerifications(options: { rpcUrl: string; contractAddress: string; log?: (line: string) => void }): Promise<number> {
  let ran = 0;
  for (;;) {
    const [run] = await db().$queryRaw<{ id: string; requested_by_id: string; auditor_id: string }[]>`
      UPDATE verification_runs SET status = 'RUNNING', started_at = now()
       WHERE id = (SELECT id FROM verification_runs WHERE status = 'QUEUED' ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
      RETURNING id, requested_by_id, auditor_id`;
    if (!run) return ran;
    try {
      await runOne(run, options);
    } catch (error) {
      options.log?.(`portfolio check ${run.id}: ${error instanceof Error ? error.message : String(error)}`);
      await db().verificationRun.update({ where: { id: run.id }, data: { status: "FAILED", finishedAt: new Date(), error: error instanceof AppError ? error.message : "The check could not finish (the chain may be unreachable). Run it again." } });
    }
    ran++;
  }
}

async function runOne(run: { id: string; requested_by_id: string; auditor_id: string }, options: { rpcUrl: string; contractAddress: string }) {
  const actor = await loadActor(run.requested_by_id, run.auditor_id);
  if (!actor) throw new AppError("FORBIDDEN", "The auditor who asked for this check no longer has access.");
  const credits = await db().$queryRaw<{ id: string; reference: string; credit_number: string | null }[]>`
    SELECT c.id, c.reference, c.credit_number FROM credits c WHERE ${visibleToSql(actor)} ORDER BY c.created_at`;
  await db().verificationRun.update({ where: { id: run.id }, data: { total: credits.length } });
  const provider = makeProvider(options.rpcUrl, chainRpcOptions());
  const reader = rpcAnchorReader(provider, options.contractAddress);
  const report: PortfolioReport = { generatedAt: new Date().toISOString(), credits: [] };
  try {
    const trust = serverTrust((await provider.getNetwork()).chainId, options.contractAddress);
    let done = 0;
    for (const credit of credits) {
      const result = await verifyCredit(credit.id, reader, trust);
      const files = await checkCreditDocuments(credit.id, { anchoredSeqs: new Set(result.results.filter((r) => r.status === "verified").map((r) => r.seq)) });
      const counts: Record<string, number> = {};
      for (const r of result.results) counts[r.status] = (counts[r.status] ?? 0) + 1;
      report.credits.push({
        creditId: credit.id,
        reference: credit.reference,
        creditNumber: credit.credit_number,
        milestones: result.results.length,
        counts,
        trail: result.trail.status,
        exceptions: [
          ...(result.trail.status === "forked" || result.trail.status === "truncated" ? [{ seq: 0, kind: "TRAIL", status: result.trail.status, reason: result.trail.reason }] : []),
          ...result.results.filter((r) => r.status !== "verified").map((r) => ({ seq: r.seq, kind: r.kind, status: r.status, reason: r.reason })),
        ],
        documents: files.documents.length,
        documentExceptions: files.documents
          .filter((d) => d.status !== "verified")
          .map((d) => ({ documentId: d.documentId, fileName: d.fileName, kind: d.kind, status: d.status, reason: d.reason })),
      });
      done++;
      // Progress every few credits keeps the bar moving without a write per credit.
      if (done % 5 === 0 || done === credits.length) await db().verificationRun.update({ where: { id: run.id }, data: { done } });
    }
  } finally {
    provider.destroy();
  }
  await db().verificationRun.update({
    where: { id: run.id },
    data: { status: "DONE", done: credits.length, finishedAt: new Date(), report: report as unknown as Prisma.InputJsonValue },
  });
}

/** The report's exceptions as CSV, one row per milestone that did not verify. */
export function reportCsv(report: PortfolioReport): string {
  const quote = (value: string | number | null) => {
    const text = String(value ?? "");
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const rows = [["credit_reference", "credit_number", "milestone_seq", "milestone_kind", "status", "reason"]];
  for (const credit of report.credits) {
    for (const e of credit.exceptions) rows.push([credit.reference, credit.creditNumber ?? "", String(e.seq), e.kind, e.status, e.reason]);
    // Document rows: no milestone seq; the kind column names the document kind, the reason its file.
    for (const e of credit.documentExceptions ?? []) rows.push([credit.reference, credit.creditNumber ?? "", "", `DOCUMENT ${e.kind}`, e.status, e.reason]);
  }
  return `${rows.map((row) => row.map(quote).join(",")).join("\n")}\n`;
}
