import { Badge } from "@/components/ui/badge";

export const VERIFICATION_LABELS: Record<string, { label: string; tone: "success" | "neutral" | "danger" | "warning" }> = {
  verified: { label: "Verified", tone: "success" },
  pending: { label: "Pending", tone: "neutral" },
  altered: { label: "Altered", tone: "danger" },
  missing: { label: "Missing link", tone: "danger" },
  "not-on-chain": { label: "Not on chain", tone: "warning" },
  untrusted: { label: "Untrusted anchorer", tone: "danger" },
  forked: { label: "Forked", tone: "danger" },
  truncated: { label: "Truncated", tone: "danger" },
};

/** The trail as a whole against the credit's heads on chain. */
export const TRAIL_LABELS: Record<string, { label: string; tone: "success" | "neutral" | "danger" | "warning" }> = {
  complete: { label: "Complete", tone: "success" },
  truncated: { label: "Truncated", tone: "danger" },
  forked: { label: "Forked", tone: "danger" },
  unchecked: { label: "Completeness not checked", tone: "warning" },
};

export function VerificationBadge({ status }: { status: string }) {
  const entry = VERIFICATION_LABELS[status] ?? { label: status, tone: "neutral" as const };
  return <Badge tone={entry.tone}>{entry.label}</Badge>;
}
