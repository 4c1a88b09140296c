import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import {
  type ActingUser,
  type ActionFacts,
  availableCreateActions,
  availableCreditActions,
  availableSubjectActions,
  visiblePartiesOf,
} from "@/lib/lifecycle/authorize";
import type { ActionName, Party } from "@/lib/lifecycle/definition";
import { type TermsChange, diffTerms } from "@/lib/terms/diff";
import { type Terms, storedTermsSchema } from "@/lib/terms/schema";
import { canAuditorSee } from "./audit-access";
import { type Reader, readsDocument, readsEvent, readsFindings, readsPresentation } from "./read-rules";
import { isUuid } from "@/lib/ids";

// Everything the credit page (and the API's credit resource) shows, for one actor: only what
// that actor may see, and the actions the lifecycle allows them now.

export type CreditDetail = NonNullable<Awaited<ReturnType<typeof getCredit>>>;

const parse = (terms: unknown): Terms => storedTermsSchema.parse(terms);

export async function getCredit(actor: Actor, creditId: string, options: { markSeen?: boolean } = {}) {
  if (!isUuid(creditId)) throw notFound("The credit");
  const credit = await db().credit.findUnique({
    where: { id: creditId },
    include: {
      applicant: true,
      beneficiary: true,
      issuingBank: true,
      advisingBank: true,
      confirmingBank: true,
      termsVersions: { orderBy: { number: "asc" } },
      amendments: { orderBy: { number: "desc" } },
      presentations: {
        orderBy: { number: "desc" },
        include: { documents: { orderBy: { createdAt: "asc" } }, findings: { orderBy: { createdAt: "asc" } }, payments: true, corrections: { orderBy: { createdAt: "asc" } }, representationRequests: { orderBy: { requestedAt: "asc" } } },
      },
      approvals: { where: { status: "PENDING" } },
      milestones: { orderBy: { seq: "asc" }, include: { batch: true } },
      events: { orderBy: { createdAt: "asc" } },
      messages: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!credit) throw notFound("The credit");
  const parties = actor.organizationKind === "AUDITOR" ? [] : visiblePartiesOf(actor.organizationId, credit);
  const auditing = actor.organizationKind === "AUDITOR" && (await canAuditorSee(actor, credit.id));
  if (parties.length === 0 && !auditing) throw notFound("The credit");

  const reader: Reader = { parties, auditing };
  // A pending approval is its bank's own workflow: shown only to the organisation of its maker.
  const bankIds = [credit.issuingBankId, credit.advisingBankId, ...(credit.confirmingBankId ? [credit.confirmingBankId] : [])];
  const makerOrgs = credit.approvals.length
    ? await db().membership.findMany({ where: { userId: { in: credit.approvals.map((a) => a.makerId) }, organizationId: { in: bankIds } }, select: { userId: true, organizationId: true } })
    : [];
  const ownApprovals = credit.approvals.filter((a) => makerOrgs.some((m) => m.userId === a.makerId && m.organizationId === actor.organizationId));
  const events = credit.events.filter((e) => readsEvent(reader, actor.organizationId, e));

  const userIds = new Set<string>();
  for (const v of credit.termsVersions) userIds.add(v.authorId);
  for (const e of events) if (e.actorId) userIds.add(e.actorId);
  for (const m of credit.messages) userIds.add(m.authorId);
  for (const a of ownApprovals) userIds.add(a.makerId);
  for (const m of credit.milestones) if (m.actorId) userIds.add(m.actorId);
  for (const p of credit.presentations) for (const f of p.findings) if (f.dismissedById) userIds.add(f.dismissedById);
  for (const p of credit.presentations) for (const c of p.corrections) userIds.add(c.correctedById);
  const [users, orgs] = await Promise.all([
    db().user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } }),
    db().organization.findMany({
      where: { id: { in: [credit.applicantId, credit.beneficiaryId, credit.issuingBankId, credit.advisingBankId, ...(credit.confirmingBankId ? [credit.confirmingBankId] : [])] } },
      select: { id: true, name: true },
    }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));

  const versions = credit.termsVersions.map((v) => ({ ...v, parsed: parse(v.terms) }));
  const byId = new Map(versions.map((v) => [v.id, v]));
  const current = credit.currentTermsId ? byId.get(credit.currentTermsId) ?? null : null;

  // What changed since this user last looked, and by whom.
  let sinceLastSeen: { fromNumber: number; changes: TermsChange[]; by: string[] } | null = null;
  const seen = await db().creditView.findUnique({ where: { creditId_userId: { creditId, userId: actor.userId } } });
  // Only versions someone else wrote after this user's own latest one count: whoever writes a
  // version has seen the terms it starts from (bug 9: the author was shown their change as news).
  const unseen = seen && current ? versions.filter((v) => v.number > seen.termsNumber && v.number <= current.number) : [];
  const lastOwn = Math.max(0, ...unseen.filter((v) => v.authorId === actor.userId).map((v) => v.number));
  const byOthers = unseen.filter((v) => v.number > lastOwn && v.authorId !== actor.userId);
  if (current && seen && seen.termsNumber < current.number && byOthers.length > 0) {
    const from = versions.find((v) => v.number === seen.termsNumber);
    if (from) {
      const authors = byOthers.map((v) => `${userName.get(v.authorId) ?? "Someone"} (${orgName.get(v.authorOrgId) ?? "another party"})`);
      sinceLastSeen = { fromNumber: from.number, changes: diffTerms(from.parsed, current.parsed), by: [...new Set(authors)] };
    }
  }
  if (options.markSeen && current && !auditing) {
    await db().creditView.upsert({
      where: { creditId_userId: { creditId, userId: actor.userId } },
      update: { termsNumber: current.number, viewedAt: new Date() },
      create: { creditId, userId: actor.userId, termsNumber: current.number },
    });
  }

  const acting: ActingUser = actor;
  // The approval awaiting a checker on the credit itself or on one subject (at most one each).
  const pendingOn = (subjectId: string | null) => {
    const approval = credit.approvals.find((a) => a.subjectId === subjectId);
    return approval ? { kind: approval.kind, makerId: approval.makerId } : null;
  };
  const myOrg = await db().organization.findUnique({ where: { id: actor.organizationId }, select: { fourEyes: true } });
  // The acting organisation's setting: which payment step a bank's officers are offered.
  const fourEyes = myOrg?.fourEyes ?? true;
  const facts: ActionFacts = { credit, pending: pendingOn(null), fourEyes };
  const readOnly = auditing || actor.roles.every((r) => r === "VIEWER");
  const allowed = (names: ActionName[]) => (readOnly ? [] : names);

  return {
    id: credit.id,
    reference: credit.reference,
    creditNumber: credit.creditNumber,
    status: credit.status,
    version: credit.version,
    currency: credit.currency,
    amount: credit.amount.toString(),
    drawnAmount: credit.drawnAmount.toString(),
    expiryDate: credit.expiryDate,
    confirmed: credit.confirmed,
    bankConditions: credit.bankConditions,
    returnReason: credit.returnReason,
    createdAt: credit.createdAt,
    updatedAt: credit.updatedAt,
    issuedAt: credit.issuedAt,
    parties: {
      applicant: credit.applicant,
      beneficiary: credit.beneficiary,
      issuingBank: credit.issuingBank,
      advisingBank: credit.advisingBank,
      confirmingBank: credit.confirmingBank,
    } satisfies Record<Party, unknown>,
    myParties: parties,
    auditing,
    terms: current?.parsed ?? null,
    currentVersion: current?.number ?? null,
    agreedVersion: credit.agreedTermsId ? byId.get(credit.agreedTermsId)?.number ?? null : null,
    sinceLastSeen,
    versions: versions.map((v) => ({
      id: v.id,
      number: v.number,
      author: userName.get(v.authorId) ?? "Unknown user",
      authorOrg: orgName.get(v.authorOrgId) ?? "Unknown organisation",
      createdAt: v.createdAt,
      comment: v.comment,
      termsHash: v.termsHash,
      changes: v.parentId && byId.get(v.parentId) ? diffTerms(byId.get(v.parentId)!.parsed, v.parsed) : [],
    })),
    pendingApprovals: ownApprovals.map((a) => ({ id: a.id, kind: a.kind, subjectId: a.subjectId, maker: userName.get(a.makerId) ?? "Unknown user", makerId: a.makerId, payload: a.payload, createdAt: a.createdAt })),
    /** The acting user's organisation works under four eyes (its makers' steps wait for a checker). */
    fourEyes,
    amendments: credit.amendments.map((a) => {
      const base = byId.get(a.baseTermsId);
      const proposed = a.proposedTermsId ? byId.get(a.proposedTermsId) : undefined;
      return {
        id: a.id,
        number: a.number,
        status: a.status,
        version: a.version,
        cancellation: a.cancellation,
        confirmationExtended: a.confirmationExtended,
        note: a.note,
        reason: a.reason,
        createdAt: a.createdAt,
        issuedAt: a.issuedAt,
        decidedAt: a.decidedAt,
        changes: base && proposed ? diffTerms(base.parsed, proposed.parsed) : [],
        actions: allowed(availableSubjectActions(acting, "amendment", { credit, subjectState: a.status, pending: pendingOn(a.id), fourEyes })),
      };
    }),
    presentations: credit.presentations.filter((p) => readsPresentation(reader, p.status)).map((p) => ({
      id: p.id,
      number: p.number,
      status: p.status,
      version: p.version,
      presentedAt: p.presentedAt,
      examinationDeadline: p.examinationDeadline,
      examinedAt: p.examinedAt,
      decisionNote: p.decisionNote,
      documentDisposal: p.documentDisposal,
      presentedOn: p.presentedOn,
      // eUCP v2.1 (docs/EUCP.md): presentedOn is then the day of the notice of completeness.
      eucp: p.eucp,
      // eUCP art. e12: the records the examining bank asked for again, and whether they came.
      representationRequests: p.representationRequests.map((r) => ({ id: r.id, documentId: r.documentId, reason: r.reason, requestedAt: r.requestedAt, suspendedOn: r.suspendedOn, dueOn: r.dueOn, representedAt: r.representedAt, representedOn: r.representedOn, replacementId: r.replacementId })),
      // Art. 15(c): when the nominated or confirming bank forwarded the documents, and the issuing bank's own deadline (art. 14(b)).
      forwardedAt: p.forwardedAt,
      issuerExaminationDeadline: p.issuerExaminationDeadline,
      claimedAmount: p.claimedAmount?.toString() ?? null,
      documents: p.documents.filter(() => readsDocument(reader, p.status)).map((d) => ({ id: d.id, kind: d.kind, fileName: d.fileName, mediaType: d.mediaType, size: Number(d.size), sha256: d.sha256, data: d.data as Record<string, unknown>, originals: d.originals, copies: d.copies, createdAt: d.createdAt, medium: d.medium, receivedAtCounterOn: d.receivedAtCounterOn })),
      // Corrections of captured data (who, what, why), read as the findings are.
      corrections:
        readsFindings(reader, p.status, p.examiningBankId === actor.organizationId) === "all"
          ? p.corrections.map((c) => ({ id: c.id, documentId: c.documentId, field: c.field, before: c.before, after: c.after, reason: c.reason, by: userName.get(c.correctedById) ?? "A former member", at: c.createdAt }))
          : [],
      // What the automatic checks could not decide: for whoever reads every finding (the examining bank).
      checkByHand: readsFindings(reader, p.status, p.examiningBankId === actor.organizationId) === "all" ? (p.checkByHand as unknown as CheckByHand[]) : [],
      findings: visibleFindings(p.findings, readsFindings(reader, p.status, p.examiningBankId === actor.organizationId)).map((f) => ({ id: f.id, documentId: f.documentId, rule: f.rule, article: f.article, message: f.message, found: f.found, expected: f.expected, source: f.source, dismissed: f.dismissed, dismissReason: f.dismissReason, dismissedBy: f.dismissedById ? userName.get(f.dismissedById) ?? "A former member" : null, dismissedAt: f.dismissedAt })),
      payments: p.payments.map((pay) => ({ id: pay.id, kind: pay.kind, amount: pay.amount.toString(), currency: pay.currency, dueDate: pay.dueDate, recordedAt: pay.recordedAt })),
      // Documents are forwarded once (the handler refuses a second time): the step is not offered again.
      actions: allowed(availableSubjectActions(acting, "presentation", { credit, subjectState: p.status, pending: pendingOn(p.id), fourEyes, examiningBankId: p.examiningBankId, eucp: p.eucp })).filter((a) => a !== "forwardDocuments" || p.forwardedAt === null),
    })),
    milestones: credit.milestones.map((m) => ({
      id: m.id,
      seq: m.seq,
      kind: m.kind,
      createdAt: m.createdAt,
      actor: m.actorId ? userName.get(m.actorId) ?? null : null,
      actorOrg: m.actorOrgId ? orgName.get(m.actorOrgId) ?? null : null,
      digest: m.digest,
      status: m.status,
      documentHashes: m.documentHashes,
      batch: m.batch ? { root: m.batch.root, txHash: m.batch.txHash, blockNumber: m.batch.blockNumber?.toString() ?? null, blockTime: m.batch.blockTime, status: m.batch.status } : null,
    })),
    events: events.map((e) => ({
      id: e.id,
      action: e.action as ActionName,
      actor: e.actorId ? userName.get(e.actorId) ?? "Unknown user" : "TradeTrail",
      actorOrg: e.actorOrgId ? orgName.get(e.actorOrgId) ?? "" : "",
      data: e.data as Record<string, unknown>,
      createdAt: e.createdAt,
    })),
    messages: credit.messages.map((m) => ({ id: m.id, body: m.body, author: userName.get(m.authorId) ?? "Unknown user", authorOrg: orgName.get(m.authorOrgId) ?? "", createdAt: m.createdAt, mine: m.authorId === actor.userId })),
    actions: allowed(availableCreditActions(acting, facts)),
    createActions: allowed(availableCreateActions(acting, facts)),
  };
}

interface CheckByHand {
  documentId: string | null;
  rule: string;
  article: string;
  message: string;
  found: string | null;
  expected: string | null;
}

/** The findings a reader reads: all, the discrepancies the bank kept (never a dismissal), or none. */
function visibleFindings<F extends { dismissed: boolean }>(findings: F[], reads: "all" | "kept" | "none"): F[] {
  if (reads === "all") return findings;
  if (reads === "none") return [];
  return findings.filter((f) => !f.dismissed);
}
