import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AmendmentStatus, CreditStatus, MemberRole, OrganizationKind, PresentationStatus } from "@/lib/generated/prisma/enums";
import { type Actor, loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { type ActionName, type Party, actionRule } from "@/lib/lifecycle/definition";
import { termsHash } from "@/lib/terms/hash";
import { type Terms, termsSchema } from "@/lib/terms/schema";
import { sampleTerms } from "@/lib/terms/sample";

// A world of organisations and users for integration tests, and credits put directly into any
// lifecycle state (with the rows that state implies), so tests state only what they exercise.

export const ROLES: readonly MemberRole[] = ["MAKER", "CHECKER", "ADMIN", "VIEWER"];

/** Every party of the test credits, plus outsiders who must never get anywhere. */
export const ORGS = {
  applicant: { kind: "CORPORATE", name: "Applicant Trading Pte Ltd" },
  beneficiary: { kind: "CORPORATE", name: "Beneficiary Exports B.V." },
  issuingBank: { kind: "BANK", name: "Issuing Bank", bic: "ISSUSGSG" },
  advisingBank: { kind: "BANK", name: "Advising Bank", bic: "ADVINL2R" },
  confirmingBank: { kind: "BANK", name: "Confirming Bank", bic: "CONFGB2L" },
  otherCorporate: { kind: "CORPORATE", name: "Unrelated Corp" },
  otherBank: { kind: "BANK", name: "Unrelated Bank", bic: "OTHRDEFF" },
  auditor: { kind: "AUDITOR", name: "Audit LLP" },
} as const satisfies Record<string, { kind: OrganizationKind; name: string; bic?: string }>;
export type OrgKey = keyof typeof ORGS;

export interface World {
  orgs: Record<OrgKey, string>;
  /** One user per organisation and role. */
  users: Record<OrgKey, Record<MemberRole, Actor>>;
  /** An issuing-bank user with both maker and checker roles, for four-eyes tests. */
  dualIssuer: Actor;
  /** The same at the advising bank (which adds confirmation under four eyes). */
  dualAdviser: Actor;
}

export async function createWorld(): Promise<World> {
  const suffix = randomUUID().slice(0, 8);
  const orgs = {} as Record<OrgKey, string>;
  const users = {} as Record<OrgKey, Record<MemberRole, Actor>>;
  for (const [key, org] of Object.entries(ORGS) as [OrgKey, (typeof ORGS)[OrgKey]][]) {
    const created = await db().organization.create({
      data: { name: `${org.name} ${suffix}`, kind: org.kind, country: "SG", bic: "bic" in org ? `${org.bic}${suffix.slice(0, 3).toUpperCase()}` : null },
    });
    orgs[key] = created.id;
    users[key] = {} as Record<MemberRole, Actor>;
    for (const role of ROLES) users[key][role] = await createUser(created.id, [role], `${key}-${role}-${suffix}`);
  }
  const dualIssuer = await createUser(orgs.issuingBank, ["MAKER", "CHECKER"], `issuer-dual-${suffix}`);
  const dualAdviser = await createUser(orgs.advisingBank, ["MAKER", "CHECKER"], `adviser-dual-${suffix}`);
  return { orgs, users, dualIssuer, dualAdviser };
}

export async function createUser(organizationId: string, roles: MemberRole[], handle: string, passwordHash = "not-a-real-hash"): Promise<Actor> {
  const user = await db().user.create({ data: { email: `${handle}@test.example`.toLowerCase(), name: handle, passwordHash } });
  await db().membership.create({ data: { userId: user.id, organizationId, roles } });
  return (await loadActor(user.id))!;
}

/** The organisation playing each party in credits made by creditIn(). */
export const partyOrg = (world: World, party: Party) => world.orgs[party];

const ISSUED: readonly CreditStatus[] = ["ISSUED", "ADVISED", "SETTLED", "EXPIRED", "CANCELLED"];
const SUBMITTED: readonly CreditStatus[] = ["SUBMITTED", "ISSUANCE_PENDING", ...ISSUED];
const SHARED: readonly CreditStatus[] = ["WITH_BENEFICIARY", "WITH_APPLICANT", "AGREED", ...SUBMITTED];

export interface Fixture {
  creditId: string;
  amendmentId?: string;
  presentationId?: string;
  documentId?: string;
  findingId?: string;
  /** eUCP: a request to re-present the document (art. e12), awaiting the beneficiary. */
  requestId?: string;
  /** eUCP: a paper document not yet recorded at the counter (art. e6(a)(ii)). */
  paperDocumentId?: string;
}

let creditNumberSeq = 0;

/** A credit in `status` (optionally with an amendment or a presentation in a given state). */
export async function creditIn(
  world: World,
  status: CreditStatus,
  options: {
    amendment?: AmendmentStatus;
    presentation?: PresentationStatus;
    terms?: Partial<Terms>;
    openFinding?: boolean;
    maker?: Actor;
    /** A four-eyes step already prepared by `maker` and waiting for a checker. */
    held?: ActionName;
    /** The advising bank is the confirming bank (as when it added confirmation while advising). */
    confirmedByAdvisingBank?: boolean;
    /** An eUCP credit and presentation (docs/EUCP.md), with a record asked for again or a paper document awaited. */
    eucp?: { representation?: boolean; paper?: boolean };
  } = {},
): Promise<Fixture> {
  const eucpTerms = options.eucp ? { applicableRules: "EUCP_LATEST_VERSION" as const, eucpPresentationPlace: "https://trade.merlion.example/eucp" } : {};
  const terms = termsSchema.parse(sampleTerms({ ...eucpTerms, ...options.terms }));
  const now = new Date();
  const issued = ISSUED.includes(status);
  const maker = options.maker ?? world.users.issuingBank.MAKER;
  const creditNumber = issued ? `LC${String(++creditNumberSeq).padStart(6, "0")}${randomUUID().slice(0, 4).toUpperCase()}` : null;
  const credit = await db().credit.create({
    data: {
      reference: `TT-TEST-${randomUUID().slice(0, 13)}`,
      status,
      applicantId: world.orgs.applicant,
      beneficiaryId: world.orgs.beneficiary,
      issuingBankId: world.orgs.issuingBank,
      advisingBankId: world.orgs.advisingBank,
      confirmingBankId: issued ? (options.confirmedByAdvisingBank ? world.orgs.advisingBank : world.orgs.confirmingBank) : null,
      confirmed: issued,
      currency: terms.currency,
      amount: terms.amount,
      expiryDate: new Date(`${terms.expiryDate}T00:00:00Z`),
      creditNumber,
      sharedAt: SHARED.includes(status) || status === "WITHDRAWN" ? now : null,
      submittedAt: SUBMITTED.includes(status) ? now : null,
      issuedAt: issued ? now : null,
    },
  });
  const version = await addVersion(credit.id, 1, null, terms, world.users.applicant.MAKER);
  let current = version;
  if (status === "WITH_APPLICANT") {
    current = await addVersion(credit.id, 2, version.id, { ...terms, goodsDescription: `${terms.goodsDescription} (revised)` }, world.users.beneficiary.MAKER);
  }
  const agreed = ["AGREED", ...SUBMITTED].includes(status) ? current.id : null;
  await db().credit.update({ where: { id: credit.id }, data: { currentTermsId: current.id, agreedTermsId: agreed } });
  if (status === "ISSUANCE_PENDING") {
    await db().approval.create({ data: { creditId: credit.id, kind: "ISSUANCE", makerId: maker.userId, payload: { creditNumber: `PEND${randomUUID().slice(0, 8).toUpperCase()}`, bankConditions: "" } } });
  }
  const fixture: Fixture = { creditId: credit.id };

  if (options.amendment) {
    const proposed = await addVersion(credit.id, current.number + 1, current.id, { ...terms, amount: "130000.00" }, world.users.applicant.MAKER);
    const amendment = await db().amendment.create({
      data: { creditId: credit.id, number: 1, status: options.amendment, baseTermsId: current.id, proposedTermsId: proposed.id, requestedById: world.users.applicant.MAKER.userId },
    });
    if (options.amendment === "ISSUANCE_PENDING") {
      await db().approval.create({ data: { creditId: credit.id, kind: "AMENDMENT", subjectId: amendment.id, makerId: maker.userId, payload: { amendmentNumber: 1 } } });
    }
    fixture.amendmentId = amendment.id;
  }

  if (options.presentation) {
    const presented = options.presentation !== "DRAFT";
    const presentation = await db().presentation.create({
      data: {
        creditId: credit.id,
        number: 1,
        status: options.presentation,
        termsId: current.id,
        presentedAt: presented ? now : null,
        examinationDeadline: presented ? new Date(Date.now() + 7 * 86_400_000) : null,
        claimedAmount: presented ? terms.amount : null,
        ...(options.eucp ? { eucp: true, presentedOn: presented ? new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`) : null } : {}),
      },
    });
    const document = await db().document.create({
      data: {
        creditId: credit.id,
        presentationId: presentation.id,
        kind: "COMMERCIAL_INVOICE",
        fileName: "invoice.pdf",
        mediaType: "application/pdf",
        size: 1234n,
        sha256: randomUUID().replace(/-/g, "").padEnd(64, "0"),
        storageKey: `documents/test/${randomUUID()}`,
        data: invoiceData(terms),
        originals: 3,
        copies: 2,
        uploadedById: world.users.beneficiary.MAKER.userId,
      },
    });
    fixture.presentationId = presentation.id;
    fixture.documentId = document.id;
    if (options.eucp?.representation) {
      const today = new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
      const request = await db().representationRequest.create({
        data: { presentationId: presentation.id, documentId: document.id, reason: "Unreadable", requestedById: world.users.issuingBank.MAKER.userId, requestedAt: now, suspendedOn: today, dueOn: new Date(today.getTime() + 30 * 86_400_000) },
      });
      fixture.requestId = request.id;
    }
    if (options.eucp?.paper) {
      const paper = await db().document.create({
        data: {
          creditId: credit.id,
          presentationId: presentation.id,
          kind: "PACKING_LIST",
          fileName: "packing-list-scan.pdf",
          mediaType: "application/pdf",
          size: 2048n,
          sha256: randomUUID().replace(/-/g, "").padEnd(64, "1"),
          storageKey: `documents/test/${randomUUID()}`,
          data: { date: terms.latestShipmentDate, packages: 12 },
          medium: "PAPER",
          uploadedById: world.users.beneficiary.MAKER.userId,
        },
      });
      fixture.paperDocumentId = paper.id;
    }
    if (options.openFinding) {
      const finding = await db().finding.create({
        data: { presentationId: presentation.id, documentId: document.id, rule: "examiner", article: "18(a)", message: "Invoice not signed as required", source: "EXAMINER" },
      });
      fixture.findingId = finding.id;
    }
    if (options.presentation === "PAYMENT_PENDING") {
      await db().approval.create({
        data: { creditId: credit.id, kind: "PAYMENT", subjectId: presentation.id, makerId: maker.userId, payload: { amount: terms.amount, currency: terms.currency, kind: "SIGHT", dueDate: null, previousStatus: "COMPLIANT" } },
      });
    }
  }
  if (options.held) {
    const rule = actionRule(options.held);
    const input: Record<ActionName | string, unknown> = {
      adviseCredit: { addConfirmation: true, comment: "" },
      adviseAmendment: { extendConfirmation: true, comment: "" },
      dismissFinding: { findingId: fixture.findingId, reason: "Not a discrepancy" },
      refusePresentation: { reason: "Discrepancies not waived" },
      notifyDiscrepancies: { disposal: "HOLDING_PENDING_INSTRUCTIONS" },
      correctDocumentData: { documentId: fixture.documentId, field: "number", value: "INV-2026-0043", reason: "Captured with a typo" },
    };
    const subjectId = rule.subject === "amendment" ? fixture.amendmentId : rule.subject === "presentation" ? fixture.presentationId : null;
    await db().approval.create({
      data: { creditId: credit.id, kind: rule.fourEyes!.approval, subjectId: subjectId ?? null, makerId: maker.userId, payload: { action: options.held, input: (input[options.held] ?? {}) as Prisma.InputJsonValue, summary: "Held in a fixture", changes: [] } },
    });
  }
  return fixture;
}

export function invoiceData(terms: Terms): Prisma.InputJsonValue {
  return {
    number: "INV-2026-0042",
    date: terms.latestShipmentDate,
    amount: terms.amount,
    currency: terms.currency,
    goodsDescription: terms.goodsDescription,
    issuer: terms.beneficiary.name,
    addressee: terms.applicant.name,
  };
}

async function addVersion(creditId: string, number: number, parentId: string | null, terms: Terms, author: Actor) {
  return db().termsVersion.create({
    data: { creditId, number, parentId, terms: terms as unknown as Prisma.InputJsonValue, termsHash: termsHash(terms), authorId: author.userId, authorOrgId: author.organizationId },
  });
}

/** Everything an action could change about a credit, to prove a refused action changed nothing. */
export async function snapshot(creditId: string): Promise<string> {
  const credit = await db().credit.findUniqueOrThrow({ where: { id: creditId } });
  const counts = await db().$queryRaw<Record<string, bigint>[]>`
    SELECT (SELECT count(*) FROM terms_versions WHERE credit_id = ${creditId}::uuid) AS terms,
           (SELECT count(*) FROM approvals WHERE credit_id = ${creditId}::uuid) AS approvals,
           (SELECT string_agg(status::text || ':' || version, ',' ORDER BY number) FROM amendments WHERE credit_id = ${creditId}::uuid) AS amendments,
           (SELECT string_agg(status::text || ':' || version, ',' ORDER BY number) FROM presentations WHERE credit_id = ${creditId}::uuid) AS presentations,
           (SELECT count(*) FROM documents WHERE credit_id = ${creditId}::uuid AND presentation_id IS NOT NULL) AS documents,
           (SELECT count(*) FILTER (WHERE NOT dismissed) FROM findings f JOIN presentations p ON p.id = f.presentation_id WHERE p.credit_id = ${creditId}::uuid) AS findings,
           (SELECT count(*) FROM payments WHERE credit_id = ${creditId}::uuid) AS payments,
           (SELECT count(*) FROM milestones WHERE credit_id = ${creditId}::uuid) AS milestones,
           (SELECT count(*) FROM credit_events WHERE credit_id = ${creditId}::uuid) AS events,
           (SELECT count(*) FROM notifications WHERE credit_id = ${creditId}::uuid) AS notifications`;
  return JSON.stringify({ credit, counts }, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
}

/**
 * A draft presentation (number `number`) of the credit holding one commercial invoice: the
 * credit's own invoice data, dated today, with `invoice` overrides. Ready to present.
 */
export async function draftWithInvoice(world: World, creditId: string, invoice: Record<string, unknown> = {}, number = 1): Promise<{ presentationId: string; documentId: string }> {
  const credit = await db().credit.findUniqueOrThrow({ where: { id: creditId } });
  const terms = (await db().termsVersion.findUniqueOrThrow({ where: { id: credit.currentTermsId! } })).terms as unknown as Terms;
  const { id: presentationId } = await db().presentation.create({ data: { creditId, number, status: "DRAFT", termsId: credit.currentTermsId } });
  const document = await db().document.create({
    data: {
      creditId,
      presentationId,
      kind: "COMMERCIAL_INVOICE",
      fileName: "invoice.pdf",
      mediaType: "application/pdf",
      size: 1234n,
      sha256: randomUUID().replace(/-/g, "").padEnd(64, "0"),
      storageKey: `documents/test/${randomUUID()}`,
      data: { ...(invoiceData(terms) as object), date: new Date().toISOString().slice(0, 10), ...invoice },
      originals: 3,
      copies: 2,
      uploadedById: world.users.beneficiary.MAKER.userId,
    },
  });
  return { presentationId, documentId: document.id };
}
