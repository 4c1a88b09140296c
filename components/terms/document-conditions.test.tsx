import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DocumentConditions, conditionsForKind, issuerKindsFor } from "./document-conditions";

// 46A conditions beside each required document (issue 13 item 2): labelled per row, only the
// groups the kind has, errors read with their control, and what the user chose shown back.

const render = (props: Partial<Parameters<typeof DocumentConditions>[0]> & Pick<Parameters<typeof DocumentConditions>[0], "kind">) =>
  renderToStaticMarkup(<DocumentConditions row={2} conditions={undefined} onChange={() => undefined} error={() => undefined} {...props} />);

/** The control whose aria-label is `label`: its tag and attributes. */
const control = (markup: string, label: string) => new RegExp(`<(select|input)[^>]*aria-label="${label.replace(/[()]/g, "\\$&").replace(/'/g, "&#x27;")}"[^>]*>`).exec(markup)?.[0];

describe("DocumentConditions", () => {
  it("offers consignee, notify party, freight and the allowances for a transport document, named by row, in a group with a legend", () => {
    const markup = render({ kind: "BILL_OF_LADING" });
    for (const label of ["Document 2 issued by", "Document 2 consignee", "Document 2 notify party", "Document 2 freight", "Document 2 clean", "Document 2 shipped on board", "Document 2 charter party b/l acceptable", "Document 2 shipment on deck acceptable"]) {
      expect(control(markup, label), label).toBeDefined();
    }
    expect(markup).toContain("<legend");
    expect(markup).not.toContain("Document 2 cover percent");
    // Nothing stated yet: closed, so a long 46A stays short.
    expect(markup).not.toMatch(/<details[^>]*open/);
  });

  it("offers cover, places and risks for insurance, and the country for a certificate of origin", () => {
    const insurance = render({ kind: "INSURANCE_CERTIFICATE" });
    expect(control(insurance, "Document 2 cover percent")).toMatch(/type="number"/);
    expect(insurance).toContain("Document 2 risks to be covered");
    expect(insurance).toContain("Institute War Clauses (Cargo)");
    expect(insurance).not.toContain("Document 2 consignee");
    expect(control(render({ kind: "CERTIFICATE_OF_ORIGIN" }), "Document 2 country of origin")).toMatch(/maxLength="2"/i);
  });

  it("shows the conditions chosen, opened, and a named consignee's name as a required field", () => {
    const markup = render({ kind: "BILL_OF_LADING", conditions: { transport: { consignee: "NAMED", consigneeName: "Jurong Logistics", freight: "COLLECT", onDeckAllowed: false } } });
    expect(markup).toMatch(/<details[^>]*open/);
    expect(markup).toMatch(/<option value="NAMED" selected="">/);
    expect(markup).toMatch(/<option value="COLLECT" selected="">/);
    expect(control(markup, "Document 2 consignee's name")).toMatch(/value="Jurong Logistics"/);
    expect(control(markup, "Document 2 consignee's name")).toMatch(/aria-required="true"/);
  });

  it("links an error to its control with aria-describedby and marks it invalid", () => {
    const markup = render({ kind: "BILL_OF_LADING", conditions: { transport: { consignee: "NAMED" } }, error: (path) => (path === "transport.consigneeName" ? "Enter the consignee's name" : undefined) });
    const input = control(markup, "Document 2 consignee's name")!;
    expect(input).toMatch(/aria-invalid="true"/);
    const describedBy = /aria-describedby="([^"]+)"/.exec(input)![1]!;
    expect(markup).toMatch(new RegExp(`<p id="${describedBy}"[^>]*>Enter the consignee&#x27;s name</p>`));
  });

  it("offers only the issuers of the kind, and drops the conditions another kind does not have", () => {
    expect(issuerKindsFor("COMMERCIAL_INVOICE")).not.toContain("CARRIER_OR_AGENT");
    expect(issuerKindsFor("AIR_WAYBILL")).toContain("CARRIER_OR_AGENT");
    expect(issuerKindsFor("INSURANCE_CERTIFICATE")).toContain("INSURER_OR_AGENT");
    const bl = { issuer: { kind: "CARRIER_OR_AGENT" as const }, transport: { freight: "PREPAID" as const } };
    expect(conditionsForKind(bl, "SEA_WAYBILL")).toEqual(bl);
    expect(conditionsForKind(bl, "PACKING_LIST")).toBeUndefined();
    expect(conditionsForKind({ issuer: { kind: "NAMED", name: "SGS" }, origin: { originCountry: "NL" } }, "INSPECTION_CERTIFICATE")).toEqual({ issuer: { kind: "NAMED", name: "SGS" } });
  });
});
