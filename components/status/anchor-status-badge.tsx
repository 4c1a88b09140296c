import type { AnchorStatus } from "@/lib/generated/prisma/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ANCHOR_STATUS_LABELS } from "./labels";

const TONES: Record<AnchorStatus, BadgeTone> = {
  PENDING: "neutral",
  BATCHED: "info",
  ANCHORED: "success",
};

/** A milestone's anchoring: waiting for a batch, in a sent transaction, or anchored with its proof. */
export function AnchorStatusBadge({ status, className }: { status: AnchorStatus; className?: string }) {
  return (
    <Badge tone={TONES[status]} className={className}>
      {status === "ANCHORED" ? (
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor" className="h-3 w-3">
          <path fillRule="evenodd" d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" clipRule="evenodd" />
        </svg>
      ) : null}
      {ANCHOR_STATUS_LABELS[status]}
    </Badge>
  );
}
