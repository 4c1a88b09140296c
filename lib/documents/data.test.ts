import { describe, expect, it } from "vitest";
import { DOCUMENT_KINDS } from "@/lib/terms/schema";
import { DOCUMENT_DATA_FIELDS, DOCUMENT_DATA_SCHEMAS, describeDocumentData, parseDocumentData } from "./data";

const invoice = {
  number: "INV-2027-0042",
  date: "2027-01-20",
  issuer: "Delta Pumps B.V.",
  addressee: "Lion City Engineering Pte Ltd",
  currency: "USD",
  amount: "125000.00",
  goodsDescription: "24 units industrial centrifugal pumps",
};

describe("parseDocumentData", () => {
  it("accepts a complete invoice and keeps exactly its fields", () => {
    expect(parseDocumentData("COMMERCIAL_INVOICE", { ...invoice, unexpected: "dropped" })).toEqual({ ok: true, data: invoice });
  });

  it("names every missing or malformed field with a message for the form", () => {
    const result = parseDocumentData("COMMERCIAL_INVOICE", { number: "", date: "2027-02-30", currency: "XXX", amount: "12,000", issuer: "  " });
    expect(result).toEqual({
      ok: false,
      fields: {
        number: "Enter the invoice number",
        date: "Enter a real date as YYYY-MM-DD",
        issuer: "Enter who issued the invoice",
        addressee: "Enter whom the invoice is made out to",
        currency: "Choose the currency",
        amount: "Enter an amount like 125000.00",
        goodsDescription: "Enter the description of goods",
      },
    });
  });

  it("refuses a zero amount and more decimals than the currency has", () => {
    expect(parseDocumentData("COMMERCIAL_INVOICE", { ...invoice, amount: "0.00" })).toEqual({ ok: false, fields: { amount: "The amount must be more than zero" } });
    expect(parseDocumentData("COMMERCIAL_INVOICE", { ...invoice, currency: "JPY", amount: "18000000.5" })).toEqual({ ok: false, fields: { amount: "JPY amounts have no decimal places" } });
    expect(parseDocumentData("COMMERCIAL_INVOICE", { ...invoice, currency: "KWD", amount: "38000.125" }).ok).toBe(true);
  });

  it("keeps a JSON-number amount as the decimal string it denotes", () => {
    expect(parseDocumentData("INSURANCE_CERTIFICATE", { number: "P1", issuer: "Lloyd's", date: "2027-01-19", currency: "USD", amount: 137500.5, risks: "ICC (A)" })).toMatchObject({
      ok: true,
      data: { amount: "137500.5" },
    });
  });

  it("reads the upload form's values: numbers, unticked boxes, empty optional fields", () => {
    const result = parseDocumentData("BILL_OF_LADING", {
      number: "RTMSIN778812",
      carrier: "Maersk A/S",
      vessel: "",
      portOfLoading: "Rotterdam",
      portOfDischarge: "Singapore",
      onBoardDate: "2027-01-20",
      originalsIssued: 3,
      shippedOnBoard: true,
      transhipment: false,
    });
    expect(result).toEqual({
      ok: true,
      data: {
        number: "RTMSIN778812",
        carrier: "Maersk A/S",
        portOfLoading: "Rotterdam",
        portOfDischarge: "Singapore",
        onBoardDate: "2027-01-20",
        originalsIssued: 3,
        shippedOnBoard: true,
        transhipment: false,
        containerised: false,
        onDeck: false,
        charterParty: false,
      },
    });
  });

  it("reports a number field left empty (the form sends null for NaN) or out of range", () => {
    const bill = { number: "B", carrier: "C", portOfLoading: "P", portOfDischarge: "Q", onBoardDate: "2027-01-20" };
    expect(parseDocumentData("BILL_OF_LADING", { ...bill, originalsIssued: null })).toEqual({ ok: false, fields: { originalsIssued: "Enter how many originals were issued" } });
    expect(parseDocumentData("BILL_OF_LADING", { ...bill, originalsIssued: 2.5 })).toEqual({ ok: false, fields: { originalsIssued: "Whole number" } });
    expect(parseDocumentData("BILL_OF_LADING", { ...bill, originalsIssued: "12" })).toEqual({ ok: false, fields: { originalsIssued: "At most 10" } });
  });

  it("accepts a packing list with only its date and number of packages", () => {
    expect(parseDocumentData("PACKING_LIST", { date: "2027-01-19", packages: 12 })).toEqual({ ok: true, data: { date: "2027-01-19", packages: 12 } });
    expect(parseDocumentData("PACKING_LIST", { date: "2027-01-19", packages: 0, grossWeightKg: -1 })).toEqual({
      ok: false,
      fields: { packages: "At least 1", grossWeightKg: "More than zero" },
    });
  });

  it("checks the other kinds' required fields", () => {
    expect(parseDocumentData("CERTIFICATE_OF_ORIGIN", { date: "2027-01-18", issuer: "Chamber" })).toEqual({ ok: false, fields: { countryOfOrigin: "Enter the country of origin" } });
    expect(parseDocumentData("INSPECTION_CERTIFICATE", { issuer: "SGS", date: "2027-01-15" })).toEqual({ ok: false, fields: { result: "Enter the result of the inspection" } });
    expect(parseDocumentData("OTHER", { title: "Beneficiary's certificate" })).toEqual({ ok: true, data: { title: "Beneficiary's certificate" } });
    expect(parseDocumentData("INSURANCE_CERTIFICATE", { number: "P1", issuer: "I", date: "2027-01-19", currency: "USD", amount: "1.00", risks: "ICC (A)", coverFrom: "soon" })).toEqual({
      ok: false,
      fields: { coverFrom: "Enter a real date as YYYY-MM-DD" },
    });
  });

  it("refuses details that are not an object", () => {
    expect(parseDocumentData("OTHER", "title")).toEqual({ ok: false, fields: { _: "Send the document details as an object" } });
    expect(parseDocumentData("OTHER", [])).toEqual({ ok: false, fields: { _: "Send the document details as an object" } });
  });
});

describe("DOCUMENT_DATA_FIELDS", () => {
  it("describes exactly the fields each schema validates, marking the required ones", () => {
    for (const kind of DOCUMENT_KINDS) {
      const shape = DOCUMENT_DATA_SCHEMAS[kind].shape;
      expect(DOCUMENT_DATA_FIELDS[kind].map((f) => f.key).sort(), kind).toEqual(Object.keys(shape).sort());
      const parsed = parseDocumentData(kind, {});
      const missing = parsed.ok ? [] : Object.keys(parsed.fields);
      const required = DOCUMENT_DATA_FIELDS[kind].filter((f) => f.required).map((f) => f.key);
      expect(missing.sort(), kind).toEqual(required.sort());
    }
  });

  it("offers the credit currencies for a currency select", () => {
    const currency = DOCUMENT_DATA_FIELDS.COMMERCIAL_INVOICE.find((f) => f.key === "currency")!;
    expect(currency.type).toBe("select");
    expect(currency.options).toContainEqual({ value: "USD", label: "USD" });
  });

  it("describes stored details for display, in form order", () => {
    expect(describeDocumentData("PACKING_LIST", { packages: 12, date: "2027-01-19" })).toEqual([
      { label: "Date", value: "2027-01-19" },
      { label: "Number of packages", value: "12" },
    ]);
    expect(describeDocumentData("BILL_OF_LADING", { shippedOnBoard: true, transhipment: false })).toEqual([
      { label: "Shows the goods shipped on board", value: "Yes" },
      { label: "Indicates transhipment", value: "No" },
    ]);
  });
});

describe("standby documents", () => {
  const demand = { date: "2027-05-10", signedBy: "Joost Visser, director", currency: "USD", amount: "250000.00" };
  const statement = { date: "2027-05-10", signedBy: "Joost Visser, director", statement: "The applicant failed to pay invoice DP-118 when due." };

  it("accepts a dated, signed demand stating the amount (ISP98 4.16), the wording optional", () => {
    expect(parseDocumentData("DEMAND", demand)).toEqual({ ok: true, data: demand });
    expect(parseDocumentData("DEMAND", { ...demand, wording: "We demand payment." })).toEqual({ ok: true, data: { ...demand, wording: "We demand payment." } });
  });

  it("refuses a demand without date, signature or amount, or with more decimals than its currency", () => {
    expect(parseDocumentData("DEMAND", { currency: "USD" })).toEqual({
      ok: false,
      fields: { date: "Enter the date of the demand", signedBy: "Enter who signed the demand for the beneficiary", amount: "Enter the amount demanded" },
    });
    expect(parseDocumentData("DEMAND", { ...demand, amount: "250000.005" })).toEqual({ ok: false, fields: { amount: "USD amounts have at most 2 decimal places" } });
  });

  it("accepts a dated, signed statement of default (ISP98 4.17) and refuses one without its statement", () => {
    expect(parseDocumentData("STATEMENT_OF_DEFAULT", statement)).toEqual({ ok: true, data: statement });
    expect(parseDocumentData("STATEMENT_OF_DEFAULT", { ...statement, statement: " " })).toEqual({ ok: false, fields: { statement: "Enter the statement of default" } });
  });
});
