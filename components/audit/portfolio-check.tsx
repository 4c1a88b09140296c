"use client";

import { useCallback, useEffect, useState } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Progress } from "@/components/ui/progress";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { DocumentCheckBadge } from "./document-checks";
import { VerificationBadge } from "./verification-badge";
import { count } from "@/lib/format/words";

interface Run {
  id: string;
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  total: number;
  done: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  report: { credits: { creditId: string; reference: string; creditNumber: string | null; milestones: number; exceptions: { seq: number; kind: string; status: string; reason: string }[]; documentExceptions?: { documentId: string; fileName: string; kind: string; status: string; reason: string }[] }[] } | null;
}

/** Verify every credit this auditor may see, as a background job with a progress bar. */
export function PortfolioCheck({ latestRunId }: { latestRunId: string | null }) {
  const [runId, setRunId] = useState(latestRunId);
  const [run, setRun] = useState<Run | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (id: string) => {
    const response = await fetch(`/api/v1/audit/runs/${id}`);
    const body = await response.json();
    if (!response.ok) throw new Error(body?.error?.message ?? "The check could not be loaded.");
    setRun(body);
    return body as Run;
  }, []);

  useEffect(() => {
    if (!runId) return;
    let stopped = false;
    const poll = async () => {
      try {
        const current = await load(runId);
        if (!stopped && (current.status === "QUEUED" || current.status === "RUNNING")) setTimeout(poll, 700);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [runId, load]);

  const start = async () => {
    setError(null);
    const response = await fetch("/api/v1/audit/runs", { method: "POST" });
    const body = await response.json();
    if (!response.ok) return setError(body?.error?.message ?? "The check could not start.");
    setRun(null);
    setRunId(body.id);
  };

  const active = run && (run.status === "QUEUED" || run.status === "RUNNING");
  const exceptions = run?.report?.credits.flatMap((c) => c.exceptions.map((e) => ({ ...e, credit: c }))) ?? [];
  const documentExceptions = run?.report?.credits.flatMap((c) => (c.documentExceptions ?? []).map((e) => ({ ...e, credit: c }))) ?? [];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={start} pending={Boolean(active)}>
          {active ? "Checking…" : "Check the whole portfolio"}
        </Button>
        <span className="text-sm text-slate-600">Every milestone of every credit you may see, against the chain.</span>
      </div>
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
      {run && active ? <Progress value={run.total ? Math.round((run.done / run.total) * 100) : undefined} label={`Checked ${run.done} of ${run.total || "…"} credits`} /> : null}
      {run?.status === "FAILED" ? <FormMessage tone="error">{run.error ?? "The check failed."}</FormMessage> : null}
      {run?.status === "DONE" && run.report ? (
        <div className="space-y-3" data-testid="portfolio-report">
          <p role="status" className="text-sm">
            Checked {count(run.report.credits.length, "credit")}, {count(run.report.credits.reduce((n, c) => n + c.milestones, 0), "milestone")}:{" "}
            <strong>{exceptions.length === 0 ? "no exception" : count(exceptions.length, "exception")}</strong>
            {documentExceptions.length > 0 ? <strong>, {count(documentExceptions.length, "document exception")}</strong> : null}.{" "}
            <a className="text-brand-700 underline underline-offset-2 hover:decoration-2" href={`/api/v1/audit/runs/${run.id}/report?format=csv`}>
              Download CSV
            </a>{" "}
            ·{" "}
            <a className="text-brand-700 underline underline-offset-2 hover:decoration-2" href={`/api/v1/audit/runs/${run.id}/report?format=json`}>
              JSON
            </a>
          </p>
          {exceptions.length > 0 ? (
            <Table aria-label="Exceptions">
              <THead>
                <Tr>
                  <Th scope="col">Credit</Th>
                  <Th scope="col" numeric>
                    Milestone
                  </Th>
                  <Th scope="col">Kind</Th>
                  <Th scope="col">Status</Th>
                  <Th scope="col">Reason</Th>
                </Tr>
              </THead>
              <TBody>
                {exceptions.map((e) => (
                  <Tr key={`${e.credit.creditId}-${e.seq}`}>
                    <Td>
                      <Link className="text-brand-700 underline underline-offset-2 hover:decoration-2" href={`/credits/${e.credit.creditId}/audit`}>
                        {e.credit.creditNumber ?? e.credit.reference}
                      </Link>
                    </Td>
                    <Td numeric>{e.seq}</Td>
                    <Td>{e.kind}</Td>
                    <Td>
                      <VerificationBadge status={e.status} />
                    </Td>
                    <Td className="text-sm">{e.reason}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          ) : null}
          {documentExceptions.length > 0 ? (
            <Table aria-label="Document exceptions">
              <THead>
                <Tr>
                  <Th scope="col">Credit</Th>
                  <Th scope="col">Document</Th>
                  <Th scope="col">Status</Th>
                  <Th scope="col">Reason</Th>
                </Tr>
              </THead>
              <TBody>
                {documentExceptions.map((e) => (
                  <Tr key={`${e.credit.creditId}-${e.documentId}`}>
                    <Td>
                      <Link className="text-brand-700 underline underline-offset-2 hover:decoration-2" href={`/credits/${e.credit.creditId}/audit`}>
                        {e.credit.creditNumber ?? e.credit.reference}
                      </Link>
                    </Td>
                    <Td>{e.fileName}</Td>
                    <Td>
                      <DocumentCheckBadge status={e.status} />
                    </Td>
                    <Td className="text-sm break-all">{e.reason}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
