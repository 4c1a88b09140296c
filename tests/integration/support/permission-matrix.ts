import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { CreditStatus, MemberRole } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { SYSTEM } from "@/lib/lifecycle/authorize";
import { ACTION_NAMES, type ActionName, CREDIT_STATES, type Party, STATES, type Subject, actionRule } from "@/lib/lifecycle/definition";
import { performAction } from "@/lib/lifecycle/perform";
import { sampleTerms } from "@/lib/terms/sample";
import { type Fixture, ORGS, type OrgKey, ROLES, type World, createWorld, creditIn, snapshot } from "./world";

// The permission matrix, generated from the lifecycle definition: every action, by every role of
// every party (and of unrelated organisations, and the system), in every state (and a step offered
// under one four-eyes setting only, under both). The expectation is computed here from the
// definition table alone, independently of lib/lifecycle/authorize.ts.

type Variant = { label: string; actor: Actor | typeof SYSTEM; org: OrgKey | null; roles: readonly MemberRole[] };

const PARTY_KEYS: readonly Party[] = ["applicant", "beneficiary", "issuingBank", "advisingBank", "confirmingBank"];
const SHARED: readonly CreditStatus[] = ["WITH_BENEFICIARY", "WITH_APPLICANT", "AGREED", "SUBMITTED", "ISSUANCE_PENDING", "ISSUED", "ADVISED", "SETTLED", "EXPIRED", "CANCELLED", "WITHDRAWN"];
const SUBMITTED: readonly CreditStatus[] = ["SUBMITTED", "ISSUANCE_PENDING", "ISSUED", "ADVISED", "SETTLED", "EXPIRED", "CANCELLED"];
const ISSUED: readonly CreditStatus[] = ["ISSUED", "ADVISED", "SETTLED", "EXPIRED", "CANCELLED"];

/** When each party sees a credit made by creditIn() in a given state. */
function sees(party: Party, status: CreditStatus): boolean {
  if (party === "applicant") return true;
  if (party === "beneficiary") return SHARED.includes(status);
  if (party === "issuingBank") return SUBMITTED.includes(status);
  return ISSUED.includes(status); // advising and confirming banks
}

interface Case {
  action: ActionName;
  creditStatus: CreditStatus;
  /** The amendment's or presentation's state (undefined for credit actions and create actions). */
  subjectState?: string;
  /** For a step offered under one four-eyes setting only: every organisation's setting in this case. */
  fourEyes?: boolean;
  /** For a step of one set of rules (presentedUnder): the presentation is made under eUCP, or UCP 600 alone. */
  eucp?: boolean;
}

/** A step only the bank at the place of presentation takes (forwarding to the issuing bank, art. 15(c)): its fixtures record the advising bank as the examining bank. */
const atPlaceOfPresentation = (rule: ReturnType<typeof actionRule>) => rule.bank === "examining" && rule.by !== "system" && !(rule.by as readonly Party[]).includes("issuingBank");

function expectedAllowed(c: Case, v: Variant, makerIsDual: boolean): boolean {
  const rule = actionRule(c.action);
  const stateOk =
    (!rule.creditIn || rule.creditIn.includes(c.creditStatus)) &&
    (rule.from === "create" || (rule.from as readonly string[]).includes(rule.subject === "credit" ? c.creditStatus : c.subjectState!));
  if (v.org === null) return rule.by === "system" && stateOk;
  if (rule.by === "system") return false;
  // A payment is prepared for a checker under four eyes, recorded in one step without: never both.
  if (rule.whenFourEyes && (rule.whenFourEyes === "on") !== (c.fourEyes ?? true)) return false;
  // eUCP (docs/EUCP.md): a presentation under eUCP is completed by the notice of completeness, a UCP 600 one by presenting documents.
  if (rule.presentedUnder && (rule.presentedUnder === "eucp") !== (c.eucp ?? false)) return false;
  if (c.action === "createCredit") {
    // Whoever drafts a credit becomes its applicant: any trading company's trader, except the
    // company the sample input names as beneficiary (no one is their own beneficiary).
    return ORGS[v.org].kind === "CORPORATE" && v.org !== "beneficiary" && v.roles.some((r) => rule.roles.includes(r));
  }
  const party = PARTY_KEYS.find((p) => p === v.org);
  if (!party) return false;
  // The confirming bank is a party only once the credit is issued (and confirmed) in these fixtures.
  if (party === "confirmingBank" && !ISSUED.includes(c.creditStatus)) return false;
  if (!sees(party, c.creditStatus)) return false;
  if (!(rule.by as readonly Party[]).includes(party)) return false;
  // A step one bank takes per presentation (rule.bank): these fixtures' presentations record no
  // examining bank, so the issuing bank examines and pays (tests/integration/examining-bank.test.ts
  // has the nominated and the confirming bank), except for a step only that bank takes.
  if (rule.bank && party !== (atPlaceOfPresentation(rule) ? "advisingBank" : "issuingBank")) return false;
  if (!v.roles.some((r) => rule.roles.includes(r))) return false;
  if (rule.checks && makerIsDual && v.label === `${(rule.by as readonly Party[])[0]} dual`) return false;
  return stateOk;
}

/** A valid input for each action, so only permission and state decide the outcome. */
export function sampleInput(action: ActionName, world: World, fixture: Fixture): unknown {
  const terms = sampleTerms();
  switch (actionRule(action).input) {
    case "none":
    case "presentation":
      return {};
    case "application":
      return { beneficiaryId: world.orgs.beneficiary, issuingBankId: world.orgs.issuingBank, advisingBankId: world.orgs.advisingBank, terms };
    case "terms":
      return { terms: { ...terms, goodsDescription: `${terms.goodsDescription}\nRevision ${randomUUID().slice(0, 6)}` } };
    case "amendment":
      return { terms: { ...terms, amount: "140000.00" }, note: "Increase" };
    case "comment":
      return { comment: "Please proceed" };
    case "reason":
      return { reason: "Matrix test reason" };
    case "issuance":
      return { creditNumber: `MX${randomUUID().slice(0, 10).toUpperCase()}`, bankConditions: "" };
    case "advice":
      return { addConfirmation: false };
    case "amendmentAdvice":
      return {};
    case "document":
      return {
        kind: "PACKING_LIST",
        originals: 1,
        copies: 1,
        data: { date: terms.latestShipmentDate, packages: 12 },
        file: { storageKey: `documents/test/${randomUUID()}`, sha256: "a".repeat(64), size: 10, mediaType: "application/pdf", fileName: "packing.pdf" },
      };
    case "documentRef":
      return { documentId: fixture.documentId };
    case "finding":
      return { article: "14(d)", message: "Data conflict between documents" };
    case "findingRef":
      return { findingId: fixture.findingId, reason: "Not a discrepancy" };
    case "notice":
      return { disposal: "HOLDING_PENDING_INSTRUCTIONS" };
    case "correction":
      return { documentId: fixture.documentId, field: "number", value: "INV-2026-0043", reason: "Captured with a typo" };
    case "waiver":
      return { findingIds: [fixture.findingId] };
    case "payment":
      return { amount: "1000.00" };
    case "representationRequest":
      return { documentId: fixture.documentId, reason: "The PDF does not open" };
    case "representation":
      return { requestId: fixture.requestId ?? randomUUID(), file: { storageKey: `documents/test/${randomUUID()}`, sha256: "b".repeat(64), size: 10, mediaType: "application/pdf", fileName: "invoice-again.pdf" } };
    case "counterReceipt":
      // Two days back: on or before the examining bank's own today, whatever its time zone.
      return { documentId: fixture.paperDocumentId ?? fixture.documentId, receivedOn: new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10) };
  }
}

const SUBJECT_FIXTURE_CREDIT: CreditStatus = "ADVISED";

async function fixtureFor(world: World, c: Case, maker: Actor): Promise<Fixture> {
  const rule = actionRule(c.action);
  if (c.action === "createCredit") return { creditId: "" };
  // A checker's decision on a held (four-eyes) step needs that step prepared and waiting.
  const held = rule.decides ? (rule.checks as ActionName) : undefined;
  const heldOptions = held
    ? { held, ...(held === "adviseCredit" ? { terms: { confirmation: "MAY_ADD" as const } } : {}), ...(held === "adviseAmendment" ? { confirmedByAdvisingBank: true } : {}) }
    : {};
  if (rule.subject === "credit" || rule.from === "create") return creditIn(world, c.creditStatus, { maker, ...heldOptions });
  const needsFinding = c.action === "notifyDiscrepancies" || c.action === "dismissFinding" || c.action === "waiveDiscrepancies" || held === "notifyDiscrepancies" || held === "dismissFinding";
  const eucp = c.eucp ? { eucp: { representation: c.action === "representRecord", paper: c.action === "recordCounterReceipt" } } : {};
  const fixture = await creditIn(world, c.creditStatus, { maker, openFinding: needsFinding, [rule.subject]: c.subjectState, ...heldOptions, ...eucp });
  if (atPlaceOfPresentation(rule) && fixture.presentationId) await db().presentation.update({ where: { id: fixture.presentationId }, data: { examiningBankId: world.orgs.advisingBank } });
  return fixture;
}

function casesFor(subject: Subject): Case[] {
  const cases: Case[] = [];
  for (const action of ACTION_NAMES) {
    const rule = actionRule(action);
    if (rule.subject !== subject) continue;
    if (action === "createCredit") cases.push({ action, creditStatus: "DRAFT" });
    else if (rule.from === "create" || subject === "credit") for (const creditStatus of CREDIT_STATES) cases.push({ action, creditStatus });
    else {
      for (const subjectState of STATES[subject]) cases.push({ action, creditStatus: SUBJECT_FIXTURE_CREDIT, subjectState });
      // And once with the credit in a state the action does not allow.
      const blocked = CREDIT_STATES.find((s) => !rule.creditIn?.includes(s) && ISSUED.includes(s));
      if (blocked) cases.push({ action, creditStatus: blocked, subjectState: (rule.from as readonly string[])[0] });
    }
  }
  // Steps offered under one four-eyes setting only are tried under both.
  return cases
    .flatMap((c) => (actionRule(c.action).whenFourEyes ? [{ ...c, fourEyes: true }, { ...c, fourEyes: false }] : [c]))
    .flatMap((c) => (actionRule(c.action).presentedUnder ? [{ ...c, eucp: true }, { ...c, eucp: false }] : [c]));
}

export function permissionMatrix(subject: Subject): void {
  let world: World;
  let variants: Variant[];
  beforeAll(async () => {
    world = await createWorld();
    variants = [{ label: "system", actor: SYSTEM, org: null, roles: [] }];
    for (const org of Object.keys(ORGS) as OrgKey[]) {
      for (const role of ROLES) variants.push({ label: `${org} ${role}`, actor: world.users[org][role], org, roles: [role] });
    }
    variants.push({ label: "issuingBank dual", actor: world.dualIssuer, org: "issuingBank", roles: ["MAKER", "CHECKER"] });
    variants.push({ label: "advisingBank dual", actor: world.dualAdviser, org: "advisingBank", roles: ["MAKER", "CHECKER"] });
  });

  describe(`permission matrix: ${subject} actions`, () => {
    it("gives every action to someone, somewhere (the matrix is not vacuous)", () => {
      const covered = new Set(casesFor(subject).filter((c) => variants.some((v) => expectedAllowed(c, v, Boolean(actionRule(c.action).checks)))).map((c) => c.action));
      expect([...covered].sort()).toEqual(ACTION_NAMES.filter((a) => actionRule(a).subject === subject).sort());
    });

    for (const c of casesFor(subject)) {
      const title = `${c.action} with the credit ${c.creditStatus}${c.subjectState ? ` and the ${subject} ${c.subjectState}` : ""}${c.fourEyes === undefined ? "" : `, four eyes ${c.fourEyes ? "on" : "off"}`}${c.eucp === undefined ? "" : c.eucp ? ", under eUCP" : ", under UCP 600 alone"}`;
      it(title, async () => {
        if (c.fourEyes === undefined) return runCase(c);
        const orgs = { id: { in: Object.values(world.orgs) } };
        await db().organization.updateMany({ where: orgs, data: { fourEyes: c.fourEyes } });
        try {
          await runCase(c);
        } finally {
          await db().organization.updateMany({ where: orgs, data: { fourEyes: true } });
        }
      });
    }

    async function runCase(c: Case): Promise<void> {
      const rule = actionRule(c.action);
      // For checker steps the pending approval was prepared by the bank's dual-role user, who must not approve it.
      const maker = rule.checks ? ((rule.by as readonly Party[])[0] === "advisingBank" ? world.dualAdviser : world.dualIssuer) : world.users.issuingBank.MAKER;
      const perform = (v: Variant, fixture: Fixture) =>
        performAction({
          actor: v.actor,
          action: c.action,
          creditId: fixture.creditId || undefined,
          subjectId: rule.from === "create" ? undefined : (fixture.amendmentId ?? fixture.presentationId),
          input: sampleInput(c.action, world, fixture),
        });

      const refused = variants.filter((v) => !expectedAllowed(c, v, Boolean(rule.checks)));
      const allowed = variants.filter((v) => expectedAllowed(c, v, Boolean(rule.checks)));

      const fixture = await fixtureFor(world, c, maker);
      const before = fixture.creditId ? await snapshot(fixture.creditId) : String(await db().credit.count());
      for (const v of refused) {
        const outcome = await perform(v, fixture).then(
          () => "succeeded",
          (error: unknown) => (error instanceof AppError ? error.code : `crashed: ${String(error)}`),
        );
        // Naming yourself as beneficiary is refused as bad input, before any permission question.
        const refusal = c.action === "createCredit" && v.org === "beneficiary" && v.roles.some((r) => rule.roles.includes(r)) ? /^INVALID_REQUEST$/ : /^(FORBIDDEN|NOT_FOUND|INVALID_STATE)$/;
        expect([v.label, outcome]).toEqual([v.label, expect.stringMatching(refusal)]);
      }
      expect(fixture.creditId ? await snapshot(fixture.creditId) : String(await db().credit.count())).toBe(before);

      for (const v of allowed) {
        const fresh = await fixtureFor(world, c, maker);
        const result = await perform(v, fresh);
        const to = rule.to;
        if (result.held) {
          // Under four eyes (every bank here has it on, but in the cases of a step marked for one setting) the step waits for a checker and changes no state.
          expect([v.label, rule.fourEyes?.approval, await db().approval.count({ where: { creditId: fresh.creditId, status: "PENDING" } })]).toEqual([v.label, expect.any(String), 1]);
          expect(result.subjectStatus ?? result.creditStatus).toBe(rule.subject === "credit" ? c.creditStatus : c.subjectState);
        } else if (to && to !== "previous") {
          const reached = rule.subject === "credit" ? result.creditStatus : result.subjectStatus;
          // Some steps end the credit too (a payment that settles it): the subject still reaches `to`.
          expect([v.label, reached]).toEqual([v.label, to]);
        }
      }
    }
  });
}
