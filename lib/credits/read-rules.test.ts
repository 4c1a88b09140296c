import { describe, expect, it } from "vitest";
import type { PresentationStatus } from "@/lib/generated/prisma/enums";
import type { Party } from "@/lib/lifecycle/definition";
import { INTERNAL_ACTIONS, type Reader, readsDocument, readsEvent, readsFindings, readsPresentation } from "./read-rules";

// The read rules alone, over every status and the party sets an organisation can hold in one
// credit (tests/integration/permissions-reads.test.ts checks them through getCredit and downloads).

const as = (...parties: Party[]): Reader => ({ parties, auditing: false });
const auditor: Reader = { parties: [], auditing: true };
const STATUSES: PresentationStatus[] = ["DRAFT", "PRESENTED", "COMPLIANT", "DISCREPANT", "WAIVED", "WAIVER_ACCEPTED", "REFUSED", "PAYMENT_PENDING", "PAID"];

describe("readsDocument", () => {
  it("gives the applicant the documents exactly when the bank has released them", () => {
    const released = STATUSES.filter((s) => readsDocument(as("applicant"), s));
    expect(released).toEqual(["DISCREPANT", "WAIVED", "WAIVER_ACCEPTED", "PAYMENT_PENDING", "PAID"]);
  });

  it("gives banks and auditors presented documents, never a draft's or a removed one; the beneficiary always", () => {
    for (const reader of [as("issuingBank"), as("advisingBank"), as("confirmingBank"), auditor]) {
      expect(STATUSES.filter((s) => readsDocument(reader, s))).toEqual(STATUSES.filter((s) => s !== "DRAFT"));
      expect(readsDocument(reader, null)).toBe(false);
    }
    expect(STATUSES.every((s) => readsDocument(as("beneficiary"), s)) && readsDocument(as("beneficiary"), null)).toBe(true);
    expect(readsDocument(as(), "PAID")).toBe(false);
  });

  it("reads for an organisation by its strongest party: a bank that is also the applicant reads as the bank", () => {
    expect(readsDocument(as("applicant", "advisingBank"), "PRESENTED")).toBe(true);
    expect(readsDocument(as("applicant"), "PRESENTED")).toBe(false);
  });
});

describe("readsFindings", () => {
  it("keeps findings with the examining banks while they examine, and gives others the kept ones after the decision", () => {
    expect(STATUSES.map((s) => readsFindings(as("issuingBank"), s))).toEqual(STATUSES.map((s) => (s === "DRAFT" ? "none" : "all")));
    expect(STATUSES.map((s) => readsFindings(auditor, s))).toEqual(STATUSES.map((s) => (s === "DRAFT" ? "none" : "all")));
    for (const reader of [as("applicant"), as("beneficiary"), as("advisingBank")]) {
      expect(STATUSES.map((s) => readsFindings(reader, s))).toEqual(STATUSES.map((s) => (s === "DRAFT" || s === "PRESENTED" ? "none" : "kept")));
    }
    expect(readsFindings(as("advisingBank", "confirmingBank"), "PRESENTED")).toBe("all");
    expect(readsFindings(as("issuingBank", "advisingBank"), "PRESENTED")).toBe("all");
  });
});

describe("readsPresentation", () => {
  it("hides a draft from everyone but the beneficiary", () => {
    expect(readsPresentation(as("issuingBank"), "DRAFT")).toBe(false);
    expect(readsPresentation(auditor, "DRAFT")).toBe(false);
    expect(readsPresentation(as("beneficiary"), "DRAFT")).toBe(true);
    expect(readsPresentation(as("applicant"), "PRESENTED")).toBe(true);
  });
});

describe("readsEvent", () => {
  const ORG = "0193a1b2-0000-7000-8000-00000000000a";
  const OTHER = "0193a1b2-0000-7000-8000-00000000000b";
  const event = (action: string, data: unknown, actorOrgId: string | null = OTHER) => ({ action, actorOrgId, data });

  it("shows another organisation's outcomes, hides its internal and held steps; its own and an auditor's see all", () => {
    expect(readsEvent(as("beneficiary"), ORG, event("approveIssuance", {}))).toBe(true);
    expect(readsEvent(as("beneficiary"), ORG, event("prepareIssuance", {}))).toBe(false);
    expect(readsEvent(as("beneficiary"), ORG, event("determineCompliant", { held: true }))).toBe(false);
    expect(readsEvent(as("beneficiary"), ORG, event("determineCompliant", { held: false }))).toBe(true);
    expect(readsEvent(as("beneficiary"), ORG, event("determineCompliant", { held: "true" }))).toBe(true);
    expect(readsEvent(as("beneficiary"), ORG, event("determineCompliant", null))).toBe(true);
    expect(readsEvent(as("beneficiary"), ORG, event("determineCompliant", "held"))).toBe(true);
    expect(readsEvent(as("beneficiary"), ORG, event("expireCredit", {}, null))).toBe(true);
    expect(readsEvent(as("issuingBank"), OTHER, event("prepareIssuance", {}))).toBe(true);
    expect(readsEvent(auditor, ORG, event("rejectPayment", { held: true }))).toBe(true);
  });

  it("counts as internal the maker steps, the checkers' send-backs and the work on findings, and nothing a party decides", () => {
    expect([...INTERNAL_ACTIONS].sort()).toEqual(
      ["addFinding", "approveCorrection", "approveDismissal", "correctDocumentData", "dismissFinding", "prepareAmendment", "prepareIssuance", "preparePayment", "rejectAmendmentIssuance", "rejectCompliance", "rejectConfirmation", "rejectConfirmationExtension", "rejectCorrection", "rejectDismissal", "rejectIssuance", "rejectNotice", "rejectPayment", "rejectRefusal", "rejectWaiverAcceptance"].sort(),
    );
  });
});
