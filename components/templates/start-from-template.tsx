import Link from "next/link";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import type { TemplateSummary } from "@/lib/templates/find-terms-templates";
import { DeleteTemplateButton } from "./delete-template-button";

/**
 * "Start from template" on the New credit page: the organisation's saved terms, each a link that
 * reloads the form filled with them (the server loads the template, for this organisation only).
 */
export function StartFromTemplate({ templates, current }: { templates: TemplateSummary[]; current?: string }) {
  return (
    <Card className="mb-6">
      <CardHeader>
        <CardTitle>Start from template</CardTitle>
      </CardHeader>
      <CardBody>
        {templates.length === 0 ? (
          <p className="text-sm text-slate-600">No templates yet. Open one of your credits and use “Save as template” under its terms.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Your organisation's templates">
            {templates.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <div className="min-w-0">
                  <Link href={`/credits/new?template=${t.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline" aria-current={t.id === current ? "true" : undefined}>
                    {t.name}
                  </Link>
                  <span className="ml-2 text-sm text-slate-600">
                    {t.currency && t.amount ? <Money currency={t.currency} amount={t.amount} /> : null}
                    {t.beneficiary ? ` · ${t.beneficiary}` : ""}
                  </span>
                  {t.id === current ? <span className="ml-2 text-xs font-semibold text-success-700">in the form below</span> : null}
                </div>
                <DeleteTemplateButton templateId={t.id} name={t.name} />
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
