"use client";

import { Button } from "@/components/ui/button";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import type { ImportProblem, MappedField } from "@/lib/swift/import";

// What the import forms (an MT700, an MT707) show of a pasted message: its problems, each on its
// line with a way to get there, and each field beside the TradeTrail term it becomes.

/** Puts the cursor on a line of the text area, the line selected. */
export function selectLine(area: HTMLTextAreaElement | null, line: number): void {
  if (!area) return;
  const lines = area.value.split("\n");
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  area.focus();
  area.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
}

export function ImportProblems({ problems, onGoToLine, verb = "created" }: { problems: readonly ImportProblem[]; onGoToLine: (line: number) => void; verb?: string }) {
  return (
    <section aria-labelledby="import-problems" data-import-problems="" className="rounded-md border border-danger-200 bg-danger-50 px-3 py-2 text-danger-900">
      <h2 id="import-problems" className="font-medium">
        {problems.length === 1 ? "1 problem" : `${problems.length} problems`}: nothing can be {verb} until {problems.length === 1 ? "it is" : "they are"} fixed
      </h2>
      <ul className="mt-1 space-y-1">
        {problems.map((p, i) => (
          <li key={i} className="flex flex-wrap items-baseline gap-2">
            <span>
              {p.line ? <strong>Line {p.line}</strong> : null}
              {p.line ? " · " : ""}
              {p.message}
            </span>
            {p.line ? (
              <Button size="sm" variant="ghost" onClick={() => onGoToLine(p.line!)} aria-label={`Go to line ${p.line}`}>
                Go to line
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function MappingTable({ mapping }: { mapping: readonly MappedField[] }) {
  return (
    <section aria-labelledby="import-mapping">
      <h2 id="import-mapping" className="mb-2 text-base font-semibold text-slate-900">
        FIN field and TradeTrail term, side by side
      </h2>
      <Table caption="Each field of the message and the TradeTrail term it becomes">
        <THead>
          <Tr>
            <Th scope="col">Line</Th>
            <Th scope="col">FIN field</Th>
            <Th scope="col">As received</Th>
            <Th scope="col">TradeTrail term</Th>
            <Th scope="col">TradeTrail holds</Th>
          </Tr>
        </THead>
        <TBody>
          {mapping.map((m) => (
            <Tr key={`${m.tag}-${m.line}`}>
              <Td numeric>{m.line}</Td>
              <Td>{m.name}</Td>
              <Td className="whitespace-pre-wrap font-mono text-xs">{m.value}</Td>
              <Td>{m.term ?? <span className="text-slate-500">Not kept</span>}</Td>
              <Td className="whitespace-pre-wrap">{m.held}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
    </section>
  );
}
