import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Hash } from "@/components/ui/hash";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { ReconciliationView } from "@/lib/reconciliation/reconciliation";
import type { Severity } from "@/lib/reconciliation/findings";
import { RunReconciliationForm } from "./run-now-form";

const TONE: Record<Severity, BadgeTone> = { critical: "danger", warning: "warning", info: "info" };

const number = (value: number | string) => Number(value).toLocaleString("en-GB");

/**
 * The latest reconciliation of on-chain anchors with the batches: when, what was read, and each
 * finding explained with what to do. For bank admins (Settings) and auditors (Audit).
 */
export function ReconciliationPanel({ latest, current }: { latest: ReconciliationView | null; current: ReconciliationView["run"] | null }) {
  const run = latest?.run;
  const findings = latest?.findings ?? [];
  return (
    <Card role="region" aria-labelledby="reconciliation-heading">
      <CardHeader>
        <CardTitle id="reconciliation-heading">Anchor reconciliation</CardTitle>
        <p className="text-sm text-slate-600">
          Compares every Merkle root anchored in the registry on chain with the anchoring batches in TradeTrail&apos;s database, both ways. It runs on a schedule and when you ask.
        </p>
      </CardHeader>
      <CardBody className="space-y-5">
        {current?.status === "RUNNING" ? (
          <p role="status" className="text-sm text-slate-700">
            A reconciliation started <Time value={current.startedAt} relative /> is still running; the result below is the previous one.
          </p>
        ) : null}
        {current?.status === "FAILED" ? (
          <Alert tone="warning" title="The latest reconciliation did not finish">
            It started <Time value={current.startedAt} relative />. {current.error ?? ""} The result below is from the last run that finished.
          </Alert>
        ) : null}

        {!run ? (
          <EmptyState title="Not run yet" description="No reconciliation has finished for this registry. Run one now, or wait for the scheduled run." />
        ) : (
          <>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
              <div>
                <dt className="text-slate-600">Last run</dt>
                <dd className="font-medium text-slate-900">
                  <Time value={run.finishedAt ?? run.startedAt} /> · {run.trigger === "MANUAL" ? `run by ${run.requestedBy ?? "a user"}` : "scheduled"}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Blocks read by this run</dt>
                <dd className="font-medium text-slate-900">
                  {run.fromBlock !== null && run.toBlock !== null ? `${number(run.fromBlock)} – ${number(run.toBlock)}` : "none new since the previous run"}
                  {run.headBlock !== null ? <span className="font-normal text-slate-600"> (chain head {number(run.headBlock)})</span> : null}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Registry read so far</dt>
                <dd className="font-medium text-slate-900">
                  {run.startBlock !== null && run.toBlock !== null ? `blocks ${number(run.startBlock)} – ${number(run.toBlock)}` : run.startBlock !== null ? `from block ${number(run.startBlock)}` : "—"}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Registry</dt>
                <dd>
                  <Hash value={run.contractAddress} /> <span className="text-slate-600">on chain {run.chainId}</span>
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Compared</dt>
                <dd className="font-medium text-slate-900">
                  {number(run.rootsOnChain)} root{run.rootsOnChain === 1 ? "" : "s"} on chain · {number(run.batchesChecked)} confirmed batch{run.batchesChecked === 1 ? "" : "es"}
                  {run.batchesElsewhere > 0 ? <span className="block font-normal text-slate-600">{number(run.batchesElsewhere)} batch{run.batchesElsewhere === 1 ? "" : "es"} recorded for another registry or chain, not checked here</span> : null}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">Anchoring accounts expected</dt>
                <dd>
                  {run.expectedAnchorers.length === 0 ? (
                    <span className="text-slate-700">None configured: who anchored is not checked (set ANCHOR_ALLOWED_ANCHORERS).</span>
                  ) : (
                    <ul>
                      {run.expectedAnchorers.map((a) => (
                        <li key={a}>
                          <Hash value={a} />
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            </dl>

            <section aria-labelledby="reconciliation-findings-heading" className="space-y-3">
              <h3 id="reconciliation-findings-heading" className="text-sm font-semibold text-slate-900">
                Findings{" "}
                {findings.length === 0 ? <Badge tone="success">Everything reconciled</Badge> : <Badge tone={TONE[findings[0]!.explanation.severity]}>{findings.length} to review</Badge>}
              </h3>
              {findings.length === 0 ? (
                <EmptyState
                  className="rounded-md border border-slate-100 py-6"
                  title="Everything reconciled"
                  description="Every root on chain belongs to a batch in the database, and every confirmed batch is on chain in the block the database records."
                />
              ) : (
                <Table caption="Reconciliation findings, most serious first">
                  <THead>
                    <Tr>
                      <Th scope="col">Severity</Th>
                      <Th scope="col">Finding and what to do</Th>
                      <Th scope="col">Root and batch</Th>
                      <Th scope="col">Transaction and block</Th>
                    </Tr>
                  </THead>
                  <TBody>
                    {findings.map((f) => (
                      <Tr key={f.id}>
                        <Td>
                          <Badge tone={TONE[f.explanation.severity]}>{f.explanation.severityLabel}</Badge>
                        </Td>
                        <Td className="max-w-prose space-y-1">
                          <p className="font-medium text-slate-900">{f.explanation.title}</p>
                          <p className="text-slate-700">{f.explanation.explanation}</p>
                          <p className="text-slate-700">
                            <span className="font-medium">What to do: </span>
                            {f.explanation.action}
                          </p>
                          {f.kind === "ANCHOR_MISMATCH" ? (
                            <ul className="list-disc pl-5 text-xs text-slate-600">
                              {f.details.differences.map((d) => (
                                <li key={d.field}>
                                  {d.field === "blockNumber" ? "Block" : d.field === "txHash" ? "Transaction" : "Anchoring account"}: recorded <code className="break-all">{d.expected}</code>, on chain <code className="break-all">{d.found}</code>
                                </li>
                              ))}
                            </ul>
                          ) : null}
                          {f.kind === "UNKNOWN_ROOT" ? (
                            <p className="text-xs text-slate-600">
                              Anchored by <Hash value={f.details.anchorer} /> at <Time value={f.details.anchoredAt} />
                            </p>
                          ) : null}
                        </Td>
                        <Td className="space-y-1">
                          <Hash value={f.root} />
                          <p className="text-xs text-slate-600">{f.batchId ? <>batch <code>{f.batchId.slice(0, 8)}</code></> : "no batch"}</p>
                        </Td>
                        <Td className="space-y-1">
                          {f.txHash ? <Hash value={f.txHash} /> : <span className="text-slate-600">no transaction</span>}
                          {f.blockNumber ? <p className="text-xs text-slate-600">block {number(f.blockNumber)}</p> : null}
                        </Td>
                      </Tr>
                    ))}
                  </TBody>
                </Table>
              )}
            </section>
          </>
        )}

        <p className="text-xs text-slate-600">
          This check runs on TradeTrail&apos;s own servers and reads what they stored. For evidence that does not depend on the platform&apos;s operator, export a credit&apos;s proof bundle and verify it against your own Ethereum endpoint.
        </p>
        <RunReconciliationForm />
      </CardBody>
    </Card>
  );
}
