import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { SubmitButton } from "@/components/ui/submit-button";
import { Time, formatUtcDate, formatUtcDateTime } from "@/components/ui/time";
import { listApiTokens } from "@/lib/api/tokens";
import { webhookOverview } from "@/lib/webhooks/subscriptions";
import { auditFirms, listGrants } from "@/lib/audit/grants";
import { requireActor } from "@/lib/auth/session";
import { describeUserAgent } from "@/lib/auth/user-agent";
import { SESSION_MAX_HOURS, listMembersWithSessions, listSessions } from "@/lib/auth/user-sessions";
import { config } from "@/lib/config";
import { listHolidays } from "@/lib/calendar/holidays";
import { listCredits } from "@/lib/credits/list-credits";
import { canReconcile, latestReconciliation } from "@/lib/reconciliation/reconciliation";
import { ReconciliationPanel } from "@/components/reconciliation/reconciliation-panel";
import { fourEyesSetting } from "@/lib/organizations/four-eyes";
import { signMilestonesSetting } from "@/lib/organizations/sign-milestones";
import { bankingHoursSetting } from "@/lib/organizations/banking-hours";
import { manualRulesSetting } from "@/lib/organizations/examination-rules";
import { RULE_IDS, RULE_TITLES } from "@/lib/examination/catalogue";
import { listPasskeys } from "@/lib/passkeys/list-passkeys";
import { relyingParty } from "@/lib/passkeys/relying-party";
import { isAppError } from "@/lib/errors";
import { approveAuditAction, resetPasskeysAction, revokePasskeyAction, deactivateMemberAction, endMemberSessionsAction, endOtherSessionsAction, revokeInvitationAction, unlockMemberAction, removeHolidayAction, revokeAuditAction, revokeTokenAction, setFourEyesAction, setSignMilestonesAction, deleteWebhookAction } from "./actions";
import { AddApiSigningKeyForm, AddPasskeyForm, AddHolidayForm, BankingHoursForm, ManualRulesForm, CreateTokenForm, CreateWebhookForm, EmailPreferenceForm, EndSessionForm, GrantAuditForm, InviteMemberForm, MemberRolesForm } from "./forms";
import { emailPreference } from "@/lib/email/notifications";
import { type AdminAction, listAdminEvents } from "@/lib/organizations/admin-log";
import { listInvitations } from "@/lib/organizations/members";

const ADMIN_ACTION_LABELS: Record<AdminAction, string> = {
  invite: "invited",
  "invitation-revoked": "withdrew the invitation of",
  "invitation-accepted": "accepted the invitation:",
  "roles-changed": "changed the roles of",
  "member-deactivated": "removed",
  "member-unlocked": "unlocked the sign-in of",
  "sessions-ended": "ended the sessions of",
  "token-created": "created the API token",
  "token-revoked": "revoked the API token",
  "webhook-created": "added the webhook",
  "webhook-deleted": "deleted the webhook",
  "four-eyes-changed": "set four eyes",
  "signed-steps-changed": "set signed steps",
  "banking-hours-changed": "set the banking hours to",
  "examination-rules-changed": "set the automatic checks:",
  "organization-onboarded": "onboarded",
  "administrator-invited": "invited as administrator",
  "passkey-added": "added a passkey:",
  "passkey-revoked": "revoked a passkey:",
  "passkeys-reset": "reset the passkeys of",
};

export const metadata: Metadata = { title: "Settings" };

/** The default end of an audit grant: a year, the usual audit cycle. */
const aYearFromToday = () => new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

const idlePeriod = (minutes: number) =>
  minutes === 60 ? "an hour" : minutes % 60 === 0 ? `${minutes / 60} hours` : `${minutes} minute${minutes === 1 ? "" : "s"}`;

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ passkey?: string }> }) {
  const actor = await requireActor();
  const passkeyRequired = (await searchParams).passkey === "required";
  const isBank = actor.organizationKind === "BANK";
  const bankAdmin = isBank && actor.roles.some((r) => r === "ADMIN" || r === "CHECKER");
  const isAuditor = actor.organizationKind === "AUDITOR";
  const canTokens = isBank || isAuditor || actor.roles.includes("ADMIN");
  const reconciles = canReconcile(actor);
  const fourEyes = isBank ? await fourEyesSetting(actor.organizationId) : true;
  const hours = isBank ? await bankingHoursSetting(actor.organizationId) : null;
  const manual = isBank ? await manualRulesSetting(actor.organizationId) : [];
  const changesFourEyes = isBank && actor.roles.includes("ADMIN");
  const signsSteps = isBank || actor.organizationKind === "CORPORATE";
  const signedSteps = signsSteps ? await signMilestonesSetting(actor.organizationId) : false;
  const isAdmin = actor.roles.includes("ADMIN");
  // A demo or development server: its users may try passkeys on a machine without an authenticator of its own.
  const demoMode = config().SEED_DEMO || config().NODE_ENV === "development";
  let passkeyOrigin: string | null = null;
  let passkeysUnavailable: string | undefined;
  try {
    passkeyOrigin = relyingParty().origins[0] ?? null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    passkeysUnavailable = error.message;
  }
  const webhooks = isAdmin ? await webhookOverview(actor) : [];
  const [passkeys, emailChoice, sessions, members, invitations, adminLog, tokens, grants, auditors, credits, holidays, reconciliation] = await Promise.all([
    listPasskeys(actor),
    emailPreference(actor.userId),
    listSessions(actor),
    listMembersWithSessions(actor),
    listInvitations(actor),
    isAdmin ? listAdminEvents(actor.organizationId) : [],
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
        <Card>
          <CardHeader>
            <CardTitle>E-mail</CardTitle>
            <p className="text-sm text-slate-600">Every e-mail links to the credit it is about. Sign-in and password e-mails always come.</p>
          </CardHeader>
          <CardBody>
            <EmailPreferenceForm current={emailChoice} />
          </CardBody>
        </Card>

        <Card id="passkeys">
          <CardHeader>
            <CardTitle>Passkeys</CardTitle>
            {passkeyRequired || (signedSteps && passkeys.length === 0) ? (
              <Alert tone="warning" title="Add a passkey to take any step">
                {actor.organizationName} requires every step on a credit to be signed with the passkey of the person who takes it. Add a passkey below; until then you can read credits but not act on them.
                {demoMode ? (
                  <>
                    {" "}
                    No platform authenticator on this machine? In Chrome, open DevTools → More tools → WebAuthn, tick &ldquo;Enable virtual authenticator environment&rdquo;, then add an authenticator with &ldquo;Supports resident keys&rdquo; and &ldquo;Supports user verification&rdquo; ticked.
                  </>
                ) : null}
              </Alert>
            ) : null}
            <p className="text-sm text-slate-600">Sign in with your device&apos;s screen lock or a security key instead of your password. A passkey never leaves your device. Revoke one you lose at once.</p>
          </CardHeader>
          <CardBody className="space-y-4">
            <AddPasskeyForm origin={passkeyOrigin} unavailable={passkeysUnavailable} />
            <details className="text-sm">
              <summary className="cursor-pointer text-slate-700">API signing key, for steps your back office takes through the API</summary>
              <div className="mt-3">
                <AddApiSigningKeyForm />
              </div>
            </details>
            {passkeys.length === 0 ? (
              <p className="text-sm text-slate-600">You have no passkey yet.</p>
            ) : (
              <ul aria-label="Your passkeys" className="divide-y divide-slate-100 text-sm">
                {passkeys.map((p) => (
                  <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                    <span>
                      <span className="font-medium">{p.name}</span> · added <Time value={p.createdAt} /> · {p.lastUsedAt ? <>last used <Time value={p.lastUsedAt} relative /></> : "never used"}
                      {p.synced ? (
                        <>
                          {" "}
                          <Badge tone="neutral">Synced</Badge>
                        </>
                      ) : null}
                    </span>
                    <ConfirmDialog
                      trigger={`Revoke ${p.name}`}
                      title={`Revoke the passkey “${p.name}”?`}
                      description="It signs nobody in from now on. Your sessions stay signed in; end them below if the device is lost."
                      confirmLabel="Revoke passkey"
                      tone="danger"
                      formAction={revokePasskeyAction}
                      hiddenFields={{ passkeyId: p.id }}
                    />
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Sessions</CardTitle>
            <p className="text-sm text-slate-600">Where you are signed in. A session ends when you sign out, after {idlePeriod(config().SESSION_IDLE_MINUTES)} unused, and always {SESSION_MAX_HOURS} hours after signing in. End any you do not recognise, then change your password.</p>
          </CardHeader>
          <CardBody className="space-y-4">
            <ul aria-label="Your sessions" className="divide-y divide-slate-100 text-sm">
              {sessions.map((s) => {
                const device = describeUserAgent(s.userAgent);
                return (
                  <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                    <span>
                      <span className="font-medium" title={s.userAgent ?? undefined}>
                        {device}
                      </span>
                      {s.ip ? <span className="text-slate-500"> · {s.ip}</span> : null} · signed in <Time value={s.signedInAt} /> · last seen <Time value={s.lastSeenAt} relative />{" "}
                      {s.current ? <Badge tone="success">This session</Badge> : null}
                    </span>
                    {s.current ? null : <EndSessionForm sessionId={s.id} label={`${device}, signed in ${formatUtcDateTime(s.signedInAt)}`} />}
                  </li>
                );
              })}
            </ul>
            {sessions.some((s) => !s.current) ? (
              <ConfirmDialog
                trigger="End all other sessions"
                title="End all your other sessions?"
                description="Every other browser signed in as you is signed out at once. This session stays signed in."
                confirmLabel="End other sessions"
                tone="danger"
                formAction={endOtherSessionsAction}
              />
            ) : (
              <p className="text-sm text-slate-600">You are signed in nowhere else.</p>
            )}
          </CardBody>
        </Card>

        {members.length > 0 ? (
          <Card>
            <CardHeader>
              <CardTitle>Members</CardTitle>
              <p className="text-sm text-slate-600">
                As an administrator of {actor.organizationName}: invite people by e-mail, set their roles, remove them, unlock a sign-in, or sign someone out everywhere (a lost device).
                A change of roles or password signs the member out by itself. Every change is in the log below.
              </p>
            </CardHeader>
            <CardBody className="space-y-6">
              <InviteMemberForm />
              {invitations.length > 0 ? (
                <ul aria-label="Pending invitations" className="divide-y divide-slate-100 text-sm">
                  {invitations.map((i) => (
                    <li key={i.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                      <span>
                        <span className="font-medium">{i.email}</span> · invited as {i.roles.map((r) => r.toLowerCase()).join(", ")} · the link works until <Time value={i.expiresAt} />
                      </span>
                      <ConfirmDialog trigger="Withdraw" title={`Withdraw the invitation to ${i.email}?`} description="The link in the e-mail stops working at once." confirmLabel="Withdraw" tone="danger" formAction={revokeInvitationAction} hiddenFields={{ invitationId: i.id }} />
                    </li>
                  ))}
                </ul>
              ) : null}
              <ul aria-label="Members of your organisation" className="divide-y divide-slate-100 text-sm">
                {members.map((m) => (
                  <li key={m.userId} className="space-y-2 py-3">
                    <div className="flex flex-wrap items-center justify-between gap-3">
                      <span>
                        <span className="font-medium">{m.name}</span> <span className="text-slate-500">{m.email}</span> · {m.liveSessions === 0 ? "not signed in" : `${m.liveSessions} active session${m.liveSessions === 1 ? "" : "s"}`}
                        {m.lockedUntil ? (
                          <>
                            {" "}
                            <Badge tone="danger">Sign-in locked until {formatUtcDateTime(m.lockedUntil)}</Badge>
                          </>
                        ) : null}
                      </span>
                      <span className="flex flex-wrap gap-2">
                        {m.lockedUntil ? (
                          <ConfirmDialog
                            trigger={`Unlock ${m.name}`}
                            title={`Unlock ${m.name}'s sign-in?`}
                            description="Wrong passwords locked this account. Unlock it once you know the attempts were theirs, or that they have a new password: the locks on every network are lifted."
                            confirmLabel="Unlock"
                            formAction={unlockMemberAction}
                            hiddenFields={{ userId: m.userId }}
                          />
                        ) : null}
                        {m.passkeys > 0 && m.userId !== actor.userId ? (
                          <ConfirmDialog
                            trigger={`Reset ${m.name}'s passkeys`}
                            title={`Reset ${m.name}'s passkeys?`}
                            description="Every passkey of this member is revoked and their sessions end: for a lost or stolen device. They sign in with their password and add a new passkey."
                            confirmLabel="Reset passkeys"
                            tone="danger"
                            formAction={resetPasskeysAction}
                            hiddenFields={{ userId: m.userId }}
                          />
                        ) : null}
                        {m.liveSessions > 0 && m.userId !== actor.userId ? (
                          <ConfirmDialog
                            trigger={`End ${m.name}'s sessions`}
                            title={`Sign ${m.name} out everywhere?`}
                            description="Every session of this member ends at once; they can sign in again with their password."
                            confirmLabel="End their sessions"
                            tone="danger"
                            formAction={endMemberSessionsAction}
                            hiddenFields={{ userId: m.userId }}
                          />
                        ) : null}
                        {m.userId !== actor.userId ? (
                          <ConfirmDialog
                            trigger={`Remove ${m.name}`}
                            title={`Remove ${m.name} from ${actor.organizationName}?`}
                            description="Their sessions end at once and they can no longer sign in to your organisation. What they did stays in the credits' trails."
                            confirmLabel="Remove member"
                            tone="danger"
                            formAction={deactivateMemberAction}
                            hiddenFields={{ userId: m.userId }}
                          />
                        ) : null}
                      </span>
                    </div>
                    <MemberRolesForm userId={m.userId} name={m.name} roles={m.roles} />
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        ) : null}

        {adminLog.length > 0 ? (
          <Card>
            <CardHeader>
              <CardTitle>Administrative log</CardTitle>
              <p className="text-sm text-slate-600">Every change to who may do what in {actor.organizationName}, newest first. Nobody can edit it.</p>
            </CardHeader>
            <CardBody>
              <ul aria-label="Administrative log" className="space-y-1 text-sm text-slate-700">
                {adminLog.map((e) => (
                  <li key={e.id}>
                    <Time value={e.createdAt} /> · {e.actor} · {ADMIN_ACTION_LABELS[e.action] ?? e.action} · {e.subject}
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        ) : null}

        {signsSteps ? (
          <Card>
            <CardHeader>
              <CardTitle>Signed steps</CardTitle>
              <p className="text-sm text-slate-600">
                {signedSteps
                  ? "On: every step on a credit your organisation takes part in is signed by the passkey of the person who takes it (a maker's preparation and a checker's approval each by their own), and each signature is anchored with the step. Every member needs a passkey to act."
                  : "Off: steps are recorded and anchored, but not signed by the people who take them; who agreed rests on TradeTrail's records."}{" "}
                A credit decides when its terms are first agreed, and keeps to it.
              </p>
            </CardHeader>
            {isAdmin ? (
              <CardBody>
                <form action={setSignMilestonesAction}>
                  <input type="hidden" name="signMilestones" value={signedSteps ? "off" : "on"} />
                  <SubmitButton variant={signedSteps ? "danger" : "primary"}>{signedSteps ? "Stop requiring signed steps" : "Require signed steps"}</SubmitButton>
                </form>
              </CardBody>
            ) : null}
          </Card>
        ) : null}

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
        {isBank ? (
          <Card>
            <CardHeader>
              <CardTitle>Automatic examination</CardTitle>
              <p className="text-sm text-slate-600">
                Each presentation is examined by TradeTrail&apos;s checks as it arrives. A check your examiners make by hand hands what it finds to them as a point to check; it never goes into a notice by itself.{" "}
                {manual.length === 0 ? "Every check is automatic now." : `${manual.length} ${manual.length === 1 ? "check is" : "checks are"} made by hand now.`}
              </p>
            </CardHeader>
            <CardBody>
              {changesFourEyes ? (
                <ManualRulesForm rules={RULE_IDS.map((id) => ({ id, title: RULE_TITLES[id] }))} manual={manual} />
              ) : (
                <ul className="list-disc space-y-1 pl-5 text-sm" aria-label="Checks made by hand">
                  {manual.map((id) => (
                    <li key={id}>{RULE_TITLES[id as keyof typeof RULE_TITLES] ?? id}</li>
                  ))}
                </ul>
              )}
            </CardBody>
          </Card>
        ) : null}
        {hours ? (
          <Card>
            <CardHeader>
              <CardTitle>Banking hours for presentations</CardTitle>
              <p className="text-sm text-slate-600">
                Presentations made to your bank are dated by your calendar: {hours.timeZone}
                {hours.cutOff ? `, and those received after ${hours.cutOff} count on your next banking day` : ", with no cut-off time"}. A day your bank is closed (a weekend, a holiday below) counts as the next banking day (UCP 600 art. 33).
              </p>
            </CardHeader>
            {changesFourEyes ? (
              <CardBody>
                <BankingHoursForm timeZone={hours.timeZone} cutOff={hours.cutOff ?? ""} timeZones={Intl.supportedValuesOf("timeZone")} />
              </CardBody>
            ) : null}
          </Card>
        ) : null}
        {canTokens ? (
          <Card>
            <CardHeader>
              <CardTitle>API tokens</CardTitle>
              <p className="text-sm text-slate-600">
                For your back office: a token acts as you, with your roles, on <code>/api/v1</code>, within what it may do and until it expires (see <a className="text-brand-700 underline underline-offset-2 hover:decoration-2" href="/api/v1/openapi.json">the OpenAPI document</a>).
              </p>
            </CardHeader>
            <CardBody className="space-y-4">
              <CreateTokenForm canAct={actor.roles.includes("ADMIN") && !isAuditor} readOnly={isAuditor} />
              {tokens.length === 0 ? (
                <p className="text-sm text-slate-600">No active token.</p>
              ) : (
                <ul aria-label="Active API tokens" className="divide-y divide-slate-100 text-sm">
                  {tokens.map((t) => (
                    <li key={t.id} className="flex items-center justify-between gap-3 py-2">
                      <span>
                        <span className="font-medium">{t.name}</span> <code className="text-xs text-slate-500">{t.prefix}…</code> · {t.user.name} · {t.scopes.join(", ")} · created <Time value={t.createdAt} dateOnly /> · expires <Time value={t.expiresAt} dateOnly />
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

        {isAdmin ? (
          <Card>
            <CardHeader>
              <CardTitle>Webhooks</CardTitle>
              <p className="text-sm text-slate-600">
                TradeTrail posts the events of your credits to your systems as they happen, signed with the webhook&apos;s secret, and retries until they are accepted (docs/API.md, Webhooks). The same events are in the feed at <code>/api/v1/events</code>.
              </p>
            </CardHeader>
            <CardBody className="space-y-4">
              <CreateWebhookForm />
              {webhooks.length === 0 ? (
                <p className="text-sm text-slate-600">No webhook.</p>
              ) : (
                <ul aria-label="Webhooks" className="divide-y divide-slate-100 text-sm">
                  {webhooks.map((w) => (
                    <li key={w.id} className="flex items-start justify-between gap-3 py-2">
                      <span className="min-w-0">
                        <span className="break-all font-medium">{w.url}</span>
                        {w.description ? <> · {w.description}</> : null} · {w.eventTypes.join(", ")}
                        <span className="block text-slate-600">
                          {w.delivered} delivered · {w.pending} waiting · {w.failed} failed
                          {w.lastError ? (
                            <>
                              {" "}
                              · last error <Time value={w.lastError.createdAt} relative />: {w.lastError.error}
                            </>
                          ) : null}
                        </span>
                      </span>
                      <ConfirmDialog trigger="Delete" title={`Delete the webhook to ${w.url}?`} description="Its events not yet delivered are not sent, and its delivery log is deleted. The event feed keeps every event." confirmLabel="Delete webhook" tone="danger" formAction={deleteWebhookAction} hiddenFields={{ subscriptionId: w.id }} />
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
                    const pending = !g.revokedAt && !g.approvedAt;
                    const live = !g.revokedAt && !pending && g.validFrom <= new Date() && g.validUntil > new Date();
                    return (
                      <li key={g.id} className="space-y-2 px-4 py-3 text-sm">
                        <div className="flex flex-wrap items-center justify-between gap-2">
                          <span>
                            <span className="font-medium">{actor.organizationKind === "AUDITOR" ? g.bank.name : g.auditor.name}</span> ·{" "}
                            {g.credit ? `credit ${g.credit.creditNumber ?? g.credit.reference}` : "all credits"} · until <Time value={g.validUntil} dateOnly />{" "}
                            <Badge tone={live ? "success" : pending ? "warning" : "neutral"}>{g.revokedAt ? "Revoked" : pending ? "Waiting for a second approver" : live ? "Active" : g.validFrom > new Date() ? "Not yet started" : "Expired"}</Badge>
                          </span>
                          {bankAdmin && pending && g.grantedById !== actor.userId ? (
                            <ConfirmDialog
                              trigger="Approve"
                              title="Give this firm access to all your credits?"
                              description={`${g.auditor.name} will read every credit your bank is party to, with its documents and trail, until ${formatUtcDate(g.validUntil)}. Every use is logged.`}
                              confirmLabel="Approve access"
                              formAction={approveAuditAction}
                              hiddenFields={{ grantId: g.id }}
                            />
                          ) : null}
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
