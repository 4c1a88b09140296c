"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Hash } from "@/components/ui/hash";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { type DocumentCheckRow, DocumentChecks } from "./document-checks";
import { TrailVerdict, type TrailVerdictProps } from "./trail-verdict";
import { Signers, VerificationBadge } from "./verification-badge";

// The auditor's milestone chain with "verify now": every row is re-checked against the chain
// live (one batched read of every batch root) and shows its own result.

export interface TrailRow {
  seq: number;
  kind: string;
  label: string;
  actor: string | null;
  actorOrg: string | null;
  createdAt: string;
  digest: string;
  root: string | null;
  txHash: string | null;
  blockNumber: string | null;
  blockTime: string | null;
}

interface Result {
  seq: number;
  status: string;
  reason: string;
  /** Who signed it (issue 14), as the verifier proved it. */
  signers?: { role: string; userName: string; fingerprint: string }[];
}

interface Check extends TrailVerdictProps {
  results: Result[];
  checkedAt: string;
  elapsedMs: number;
  head: number;
  chainId: string;
  contractAddress: string;
  documents?: { documents: DocumentCheckRow[]; counts: Record<string, number> };
}

export function AuditTrail({ creditId, rows, head }: { creditId: string; rows: TrailRow[]; head: number | null }) {
  const [check, setCheck] = useState<Check | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const bySeq = new Map(check?.results.map((r) => [r.seq, r]));
  const orphans = check?.results.filter((r) => !rows.some((row) => row.seq === r.seq)) ?? [];
  const counts = check ? check.results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {}) : {};
  const currentHead = check?.head ?? head;

  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/v1/credits/${creditId}/verify`, { method: "POST" });
      const body = await response.json();
      if (!response.ok) throw new Error(body?.error?.message ?? `Verification failed (HTTP ${response.status})`);
      setCheck(body);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={verify} pending={busy}>
          Verify now
        </Button>
        {check ? (
          <p role="status" className="text-sm text-slate-700" data-testid="verification-summary">
            Checked {check.results.length} milestone{check.results.length === 1 ? "" : "s"} against chain {check.chainId} at block {check.head} in {check.elapsedMs} ms:{" "}
            {Object.entries(counts)
              .map(([status, n]) => `${n} ${status}`)
              .join(", ")}
            {check.documents && check.documents.documents.length > 0
              ? `; re-hashed ${check.documents.documents.length} document${check.documents.documents.length === 1 ? "" : "s"}: ${Object.entries(check.documents.counts)
                  .map(([status, n]) => `${n} ${status}`)
                  .join(", ")}`
              : ""}
            .
          </p>
        ) : (
          <p className="text-sm text-slate-600">Re-checks every milestone against the chain now, without trusting this database.</p>
        )}
      </div>
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
      {check ? <TrailVerdict trail={check.trail} warnings={check.warnings} checkedAgainst={check.checkedAgainst} /> : null}
      <Table aria-label="Milestone chain">
        <THead>
          <Tr>
            <Th scope="col" numeric>
              #
            </Th>
            <Th scope="col">Milestone</Th>
            <Th scope="col">Digest</Th>
            <Th scope="col">Batch root</Th>
            <Th scope="col">Transaction</Th>
            <Th scope="col" numeric>
              Block
            </Th>
            <Th scope="col" numeric>
              Confirmations
            </Th>
            <Th scope="col">Verification</Th>
          </Tr>
        </THead>
        <TBody>
          {rows.map((row) => {
            const result = bySeq.get(row.seq);
            return (
              <Tr key={row.seq} data-seq={row.seq} data-status={result?.status ?? ""}>
                <Td numeric>{row.seq}</Td>
                <Td>
                  <div className="font-medium">{row.label}</div>
                  <div className="text-xs text-slate-500">
                    {row.actor ? `${row.actor} · ` : ""}
                    {row.actorOrg ?? "TradeTrail"} · {row.createdAt.replace("T", " ").slice(0, 19)} UTC
                  </div>
                </Td>
                <Td>
                  <Hash value={row.digest} />
                </Td>
                <Td>{row.root ? <Hash value={row.root} /> : "—"}</Td>
                <Td>{row.txHash ? <Hash value={row.txHash} /> : "—"}</Td>
                <Td numeric>
                  {row.blockNumber ?? "—"}
                  {row.blockTime ? <div className="text-xs text-slate-500">{row.blockTime.replace("T", " ").slice(0, 19)}</div> : null}
                </Td>
                <Td numeric>{row.blockNumber && currentHead !== null ? Math.max(0, currentHead - Number(row.blockNumber) + 1) : "—"}</Td>
                <Td>
                  {result ? (
                    <>
                      <VerificationBadge status={result.status} />
                      {result.status !== "verified" ? <div className="mt-1 max-w-xs text-xs text-slate-600">{result.reason}</div> : null}
                      <Signers signers={result.signers} />
                    </>
                  ) : (
                    <span className="text-xs text-slate-600">not checked yet</span>
                  )}
                </Td>
              </Tr>
            );
          })}
          {orphans.map((r) => (
            <Tr key={`orphan-${r.seq}`} data-seq={r.seq} data-status={r.status}>
              <Td numeric>{r.seq}</Td>
              <Td colSpan={6}>{r.reason}</Td>
              <Td>
                <VerificationBadge status={r.status} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      {check?.documents ? (
        <section className="space-y-2" aria-label="Documents re-hashed" data-testid="document-checks">
          <h3 className="text-sm font-semibold text-slate-900">Documents: stored files re-hashed against the anchored hashes</h3>
          <DocumentChecks documents={check.documents.documents} />
        </section>
      ) : null}
    </div>
  );
}
