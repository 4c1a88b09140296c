import { describe, expect, it } from "vitest";
import type { ActingUser } from "@/lib/lifecycle/authorize";
import { type CreditFacts, nextSteps } from "./next-steps";

const ORG = { applicant: "a", beneficiary: "b", issuingBank: "i", advisingBank: "v" };
const user = (org: string, roles: ActingUser["roles"], userId = `${org}-${roles.join("-")}`): ActingUser => ({ userId, organizationId: org, organizationKind: org === "a" || org === "b" ? "CORPORATE" : "BANK", roles });
const maker = user(ORG.issuingBank, ["MAKER"]);
const checker = user(ORG.issuingBank, ["CHECKER"]);
const buyer = user(ORG.applicant, ["MAKER"]);

const credit = (overrides: Partial<CreditFacts> = {}): CreditFacts => ({
  id: "c1",
  status: "ADVISED",
  applicantId: ORG.applicant,
  beneficiaryId: ORG.beneficiary,
  issuingBankId: ORG.issuingBank,
  advisingBankId: ORG.advisingBank,
  confirmingBankId: null,
  approvals: [],
  amendments: [],
  presentations: [],
  ...overrides,
});
const presented = (openFindings: number) => ({ id: "p1", number: 1, status: "PRESENTED", openFindings, examinationDeadline: new Date("2026-12-04T00:00:00Z"), examiningBankId: null });
/** The steps for a user of a bank under four eyes (the default), or with `fourEyes: false`. */
const steps = (actor: ActingUser, facts: CreditFacts, fourEyes = true) => nextSteps(actor, facts, { fourEyes }).map((s) => `${s.item ?? "credit"}: ${s.label} -> ${s.href}`);

describe("nextSteps", () => {
  it("offers the examiner 'Determine complying' only when no finding is open, and the discrepancy notice when any is", () => {
    expect(steps(maker, credit({ presentations: [presented(0)] }))).toEqual(["Presentation 1: Determine complying -> /credits/c1/presentations/p1"]);
    expect(steps(maker, credit({ presentations: [presented(5)] }))).toEqual(["Presentation 1: Send discrepancy notice -> /credits/c1/presentations/p1"]);
  });

  it("carries the art. 14(b) deadline for a presentation under examination, and none once decided", () => {
    expect(nextSteps(maker, credit({ presentations: [presented(0)] }), { fourEyes: true })[0]!.examinationDeadline).toEqual(new Date("2026-12-04T00:00:00Z"));
    const compliant = { ...presented(0), status: "COMPLIANT" };
    expect(nextSteps(maker, credit({ presentations: [compliant] }), { fourEyes: true })).toMatchObject([{ action: "preparePayment", examinationDeadline: null }]);
  });

  it("sends the checker to the held step it must approve, and shows the maker nothing while it waits", () => {
    const facts = credit({ presentations: [presented(0)], approvals: [{ kind: "COMPLIANCE", makerId: maker.userId, subjectId: "p1" }] });
    expect(steps(checker, facts)).toEqual(["Presentation 1: Approve: complying -> /credits/c1/presentations/p1"]);
    expect(steps(maker, facts)).toEqual([]);
    // The same checker is refused their own preparation (four eyes): nothing to do.
    const dual = user(ORG.issuingBank, ["MAKER", "CHECKER"], maker.userId);
    expect(steps(dual, facts)).toEqual([]);
  });

  it("asks a bank under four eyes to prepare payment (maker), and a bank without it to record payment (any officer)", () => {
    const compliant = credit({ presentations: [{ ...presented(0), status: "COMPLIANT" }] });
    const accepted = credit({ presentations: [{ ...presented(2), status: "WAIVER_ACCEPTED" }] });
    for (const facts of [compliant, accepted]) {
      expect(steps(maker, facts)).toEqual(["Presentation 1: Prepare payment -> /credits/c1/presentations/p1"]);
      expect(steps(checker, facts)).toEqual([]);
      expect(steps(maker, facts, false)).toEqual(["Presentation 1: Record payment -> /credits/c1/presentations/p1"]);
      expect(steps(checker, facts, false)).toEqual(["Presentation 1: Record payment -> /credits/c1/presentations/p1"]);
      expect(steps(buyer, facts, false)).toEqual([]);
    }
    // A payment prepared before the bank turned four eyes off still waits for a checker.
    const pending = credit({ presentations: [{ ...presented(0), status: "PAYMENT_PENDING" }], approvals: [{ kind: "PAYMENT", makerId: maker.userId, subjectId: "p1" }] });
    expect(steps(checker, pending, false)).toEqual(["Presentation 1: Approve payment -> /credits/c1/presentations/p1"]);
  });

  it("links an amendment step to the amendment's card, and a credit step to the credit's banner", () => {
    const facts = credit({ amendments: [{ id: "m2", number: 2, status: "REQUESTED" }] });
    expect(steps(maker, facts)).toEqual(["Amendment 2: Prepare amendment -> /credits/c1?tab=amendments#amendment-m2"]);
    expect(steps(checker, credit({ status: "ISSUANCE_PENDING", approvals: [{ kind: "ISSUANCE", makerId: maker.userId, subjectId: null }] }))).toEqual(["credit: Approve and issue -> /credits/c1#what-you-can-do-now"]);
  });

  it("lists only the steps the workflow waits for, not optional or destructive ones", () => {
    // The applicant may request an amendment or cancellation on an advised credit, but nothing waits for it.
    expect(steps(buyer, credit())).toEqual([]);
    expect(steps(buyer, credit({ presentations: [{ ...presented(2), status: "DISCREPANT" }] }))).toEqual(["Presentation 1: Waive discrepancies -> /credits/c1/presentations/p1"]);
    // Outsiders and the wrong roles get nothing.
    expect(steps(user("x", ["MAKER", "CHECKER"]), credit({ presentations: [presented(0)] }))).toEqual([]);
    expect(steps(user(ORG.issuingBank, ["VIEWER"]), credit({ presentations: [presented(0)] }))).toEqual([]);
  });
});
