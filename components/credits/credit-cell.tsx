import { RowLink } from "@/components/ui/row-link";
import { Td } from "@/components/ui/table";

/** A table's first cell: the credit's name linking to it, with its TT- reference under a credit number when given. */
export function CreditCell({ id, label, reference }: { id: string; label: string; reference?: string }) {
  return (
    <Td>
      <RowLink href={`/credits/${id}`} strong>
        {label}
      </RowLink>
      {reference ? <div className="text-xs text-slate-500">{reference}</div> : null}
    </Td>
  );
}
