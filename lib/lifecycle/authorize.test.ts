import { describe, expect, it } from "vitest";
import type { CreditStatus, MemberRole, PresentationStatus } from "@/lib/generated/prisma/enums";
import { type ActingUser, type ActionFacts, availableSubjectActions, decide } from "./authorize";
import { ACTION_NAMES, type ActionName, PRESENTATION_STATES, actionRule } from "./definition";

// Payment follows the issuing bank's four-eyes setting (issue 11): under four eyes a maker
// prepares it and a different checker approves it; without, one officer (maker or checker role)
// records it in one step. Each expectation is written out here, not read from the definition.

const ORGS = { applicant: "org-a", beneficiary: "org-b", issuingBank: "org-i", advisingBank: "org-v", confirmingBank: "org-c", otherBank: "org-x", otherCorporate: "org-y" } as const;
type OrgKey = keyof typeof ORGS;
const CORPORATES: readonly OrgKey[] = ["applicant", "beneficiary", "otherCorporate"];
const ROLES: readonly MemberRole[][] = [["MAKER"], ["CHECKER"], ["ADMIN"], ["VIEWER"], ["MAKER", "CHECKER"]];

const user = (org: OrgKey, roles: readonly MemberRole[]): ActingUser => ({
  userId: `${org}-${roles.join("-").toLowerCase()}`,
  organizationId: ORGS[org],
  organizationKind: CORPORATES.includes(org) ? "CORPORATE" : "BANK",
  roles,
});
const EVERYONE = (Object.keys(ORGS) as OrgKey[]).flatMap((org) => ROLES.map((roles) => ({ org, roles, actor: user(org, roles) })));
const label = (org: OrgKey, roles: readonly MemberRole[]) => `${org} ${roles.join("+")}`;

const credit = (status: CreditStatus = "ADVISED"): ActionFacts["credit"] => ({
  applicantId: ORGS.applicant,
  beneficiaryId: ORGS.beneficiary,
  issuingBankId: ORGS.issuingBank,
  advisingBankId: ORGS.advisingBank,
  confirmingBankId: ORGS.confirmingBank,
  status,
});
const facts = (subjectState: PresentationStatus, fourEyes: boolean, extra: Partial<ActionFacts> = {}): ActionFacts => ({ credit: credit(), subjectState, pending: null, fourEyes, ...extra });

/** Who may take `name` on a presentation in `state` at banks with this setting: "org roles" labels. */
const allowedTo = (name: ActionName, state: PresentationStatus, fourEyes: boolean, creditStatus: CreditStatus = "ADVISED") =>
  EVERYONE.filter(({ actor }) => decide(actor, name, { ...facts(state, fourEyes), credit: credit(creditStatus) }).allowed).map(({ org, roles }) => label(org, roles));

const ISSUING_OFFICERS = [label("issuingBank", ["MAKER"]), label("issuingBank", ["CHECKER"]), label("issuingBank", ["MAKER", "CHECKER"])];
const ISSUING_MAKERS = [label("issuingBank", ["MAKER"]), label("issuingBank", ["MAKER", "CHECKER"])];
const PAYABLE: readonly PresentationStatus[] = ["COMPLIANT", "WAIVER_ACCEPTED"];

describe("payment at a bank with four eyes off", () => {
  it("lets the issuing bank's maker, checker and dual-role officer record payment, on a complying or waived presentation, while the credit is advised or expired", () => {
    for (const state of PAYABLE) {
      for (const creditStatus of ["ADVISED", "EXPIRED"] as const) expect(allowedTo("recordPayment", state, false, creditStatus)).toEqual(ISSUING_OFFICERS);
    }
  });

  it("refuses recording payment to every other party and role: traders, other banks, admins and viewers", () => {
    const refused = EVERYONE.filter(({ org, roles }) => !ISSUING_OFFICERS.includes(label(org, roles)));
    expect(refused.length).toBe(EVERYONE.length - 3);
    for (const { org, roles, actor } of refused) {
      const decision = decide(actor, "recordPayment", facts("COMPLIANT", false));
      expect([label(org, roles), decision]).toEqual([label(org, roles), { allowed: false, code: "FORBIDDEN", reason: expect.any(String) }]);
    }
  });

  it("refuses it in every other presentation state, and once the credit is settled or cancelled", () => {
    for (const state of PRESENTATION_STATES.filter((s) => !PAYABLE.includes(s))) expect([state, allowedTo("recordPayment", state, false)]).toEqual([state, []]);
    for (const creditStatus of ["SETTLED", "CANCELLED", "ISSUED"] as const) expect([creditStatus, allowedTo("recordPayment", "COMPLIANT", false, creditStatus)]).toEqual([creditStatus, []]);
  });

  it("refuses preparing a payment for a checker, to everyone, and tells the maker to record it instead", () => {
    for (const state of PAYABLE) expect(allowedTo("preparePayment", state, false)).toEqual([]);
    expect(decide(user("issuingBank", ["MAKER"]), "preparePayment", facts("COMPLIANT", false))).toEqual({
      allowed: false,
      code: "FORBIDDEN",
      reason: expect.stringMatching(/^Your bank works without four eyes: record the payment yourself in one step \(“Record payment”\)/),
    });
  });

  it("still lets a checker approve, or send back, a payment prepared before the bank turned four eyes off", () => {
    const pending = facts("PAYMENT_PENDING", false, { pending: { kind: "PAYMENT", makerId: user("issuingBank", ["MAKER"]).userId } });
    for (const name of ["approvePayment", "rejectPayment"] as const) {
      expect(decide(user("issuingBank", ["CHECKER"]), name, pending)).toEqual({ allowed: true });
      expect(decide(user("issuingBank", ["MAKER"]), name, pending).allowed).toBe(false);
    }
  });

  it("offers the issuing bank's maker and checker exactly one payment step: Record payment", () => {
    for (const roles of [["MAKER"], ["CHECKER"], ["MAKER", "CHECKER"]] as MemberRole[][]) {
      const payment = availableSubjectActions(user("issuingBank", roles), "presentation", facts("COMPLIANT", false)).filter((name) => actionRule(name).input === "payment");
      expect([roles.join("+"), payment]).toEqual([roles.join("+"), ["recordPayment"]]);
    }
  });
});

describe("payment at a bank under four eyes (the default)", () => {
  it("lets only the issuing bank's makers prepare payment, as before", () => {
    for (const state of PAYABLE) expect(allowedTo("preparePayment", state, true)).toEqual(ISSUING_MAKERS);
  });

  it("refuses recording payment in one step, to everyone, and tells the officer to prepare it for a checker", () => {
    for (const state of PAYABLE) expect(allowedTo("recordPayment", state, true)).toEqual([]);
    for (const roles of [["MAKER"], ["CHECKER"], ["MAKER", "CHECKER"]] as MemberRole[][]) {
      expect(decide(user("issuingBank", roles), "recordPayment", facts("COMPLIANT", true))).toEqual({
        allowed: false,
        code: "FORBIDDEN",
        reason: expect.stringMatching(/^Your bank works under four eyes: prepare the payment for a checker \(“Prepare payment”\)/),
      });
    }
  });

  it("offers the issuing bank's maker Prepare payment and its checker no payment step until one is prepared", () => {
    const paymentSteps = (roles: MemberRole[], f: ActionFacts) => availableSubjectActions(user("issuingBank", roles), "presentation", f).filter((name) => actionRule(name).input === "payment");
    expect(paymentSteps(["MAKER"], facts("COMPLIANT", true))).toEqual(["preparePayment"]);
    expect(paymentSteps(["CHECKER"], facts("COMPLIANT", true))).toEqual([]);
  });
});

describe("the four-eyes setting", () => {
  it("changes nothing but the steps marked for one setting", () => {
    const marked = ACTION_NAMES.filter((name) => actionRule(name).whenFourEyes);
    expect(marked.sort()).toEqual(["preparePayment", "recordPayment"]);
    const differing: string[] = [];
    for (const name of ACTION_NAMES.filter((n) => !marked.includes(n))) {
      for (const state of PRESENTATION_STATES) {
        for (const { org, roles, actor } of EVERYONE) {
          const on = decide(actor, name, facts(state, true));
          const off = decide(actor, name, facts(state, false));
          if (JSON.stringify(on) !== JSON.stringify(off)) differing.push(`${name} ${state} ${label(org, roles)}`);
        }
      }
    }
    expect(differing).toEqual([]);
  });
});

// Issue 13, item 7: where the credit is available with the advising bank, it examines the
// presentation (its examining bank, fixed at presentation) and the issuing bank's people do not;
// a confirming bank that examined pays, else the issuing bank pays.
describe("the examining bank's people examine", () => {
  const EXAMINING_STEPS: ActionName[] = ["addFinding", "dismissFinding", "correctDocumentData", "determineCompliant", "notifyDiscrepancies"];
  const ADVISING_OFFICERS = [label("advisingBank", ["MAKER"]), label("advisingBank", ["CHECKER"]), label("advisingBank", ["MAKER", "CHECKER"])];
  const who = (name: ActionName, state: PresentationStatus, extra: Partial<ActionFacts>) =>
    EVERYONE.filter(({ actor }) => decide(actor, name, { ...facts(state, true), ...extra }).allowed).map(({ org, roles }) => label(org, roles));

  it("at the nominated bank: only its officers; at the issuing bank (or unrecorded): only the issuing bank's", () => {
    for (const name of EXAMINING_STEPS) {
      expect(who(name, "PRESENTED", { examiningBankId: ORGS.advisingBank })).toEqual(ADVISING_OFFICERS);
      expect(who(name, "PRESENTED", { examiningBankId: ORGS.issuingBank })).toEqual(ISSUING_OFFICERS);
      expect(who(name, "PRESENTED", { examiningBankId: null })).toEqual(ISSUING_OFFICERS);
    }
  });

  it("the refusal names the bank the documents are with", () => {
    const refusal = decide(user("issuingBank", ["MAKER"]), "notifyDiscrepancies", facts("PRESENTED", true, { examiningBankId: ORGS.advisingBank }));
    expect(refusal).toMatchObject({ allowed: false, code: "FORBIDDEN", reason: expect.stringMatching(/nominated bank/) });
  });

  it("payment: by the confirming bank that examined; by the issuing bank after a nominated bank's examination", () => {
    const confirmed = { credit: { ...credit(), confirmingBankId: ORGS.advisingBank }, examiningBankId: ORGS.advisingBank };
    expect(who("preparePayment", "COMPLIANT", confirmed)).toEqual([label("advisingBank", ["MAKER"]), label("advisingBank", ["MAKER", "CHECKER"])]);
    expect(who("preparePayment", "COMPLIANT", { examiningBankId: ORGS.advisingBank })).toEqual(ISSUING_MAKERS);
  });
});

// eUCP v2.1 (docs/EUCP.md): a presentation made under eUCP is complete with the beneficiary's
// notice of completeness, never by "Present documents"; the e12 and counter steps are its
// examining bank's, and exist only under eUCP.
describe("a presentation under eUCP", () => {
  const BENEFICIARY_TRADERS = [label("beneficiary", ["MAKER"]), label("beneficiary", ["ADMIN"]), label("beneficiary", ["MAKER", "CHECKER"])];
  const who = (name: ActionName, state: PresentationStatus, extra: Partial<ActionFacts>) =>
    EVERYONE.filter(({ actor }) => decide(actor, name, { ...facts(state, true), ...extra }).allowed).map(({ org, roles }) => label(org, roles));

  it("is completed by the beneficiary's notice of completeness, and only under eUCP; presenting documents is for UCP 600 alone", () => {
    expect(who("giveNoticeOfCompleteness", "DRAFT", { eucp: true })).toEqual(BENEFICIARY_TRADERS);
    expect(who("giveNoticeOfCompleteness", "DRAFT", { eucp: false })).toEqual([]);
    expect(who("giveNoticeOfCompleteness", "DRAFT", {})).toEqual([]);
    expect(who("presentDocuments", "DRAFT", { eucp: true })).toEqual([]);
    expect(who("presentDocuments", "DRAFT", { eucp: false })).toEqual(BENEFICIARY_TRADERS);
    expect(decide(user("beneficiary", ["MAKER"]), "presentDocuments", facts("DRAFT", true, { eucp: true }))).toMatchObject({ allowed: false, code: "INVALID_STATE", reason: expect.stringMatching(/notice of completeness \(eUCP art. e6\(c\)\)/) });
    expect(who("giveNoticeOfCompleteness", "PRESENTED", { eucp: true })).toEqual([]);
  });

  it("the examining bank's officers ask for a corrupted record and record paper at the counter; the beneficiary re-presents", () => {
    for (const name of ["requestRepresentation", "recordCounterReceipt"] as const) {
      expect(who(name, "PRESENTED", { eucp: true, examiningBankId: ORGS.issuingBank })).toEqual(ISSUING_OFFICERS);
      expect(who(name, "PRESENTED", { eucp: true, examiningBankId: ORGS.advisingBank })).toEqual([label("advisingBank", ["MAKER"]), label("advisingBank", ["CHECKER"]), label("advisingBank", ["MAKER", "CHECKER"])]);
      expect(who(name, "PRESENTED", { eucp: false, examiningBankId: ORGS.issuingBank })).toEqual([]);
      expect(who(name, "DRAFT", { eucp: true, examiningBankId: ORGS.issuingBank })).toEqual([]);
    }
    expect(who("representRecord", "PRESENTED", { eucp: true })).toEqual(BENEFICIARY_TRADERS);
    expect(who("representRecord", "PRESENTED", { eucp: false })).toEqual([]);
  });
});
