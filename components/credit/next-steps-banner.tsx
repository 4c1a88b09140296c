import Link from "next/link";
import type { CreditDetail } from "@/lib/credits/get-credit";
import { NEXT_STEPS_ANCHOR, itemHref } from "@/lib/credits/links";
import { awaitedOf } from "@/lib/credits/next-steps";
import { actionRule } from "@/lib/lifecycle/definition";
import { ActionButtons } from "./action-bar";

// "What you can do now", at the top of the credit page: the credit's own steps as buttons, and
// each step waiting for this user on an amendment or a presentation as a link to that item. All
// of it comes from the actions authorize.ts allowed when the credit was loaded (get-credit.ts).

export function NextStepsBanner({ credit }: { credit: CreditDetail }) {
  const itemSteps = [
    ...credit.amendments.flatMap((a) => awaitedOf(a.actions).map((action) => ({ key: `${a.id}-${action}`, item: `Amendment ${a.number}`, label: actionRule(action).label, href: itemHref(credit.id, "amendment", a.id) }))),
    ...credit.presentations.flatMap((p) =>
      awaitedOf(p.actions, p.findings.filter((f) => !f.dismissed).length).map((action) => ({
        key: `${p.id}-${action}`,
        item: `Presentation ${p.number}`,
        label: actionRule(action).label,
        href: itemHref(credit.id, "presentation", p.id),
      })),
    ),
  ];
  const buttons = [...credit.actions, ...credit.createActions];
  if (buttons.length === 0 && itemSteps.length === 0) return null;
  return (
    <section id={NEXT_STEPS_ANCHOR} aria-label="What you can do now" className="mb-6 scroll-mt-4 rounded-lg border border-brand-200 bg-brand-50/40 p-4">
      <h2 className="mb-3 text-sm font-semibold text-brand-900">What you can do now</h2>
      {buttons.length > 0 ? <ActionButtons credit={credit} actions={buttons} /> : null}
      {itemSteps.length > 0 ? (
        <ul className={`space-y-1 text-sm ${buttons.length > 0 ? "mt-3" : ""}`} aria-label="Steps waiting for you on this credit's items">
          {itemSteps.map((step) => (
            <li key={step.key}>
              <Link href={step.href} className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900">
                {step.item}: {step.label}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
