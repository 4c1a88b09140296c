import { AnchorStatusBadge } from "@/components/status/anchor-status-badge";
import { MILESTONE_KIND_LABELS } from "@/components/status/labels";
import { Hash } from "@/components/ui/hash";
import { Time } from "@/components/ui/time";
import type { CreditDetail } from "@/lib/credits/get-credit";
import { count } from "@/lib/format/words";
import { eventPhrase } from "@/lib/lifecycle/words";
import { timelineRows } from "./timeline-rows";

/**
 * Every action on the credit in time order; those that are milestones show their digest and
 * their anchoring: waiting, being anchored, or anchored in which transaction and block.
 */
export function Timeline({ credit }: { credit: CreditDetail }) {
  const rows = timelineRows(credit);
  if (rows.length === 0) return <p className="text-sm text-slate-600">Nothing has happened yet.</p>;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-6" aria-label="Timeline">
      {rows.map((row) => (
        <li key={row.key} className="relative">
          <span aria-hidden className={`absolute -left-[1.9rem] top-1.5 h-3 w-3 rounded-full border-2 border-white ${row.milestones.length ? "bg-brand-600" : "bg-slate-300"}`} />
          <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
            <Time value={row.at} className="text-xs text-slate-500" />
            {row.event ? (
              <span>
                <span className="font-medium text-slate-900">{row.event.actor}</span>
                {row.event.actorOrg ? <span className="text-slate-600"> ({row.event.actorOrg})</span> : null} {eventPhrase(row.event.action, row.event.data)}
              </span>
            ) : (
              <span className="font-medium text-slate-900">{row.milestones[0]?.actorOrg ?? "TradeTrail"}</span>
            )}
          </div>
          {row.event?.data && typeof row.event.data.reason === "string" ? <p className="mt-1 text-sm text-slate-700">Reason: {row.event.data.reason}</p> : null}
          {row.event?.data && typeof row.event.data.comment === "string" ? <p className="mt-1 text-sm text-slate-700">“{row.event.data.comment}”</p> : null}
          {row.milestones.map((milestone) => (
            <div key={milestone.id} data-milestone={milestone.kind} data-anchor-status={milestone.status} className="mt-2 rounded-md border border-brand-100 bg-brand-50/50 px-3 py-2 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-semibold text-brand-900">
                  Milestone {milestone.seq}: {MILESTONE_KIND_LABELS[milestone.kind]}
                </span>
                <AnchorStatusBadge status={milestone.status} />
              </div>
              <dl className="mt-1 grid grid-cols-1 gap-x-3 sm:grid-cols-[7rem_minmax(0,1fr)] gap-y-0.5 text-xs text-slate-600">
                <dt>Digest</dt>
                <dd>
                  <Hash value={milestone.digest} />
                </dd>
                {milestone.batch?.txHash ? (
                  <>
                    <dt>Transaction</dt>
                    <dd>
                      <Hash value={milestone.batch.txHash} />
                    </dd>
                    <dt>Block</dt>
                    <dd>
                      {milestone.batch.blockNumber}
                      {milestone.batch.blockTime ? (
                        <>
                          {" "}
                          · <Time value={milestone.batch.blockTime} />
                        </>
                      ) : null}
                    </dd>
                  </>
                ) : null}
                {milestone.documentHashes.length > 0 ? (
                  <>
                    <dt>Documents</dt>
                    <dd>{count(milestone.documentHashes.length, "SHA-256 hash", "SHA-256 hashes")} committed</dd>
                  </>
                ) : null}
              </dl>
            </div>
          ))}
        </li>
      ))}
    </ol>
  );
}
