import type { PresentationStatus } from "@/lib/generated/prisma/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { PRESENTATION_STATUS_LABELS } from "./labels";

const TONES: Record<PresentationStatus, BadgeTone> = {
  DRAFT: "neutral",
  PRESENTED: "info",
  COMPLIANT: "success",
  DISCREPANT: "warning",
  WAIVED: "warning",
  WAIVER_ACCEPTED: "brand",
  REFUSED: "danger",
  PAYMENT_PENDING: "info",
  PAID: "success",
};

export function PresentationStatusBadge({ status, className }: { status: PresentationStatus; className?: string }) {
  return (
    <Badge tone={TONES[status]} className={className}>
      {PRESENTATION_STATUS_LABELS[status]}
    </Badge>
  );
}
