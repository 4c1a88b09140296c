import type { CreditStatus } from "@/lib/generated/prisma/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { CREDIT_STATUS_LABELS } from "./labels";

// Tone by who holds the credit: still negotiating (neutral), with a bank (info), in force
// (brand), done (success), ended without payment (warning/danger).
const TONES: Record<CreditStatus, BadgeTone> = {
  DRAFT: "neutral",
  WITH_BENEFICIARY: "neutral",
  WITH_APPLICANT: "neutral",
  AGREED: "info",
  SUBMITTED: "info",
  ISSUANCE_PENDING: "info",
  ISSUED: "brand",
  ADVISED: "brand",
  SETTLED: "success",
  EXPIRED: "warning",
  CANCELLED: "danger",
  WITHDRAWN: "neutral",
};

export function CreditStatusBadge({ status, className }: { status: CreditStatus; className?: string }) {
  return (
    <Badge tone={TONES[status]} className={className}>
      {CREDIT_STATUS_LABELS[status]}
    </Badge>
  );
}
