import type { AmendmentStatus } from "@/lib/generated/prisma/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { AMENDMENT_STATUS_LABELS } from "./labels";

const TONES: Record<AmendmentStatus, BadgeTone> = {
  REQUESTED: "neutral",
  ISSUANCE_PENDING: "info",
  ISSUED: "info",
  ADVISED: "brand",
  ACCEPTED: "success",
  REJECTED: "danger",
  DECLINED: "danger",
  WITHDRAWN: "neutral",
};

export function AmendmentStatusBadge({ status, className }: { status: AmendmentStatus; className?: string }) {
  return (
    <Badge tone={TONES[status]} className={className}>
      {AMENDMENT_STATUS_LABELS[status]}
    </Badge>
  );
}
