import { Badge } from "@/components/ui/badge";
import { Hash } from "@/components/ui/hash";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";

// The presented documents, each re-hashed from storage by "Verify now" (lib/verify/documents.ts).

export interface DocumentCheckRow {
  documentId: string;
  fileName: string;
  kind: string;
  status: string;
  reason: string;
  storedSha256: string | null;
  recordedSha256: string;
}

export const DOCUMENT_CHECK_LABELS: Record<string, { label: string; tone: "success" | "neutral" | "danger" | "warning" }> = {
  verified: { label: "Verified", tone: "success" },
  altered: { label: "Altered", tone: "danger" },
  missing: { label: "File missing", tone: "danger" },
  "not-anchored": { label: "Not anchored yet", tone: "warning" },
};

export function DocumentCheckBadge({ status }: { status: string }) {
  const entry = DOCUMENT_CHECK_LABELS[status] ?? { label: status, tone: "neutral" as const };
  return <Badge tone={entry.tone}>{entry.label}</Badge>;
}

export function DocumentChecks({ documents }: { documents: DocumentCheckRow[] }) {
  if (documents.length === 0) return <p className="text-sm text-slate-600">No presented documents to re-hash.</p>;
  return (
    <Table aria-label="Presented documents, re-hashed">
      <THead>
        <Tr>
          <Th scope="col">Document</Th>
          <Th scope="col">SHA-256 of the stored file</Th>
          <Th scope="col">Verification</Th>
        </Tr>
      </THead>
      <TBody>
        {documents.map((d) => (
          <Tr key={d.documentId} data-document={d.fileName} data-status={d.status}>
            <Td>
              <div className="font-medium">{d.fileName}</div>
              <div className="text-xs text-slate-500">{d.kind}</div>
            </Td>
            <Td>{d.storedSha256 ? <Hash value={d.storedSha256} /> : "—"}</Td>
            <Td>
              <DocumentCheckBadge status={d.status} />
              {d.status !== "verified" ? <div className="mt-1 max-w-md text-xs break-all text-slate-600">{d.reason}</div> : null}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
