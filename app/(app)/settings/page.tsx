import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { Time } from "@/components/ui/time";
import { listApiTokens } from "@/lib/api/tokens";
import { auditFirms, listGrants } from "@/lib/audit/grants";
import { requireActor } from "@/lib/auth/session";
import { listHolidays } from "@/lib/calendar/holidays";
import { listCredits } from "@/lib/credits/list-credits";
import { canReconcile, latestReconciliation } from "@/lib/reconciliation/reconciliation";
import { ReconciliationPanel } from "@/components/reconciliation/reconciliation-panel";
import { fourEyesSetting } from "@/lib/organizations/four-eyes";
import { removeHolidayAction, revokeAuditAction, revokeTokenAction, setFourEyesAction } from "./actions";
import { AddHolidayForm, CreateTokenForm, GrantAuditForm } from "./forms";

export const metadata: Metadata = { title: "Settings" };

/** The default end of an audit grant: a year, the usual audit cycle. */
const aYearFromToday = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

export default async function SettingsPage() {
  const actor = await requireActor();
  const isBank = actor.organizationKind === "BANK";
  const bankAdmin = isBank && actor.roles.some((r) => r === "ADMIN" || r === "CHECKER");
  const canTokens = isBank || actor.roles.includes("ADMIN");
  const reconciles = canReconcile(actor);
  const fourEyes = isBank ? await fourEyesSetting(actor.organizationId) : true;
  const changesFourEyes = isBank && actor.roles.includes("ADMIN");
  const [tokens, grants, auditors, credits, holidays, reconciliation] = await Promise.all([
    canTokens ? listApiTokens(actor) : [],
    isBank || actor.organizationKind === "AUDITOR" ? listGrants(actor) : [],
    bankAdmin ? auditFirms() : [],
    bankAdmin ? listCredits(actor, {}, 200) : { items: [] },
    isBank ? listHolidays(actor.organizationId) : [],
    reconciles ? latestReconciliation(actor) : null,
  ]);
  return (
    <>
      <PageHeader title="Settings" description={`${actor.name} · ${actor.organizationName} · ${actor.roles.map((r) => r.toLowerCase()).join(", ")}`} />
      <div className="space-y-6">
        {isBank ? (
          <Card>
            <CardHeader>
              <CardTitle>Four eyes</CardTitle>
              <p className="text-sm text-slate-600">
                {fourEyes
                  ? "On: adding or extending confirmation, dismissing a finding, declaring complying, sending the notice of discrepancies, accepting a waiver, refusing and paying each wait for a different user with the checker role (a maker prepares the payment, a checker approves it)."
                  : "Off: your makers' examination decisions and confirmations take effect at once, and one officer (maker or checker) records a payment in one step."}{" "}
                Issuance and amendments always need a maker and a checker.
              </p>
            </CardHeader>
            {changesFourEyes ? (
              <CardBody>
                <form action={setFourEyesAction}>
                  <input type="hidden" name="fourEyes" value={fourEyes ? "off" : "on"} />
                  <SubmitButton variant={fourEyes ? "danger" : "primary"}>{fourEyes ? "Turn four eyes off" : "Turn four eyes on"}</SubmitButton>
                </form>
              </CardBody>
            ) : null}
          </Card>
        ) : null}
        {canTokens ? (
          <Card>
            <CardHeader>
              <CardTitle>API tokens</CardTitle>
              <p className="text-sm text-slate-600">
                For your back office: a token acts as you, with your roles, on <code>/api/v1</code> (see <a className="text-brand-700 underline underline-offset-2 hover:decoration-2" href="/api/v1/openapi.json">the OpenAPI document</a>).
              </p>
            </CardHeader>
            <CardBody className="space-y-4">
              <CreateTokenForm />
              {tokens.length === 0 ? (
                <p className="text-sm text-slate-600">No active token.</p>
              ) : (
                <ul className="divide-y divide-slate-100 text-sm">
                  {tokens.map((t) => (
                    <li key={t.id} className="flex items-center justify-between gap-3 py-2">
                      <span>
                        <span className="font-medium">{t.name}</span> <code className="text-xs text-slate-500">{t.prefix}…</code> · {t.user.name} · created <Time value={t.createdAt} dateOnly />
                        {t.lastUsedAt ? (
                          <>
                            {" "}
                            · last used <Time value={t.lastUsedAt} relative />
                          </>
                        ) : null}
                      </span>
                      <ConfirmDialog trigger="Revoke" title={`Revoke “${t.name}”?`} description="Anything using this token stops working at once." confirmLabel="Revoke token" tone="danger" formAction={revokeTokenAction} hiddenFields={{ tokenId: t.id }} />
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
        ) : null}

        {bankAdmin ? (
          <Card>
            <CardHeader>
              <CardTitle>Audit access</CardTitle>
              <p className="text-sm text-slate-600">Grant an audit firm read-only access to one credit or to all your bank&apos;s credits, for a period. Every use is logged below.</p>
            </CardHeader>
            <CardBody>
              <GrantAuditForm defaultUntil={aYearFromToday()} auditors={auditors} credits={credits.items.map((c) => ({ id: c.id, label: `${c.creditNumber ?? c.reference} — ${c.applicantName} → ${c.beneficiaryName}` }))} />
            </CardBody>
          </Card>
        ) : null}

        {isBank || actor.organizationKind === "AUDITOR" ? (
          <Card>
            <CardHeader>
              <CardTitle>{actor.organizationKind === "AUDITOR" ? "Access granted to your firm" : "Grants"}</CardTitle>
            </CardHeader>
            <CardBody className="p-0">
              {grants.length === 0 ? (
                <EmptyState title="No grants" description={actor.organizationKind === "AUDITOR" ? "A bank must grant your firm access before you can see its credits." : "Your bank has not granted audit access."} />
              ) : (
                <ul className="divide-y divide-slate-100">
                  {grants.map((g) => {
                    const live = !g.revokedAt && g.validFrom <= new Date() && g.validUntil > new Date();
                    return (
                      <li key={g.id} className="space-y-2 px-4 py-3 text-sm">
                        <div className="flex flex-wrap items-center justify-between gap-2">
                          <span>
                            <span className="font-medium">{actor.organizationKind === "AUDITOR" ? g.bank.name : g.auditor.name}</span> ·{" "}
                            {g.credit ? `credit ${g.credit.creditNumber ?? g.credit.reference}` : "all credits"} · until <Time value={g.validUntil} dateOnly />{" "}
                            <Badge tone={live ? "success" : "neutral"}>{g.revokedAt ? "Revoked" : live ? "Active" : "Expired"}</Badge>
                          </span>
                          {bankAdmin && !g.revokedAt ? (
                            <ConfirmDialog trigger="Revoke" title="Revoke this grant?" description="The audit firm loses access immediately." confirmLabel="Revoke access" tone="danger" formAction={revokeAuditAction} hiddenFields={{ grantId: g.id }} />
                          ) : null}
                        </div>
                        {g.uses.length > 0 ? (
                          <details>
                            <summary className="cursor-pointer text-slate-600">Log ({g.uses.length} latest)</summary>
                            <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
                              {g.uses.map((u) => (
                                <li key={u.id}>
                                  <Time value={u.createdAt} /> · {u.action}
                                </li>
                              ))}
                            </ul>
                          </details>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              )}
            </CardBody>
          </Card>
        ) : null}

        {reconciliation ? <ReconciliationPanel latest={reconciliation.latest} current={reconciliation.current} /> : null}

        {isBank ? (
          <Card>
            <CardHeader>
              <CardTitle>Bank holidays</CardTitle>
              <p className="text-sm text-slate-600">Examination deadlines (five banking days, UCP 600 art. 14b) skip weekends and these days.</p>
            </CardHeader>
            <CardBody className="space-y-4">
              {actor.roles.includes("ADMIN") ? <AddHolidayForm /> : null}
              {holidays.length === 0 ? (
                <p className="text-sm text-slate-600">No holiday configured.</p>
              ) : (
                <ul className="divide-y divide-slate-100 text-sm">
                  {holidays.map((h) => (
                    <li key={h.id} className="flex items-center justify-between py-1.5">
                      <span>
                        <Time value={h.date} dateOnly /> — {h.name}
                      </span>
                      {actor.roles.includes("ADMIN") ? (
                        <form action={removeHolidayAction}>
                          <input type="hidden" name="holidayId" value={h.id} />
                          <SubmitButton size="sm" variant="ghost">
                            Remove
                          </SubmitButton>
                        </form>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}
