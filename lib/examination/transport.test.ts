import { describe, expect, it } from "vitest";
import { examinePresentation } from "./index";
import { TEST_TERMS, presentation, rulesOf } from "./test-presentation";

describe("bill of lading (art. 20)", () => {
  it("refuses a bill that does not show shipment on board (20a(ii))", () => {
    const result = examinePresentation(presentation({ data: { BILL_OF_LADING: { shippedOnBoard: false } } }));
    expect(rulesOf(result)).toEqual(["bill-of-lading-not-on-board"]);
    expect(result.findings[0]).toMatchObject({ article: "20(a)(ii)", documentId: "doc-bl" });
  });

  it("accepts the credit's ports with or without the country, refuses other ports (20a(iii))", () => {
    expect(examinePresentation(presentation({ data: { BILL_OF_LADING: { portOfLoading: "ROTTERDAM, NL", portOfDischarge: "Port of Singapore" } } })).findings).toEqual([]);
    const result = examinePresentation(presentation({ data: { BILL_OF_LADING: { portOfLoading: "Antwerp, Belgium", portOfDischarge: "Port Klang" } } }));
    expect(rulesOf(result)).toEqual(["bill-of-lading-port-of-loading", "bill-of-lading-port-of-discharge"]);
    expect(result.findings[0]).toMatchObject({ article: "20(a)(iii)", found: "Antwerp, Belgium", expected: TEST_TERMS.portOfLoading });
    expect(result.findings[1]).toMatchObject({ found: "Port Klang", expected: "Singapore" });
  });

  it("refuses less than the full set of originals issued (20a(iv))", () => {
    const result = examinePresentation(presentation({ data: { BILL_OF_LADING: { originalsIssued: 3 } }, counts: { BILL_OF_LADING: { originals: 2, copies: 4 } } }));
    expect(rulesOf(result)).toEqual(["originals-short", "bill-of-lading-full-set"]);
    expect(result.findings[1]).toMatchObject({ article: "20(a)(iv)", found: "2 of 3 originals" });
  });

  it("with transhipment prohibited, refuses it unless the goods are in containers (20c)", () => {
    const prohibited = { terms: { transhipment: "NOT_ALLOWED" as const } };
    expect(examinePresentation(presentation({ ...prohibited, data: { BILL_OF_LADING: { transhipment: true, containerised: true } } })).findings).toEqual([]);
    const result = examinePresentation(presentation({ ...prohibited, data: { BILL_OF_LADING: { transhipment: true, containerised: false } } }));
    expect(rulesOf(result)).toEqual(["transhipment-prohibited"]);
    expect(result.findings[0]).toMatchObject({ article: "20(c)" });
    expect(examinePresentation(presentation({ data: { BILL_OF_LADING: { transhipment: true, containerised: false } } })).findings).toEqual([]);
  });
});

describe("partial shipments (art. 31)", () => {
  const secondBill = (vessel: string, portOfDischarge = "Singapore") => ({
    id: "doc-bl-2",
    kind: "BILL_OF_LADING" as const,
    originals: 1,
    copies: 0,
    data: { ...presentation().documents[1]!.data, number: "B2", vessel, portOfDischarge, originalsIssued: 1 },
  });

  it("refuses a further presentation when partial shipments are prohibited (31a)", () => {
    const result = examinePresentation(presentation({ earlierPresentations: 1 }));
    expect(rulesOf(result)).toEqual(["partial-drawing-prohibited"]);
    expect(result.findings[0]).toMatchObject({ article: "31(a)", found: "Presentation 2", expected: "A single presentation" });
    expect(examinePresentation(presentation({ earlierPresentations: 1, terms: { partialShipments: "ALLOWED" } })).findings).toEqual([]);
  });

  it("treats bills of lading for one vessel and voyage as one shipment, different vessels as partial (31b)", () => {
    expect(examinePresentation(presentation({ extra: [secondBill("MAERSK ELBA")] })).findings).toEqual([]);
    const result = examinePresentation(presentation({ extra: [secondBill("CMA CGM Tage")] }));
    expect(rulesOf(result)).toEqual(["partial-shipment-prohibited"]);
    expect(result.findings[0]).toMatchObject({ article: "31(b)", found: "Maersk Elba to Singapore; CMA CGM Tage to Singapore" });
    expect(examinePresentation(presentation({ terms: { partialShipments: "ALLOWED" }, extra: [secondBill("CMA CGM Tage")] })).findings).toEqual([]);
  });
});

describe("full set of original bills of lading (art. 20(a)(iv))", () => {
  it("does not hold a copy of the bill of lading to the full set of originals", () => {
    const copy = { id: "doc-bl-copy", kind: "BILL_OF_LADING" as const, originals: 0, copies: 2, data: { ...presentation().documents[1]!.data } };
    expect(examinePresentation(presentation({ extra: [copy] })).findings).toEqual([]);
  });

  it("still refuses an original bill presented without the rest of its set", () => {
    const result = examinePresentation(presentation({ counts: { BILL_OF_LADING: { originals: 1, copies: 0 } }, terms: { documentsRequired: TEST_TERMS.documentsRequired.map((d) => (d.kind === "BILL_OF_LADING" ? { ...d, originals: 1, copies: 0 } : d)) } }));
    expect(rulesOf(result)).toEqual(["bill-of-lading-full-set"]);
  });
});

describe("ports on the bill of lading (art. 20(a)(iii), ISBP 821 E6)", () => {
  const route = (portOfLoading: string, portOfDischarge: string) => ({ terms: { portOfLoading, portOfDischarge } });

  it("accepts the credit's port written as a name with 'Port', or with its UN/LOCODE", () => {
    expect(examinePresentation(presentation({ ...route("Shanghai", "Singapore"), data: { BILL_OF_LADING: { portOfLoading: "Shanghai Port", portOfDischarge: "Singapore (SGSIN)" } } })).findings).toEqual([]);
    expect(examinePresentation(presentation({ ...route("Shanghai", "Singapore"), data: { BILL_OF_LADING: { portOfLoading: "Shanghai (CNSHA)" } } })).findings).toEqual([]);
  });

  it("accepts any port inside a range the credit names, and refuses one outside it", () => {
    expect(examinePresentation(presentation({ ...route("Any Chinese port", "Any European port"), data: { BILL_OF_LADING: { portOfLoading: "Ningbo", portOfDischarge: "Rotterdam" } } })).findings).toEqual([]);
    const outside = examinePresentation(presentation({ ...route("Any port in China", "Singapore"), data: { BILL_OF_LADING: { portOfLoading: "Busan" } } }));
    expect(rulesOf(outside)).toEqual(["bill-of-lading-port-of-loading"]);
    expect(outside.findings[0]).toMatchObject({ found: "Busan", expected: "Any port in China" });
  });

  it("leaves to the examiner a port whose country it cannot tell against a range", () => {
    const result = examinePresentation(presentation({ ...route("Any Chinese port", "Singapore"), data: { BILL_OF_LADING: { portOfLoading: "Lianyungang" } } }));
    expect(result.findings).toEqual([]);
    expect(result.checkByHand).toEqual([expect.objectContaining({ rule: "bill-of-lading-port-of-loading", found: "Lianyungang", expected: "Any Chinese port" })]);
  });
});

describe("one shipment or several (art. 31(b))", () => {
  const bill = (id: string, data: Record<string, unknown>) => ({ id, kind: "BILL_OF_LADING" as const, originals: 1, copies: 0, data: { ...presentation().documents[1]!.data, number: id, originalsIssued: 1, ...data } });

  it("reads one destination however the bills write it", () => {
    const extra = [bill("doc-bl-2", { portOfDischarge: "Port of Singapore" }), bill("doc-bl-3", { portOfDischarge: "SINGAPORE (SGSIN)" })];
    expect(examinePresentation(presentation({ extra })).findings).toEqual([]);
  });

  it("treats the same vessel on the same voyage as one shipment, even from different ports of loading", () => {
    const first = { vessel: "Maersk Elba", voyage: "012E" };
    const extra = [bill("doc-bl-2", { ...first, portOfLoading: "Antwerp", onBoardDate: "2027-01-18" })];
    const terms = { portOfLoading: "Any European port" };
    expect(examinePresentation(presentation({ terms, data: { BILL_OF_LADING: first }, extra })).findings).toEqual([]);
  });

  it("treats the same vessel on another voyage as a partial shipment", () => {
    const result = examinePresentation(presentation({ data: { BILL_OF_LADING: { voyage: "012E" } }, extra: [bill("doc-bl-2", { voyage: "015E" })] }));
    expect(rulesOf(result)).toEqual(["partial-shipment-prohibited"]);
    expect(result.findings[0]).toMatchObject({ article: "31(b)", found: "Maersk Elba voyage 012E to Singapore; Maersk Elba voyage 015E to Singapore" });
  });

  it("treats another destination as a partial shipment", () => {
    const terms = { portOfDischarge: "Any port in Malaysia" };
    const result = examinePresentation(presentation({ terms, data: { BILL_OF_LADING: { portOfDischarge: "Port Klang" } }, extra: [bill("doc-bl-2", { portOfDischarge: "Tanjung Pelepas" })] }));
    expect(rulesOf(result)).toEqual(["partial-shipment-prohibited"]);
  });
});

describe("the face of the bill of lading (arts. 20(a)(i), 20(a)(vi), 26(a), 27)", () => {
  const rulesFor = (bl: Record<string, unknown>) => examinePresentation(presentation({ data: { BILL_OF_LADING: bl } })).findings.map((f) => `${f.rule} ${f.article}`);

  it("refuses a bill whose signatory's capacity is not indicated, and accepts the carrier, the master or a named agent", () => {
    expect(rulesFor({ signedAs: "NOT_INDICATED" })).toEqual(["bill-of-lading-signature 20(a)(i)"]);
    for (const signedAs of ["CARRIER", "MASTER", "AGENT_FOR_CARRIER", "AGENT_FOR_MASTER"]) expect(rulesFor({ signedAs }), signedAs).toEqual([]);
  });

  it("refuses a clause declaring defective goods or packaging (art. 27), not one denying it nor a description clause", () => {
    expect(rulesFor({ clauses: "2 cartons torn, contents exposed" })).toEqual(["bill-of-lading-not-clean 27"]);
    expect(rulesFor({ clauses: "Packaging insufficient packing for sea voyage. Drums rusty" })).toEqual(["bill-of-lading-not-clean 27"]);
    expect(rulesFor({ clauses: "Shipped in apparent good order and condition, no damage noted" })).toEqual([]);
    expect(rulesFor({ clauses: "Shipper's load, stow and count. Said to contain 24 pumps" })).toEqual([]);
    expect(rulesFor({ clauses: "Cartons not wet on loading" })).toEqual([]);
  });

  it("refuses goods stated loaded on deck (art. 26(a)) and a bill subject to a charter party (art. 20(a)(vi))", () => {
    expect(rulesFor({ onDeck: true })).toEqual(["bill-of-lading-on-deck 26(a)"]);
    expect(rulesFor({ charterParty: true })).toEqual(["bill-of-lading-charter-party 20(a)(vi)"]);
    expect(rulesFor({ onDeck: false, charterParty: false })).toEqual([]);
  });
});
