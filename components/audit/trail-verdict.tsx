import { Badge } from "@/components/ui/badge";
import { TRAIL_LABELS } from "./verification-badge";

// What a verification was checked against, and the trail's verdict as a whole: shown by every
// verifier in the app ("Verify now", the in-browser bundle check), so a reader always knows
// which registry and which anchorers a "verified" rests on.

export interface TrailVerdictProps {
  trail: { status: string; reason: string };
  warnings: { code: string; message: string }[];
  checkedAgainst: { chainId: string; contractAddress: string; registryVersion: number; atBlock: number; anchorers: string[] | null };
}

export function TrailVerdict({ trail, warnings, checkedAgainst }: TrailVerdictProps) {
  const label = TRAIL_LABELS[trail.status] ?? { label: trail.status, tone: "neutral" as const };
  const serious = trail.status === "forked" || trail.status === "truncated";
  return (
    <div className="space-y-2 text-sm" data-testid="trail-verdict" data-trail={trail.status}>
      <div role={serious ? "alert" : "status"} className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">Trail:</span>
        <Badge tone={label.tone}>{label.label}</Badge>
        <span className="text-slate-700">{trail.reason}</span>
      </div>
      <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs text-slate-700">
        <dt className="font-medium">Registry checked</dt>
        <dd className="break-all font-mono" data-testid="checked-registry">
          {checkedAgainst.contractAddress} (version {checkedAgainst.registryVersion}, chain {checkedAgainst.chainId}, read at block {checkedAgainst.atBlock})
        </dd>
        <dt className="font-medium">Allowed anchorers</dt>
        <dd className="break-all font-mono" data-testid="checked-anchorers">
          {checkedAgainst.anchorers === null ? "any holder of the anchorer role" : checkedAgainst.anchorers.length ? checkedAgainst.anchorers.join(", ") : "none"}
        </dd>
      </dl>
      {warnings.length > 0 ? (
        <ul className="list-disc space-y-1 pl-5 text-xs text-amber-900" aria-label="Warnings">
          {warnings.map((w, i) => (
            <li key={`${w.code}-${i}`} data-warning={w.code}>
              {w.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
