import { describe, expect, it } from "vitest";
import { sampleStandbyTerms } from "@/lib/terms/sample";
import { type Terms, termsSchema } from "@/lib/terms/schema";
import { RULES_VERSION, examinePresentation } from "./index";
import { rulesOf } from "./test-presentation";
import type { ExaminationInput, PresentedDocument } from "./types";

// A standby under ISP98 expiring Fri 2027-06-04, presented on Mon 2027-05-10.
const STANDBY = sampleStandbyTerms({ expiryDate: "2027-06-04" });
const DEMAND: PresentedDocument = {
  id: "doc-demand",
  kind: "DEMAND",
  originals: 1,
  copies: 0,
  data: { date: "2027-05-10", signedBy: "Joost Visser, director", currency: "USD", amount: "250000.00", wording: "We demand payment of USD 250,000.00" },
};
const STATEMENT: PresentedDocument = {
  id: "doc-statement",
  kind: "STATEMENT_OF_DEFAULT",
  originals: 1,
  copies: 0,
  data: { date: "2027-05-10", signedBy: "Joost Visser, director", statement: "The applicant failed to pay invoice DP-118 due on 2027-04-30." },
};

function demand(changes: { terms?: Partial<Terms>; presentedOn?: string; demand?: Record<string, unknown> | null; statement?: Record<string, unknown> | null; drawnBefore?: string; holidays?: string[]; extra?: PresentedDocument[] } = {}): ExaminationInput {
  const documents = [
    ...(changes.demand === null ? [] : [{ ...DEMAND, data: { ...DEMAND.data, ...changes.demand } }]),
    ...(changes.statement === null ? [] : [{ ...STATEMENT, data: { ...STATEMENT.data, ...changes.statement } }]),
    ...(changes.extra ?? []),
  ];
  return { terms: { ...STANDBY, ...changes.terms }, presentedOn: changes.presentedOn ?? "2027-05-10", documents, drawnBefore: changes.drawnBefore ?? "0", holidays: changes.holidays };
}

describe("examinePresentation of a standby credit", () => {
  it("finds a dated, signed demand within the amount, with its statement of default, complying", () => {
    expect(termsSchema.parse(STANDBY)).toEqual(STANDBY);
    expect(examinePresentation(demand())).toEqual({ compliant: true, findings: [], checkByHand: [], rulesVersion: RULES_VERSION });
  });

  it("does not apply transport, invoice or insurance rules: no bill of lading, invoice or insurance is missed", () => {
    const rules = rulesOf(examinePresentation(demand({ demand: null, statement: null })));
    expect(rules).toEqual(["standby-demand-missing", "standby-statement-missing"]);
  });

  it("cites ISP98 4.16 for a missing demand and 4.17 for a missing statement", () => {
    const { findings } = examinePresentation(demand({ demand: null, statement: null }));
    expect(findings.map((f) => [f.rule, f.article])).toEqual([
      ["standby-demand-missing", "ISP98 4.16"],
      ["standby-statement-missing", "ISP98 4.17"],
    ]);
    expect(findings[1]).toMatchObject({ message: "Statement of default required by the standby was not presented.", found: "Not presented", expected: "Statement of default" });
  });

  it("cites UCP 600 articles for a standby subject to UCP 600", () => {
    const { findings } = examinePresentation(demand({ terms: { applicableRules: "UCP_LATEST_VERSION" }, statement: null, presentedOn: "2027-06-07" }));
    expect(findings.map((f) => [f.rule, f.article])).toEqual([
      ["standby-statement-missing", "14(a)"],
      ["presented-after-expiry", "6(e)"],
    ]);
  });

  it("refuses a demand for more than the available balance (ISP98 3.08), counting earlier drawings", () => {
    const over = examinePresentation(demand({ demand: { amount: "250000.01" } }));
    expect(over.findings).toEqual([
      expect.objectContaining({ rule: "demand-exceeds-available-balance", article: "ISP98 3.08", documentId: "doc-demand", found: "USD 250,000.01", expected: "At most USD 250,000.00" }),
    ]);
    const balance = examinePresentation(demand({ drawnBefore: "100000", demand: { amount: "150000.01" } }));
    expect(balance.findings[0]).toMatchObject({ rule: "demand-exceeds-available-balance", expected: "At most USD 150,000.00" });
    expect(balance.findings[0]!.message).toContain("USD 100,000.00 already drawn");
    expect(examinePresentation(demand({ drawnBefore: "100000", demand: { amount: "150000.00" } })).compliant).toBe(true);
  });

  it("allows a partial demand unless partial drawings are prohibited (43P)", () => {
    expect(examinePresentation(demand({ demand: { amount: "50000.00" } })).compliant).toBe(true);
    const prohibited = examinePresentation(demand({ terms: { partialShipments: "NOT_ALLOWED" }, demand: { amount: "50000.00" } }));
    expect(prohibited.findings.map((f) => [f.rule, f.article])).toEqual([["demand-partial-drawing", "ISP98 3.08"]]);
  });

  it("refuses a demand in another currency", () => {
    expect(examinePresentation(demand({ demand: { currency: "EUR" } })).findings.map((f) => [f.rule, f.found, f.expected])).toEqual([["demand-currency", "EUR", "USD"]]);
  });

  it("refuses a demand presented after expiry (ISP98 3.05)", () => {
    const late = examinePresentation(demand({ presentedOn: "2027-06-07" }));
    expect(late.findings).toEqual([expect.objectContaining({ rule: "presented-after-expiry", article: "ISP98 3.05", found: "2027-06-07", expected: "On or before 2027-06-04" })]);
    expect(examinePresentation(demand({ presentedOn: "2027-06-04" })).compliant).toBe(true);
  });

  it("moves an expiry on a non-business day to the next business day (ISP98 3.13)", () => {
    // Expiry Sat 2027-06-05: a demand on Mon 2027-06-07 is in time; on Tue 2027-06-08 it is late.
    const terms = { expiryDate: "2027-06-05" };
    expect(examinePresentation(demand({ terms, presentedOn: "2027-06-07", demand: { date: "2027-06-07" }, statement: { date: "2027-06-07" } })).compliant).toBe(true);
    const late = examinePresentation(demand({ terms, presentedOn: "2027-06-08" }));
    expect(late.findings[0]).toMatchObject({ rule: "presented-after-expiry", expected: "On or before 2027-06-07" });
    expect(late.findings[0]!.message).toContain("extended from 2027-06-05 to the next business day (ISP98 3.13)");
    // A bank holiday on the expiry date extends it too.
    expect(examinePresentation(demand({ terms: { expiryDate: "2027-06-04" }, presentedOn: "2027-06-07", holidays: ["2027-06-04"] })).compliant).toBe(true);
  });

  it("leaves a demand or statement recorded without its signatory or wording to the examiner (ISP98 4.16, 4.17)", () => {
    const { findings, checkByHand } = examinePresentation(demand({ demand: { signedBy: "" }, statement: { statement: "" } }));
    expect(findings).toEqual([]);
    expect(checkByHand.map((f) => [f.rule, f.article, f.documentId])).toEqual([
      ["document-details-incomplete", "ISP98 4.16", "doc-demand"],
      ["document-details-incomplete", "ISP98 4.17", "doc-statement"],
    ]);
  });

  it("refuses a demand dated after its presentation (ISP98 4.06)", () => {
    expect(examinePresentation(demand({ demand: { date: "2027-05-11" } })).findings.map((f) => [f.rule, f.article])).toEqual([["dated-after-presentation", "ISP98 4.06"]]);
  });
});
