import type { TermsChange } from "@/lib/terms/diff";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";

/** Fields that changed between two terms versions, in MT700 order, before and after side by side. */
export function ChangesTable({ changes, caption }: { changes: TermsChange[]; caption: string }) {
  if (changes.length === 0) return <p className="text-sm text-slate-600">No field changed.</p>;
  return (
    <Table aria-label={caption}>
      <THead>
        <Tr>
          <Th scope="col" className="w-16">
            Tag
          </Th>
          <Th scope="col">Field</Th>
          <Th scope="col">Before</Th>
          <Th scope="col">After</Th>
        </Tr>
      </THead>
      <TBody>
        {changes.map((change) => (
          <Tr key={change.path}>
            <Td className="font-mono text-xs text-slate-600">{change.tag}</Td>
            <Td className="font-medium">{change.label}</Td>
            <Td className="whitespace-pre-line text-slate-600 line-through decoration-danger-400/60">{change.before || "—"}</Td>
            <Td className="whitespace-pre-line bg-warning-50 font-medium text-slate-900">{change.after || "—"}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
