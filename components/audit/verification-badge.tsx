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
  unsigned: { label: "Unsigned", tone: "danger" },
  "bad-signature": { label: "Bad signature", tone: "danger" },
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

/** Who signed a milestone (issue 14): each person, their part in the step and their key's fingerprint. */
export function Signers({ signers }: { signers?: readonly { role: string; userName: string; fingerprint: string }[] }) {
  if (!signers?.length) return null;
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-slate-700" aria-label="Signed by">
      {signers.map((s) => (
        <li key={`${s.role}-${s.fingerprint}`}>
          Signed by {s.userName} ({s.role === "maker" ? "prepared it" : "took the step"}) · key <span className="font-mono">{s.fingerprint}</span>
        </li>
      ))}
    </ul>
  );
}
