import { describe, expect, it } from "vitest";
import { sampleTerms } from "@/lib/terms/sample";
import { parseFin, validateFin } from "./fin";
import { mt700Fields, mt700ToTerms } from "./mt700-terms";
import { type Mt798ApplicationInput, embeddedFields, mt798Application } from "./mt798";

const TODAY = new Date("2026-12-01T00:00:00Z");
const input = (overrides: Partial<Mt798ApplicationInput> = {}): Mt798ApplicationInput => ({
  reference: "TT-2026-000042",
  terms: sampleTerms({}, TODAY),
  applicant: { name: "Lion City Engineering Pte Ltd", bic: "LCENSGS1" },
  issuingBank: { name: "Merlion Trade Bank", bic: "MTBKSGSG" },
  advisingBank: { name: "Rotterdam Commerce Bank", bic: "RCBKNL2R500" },
  createdAt: "2026-12-01T09:30:00.000Z",
  ...overrides,
});

describe("MT798 LC application (index 770)", () => {
  it("writes an MT798<770> index and an MT798<700> with the agreed terms, from the applicant's BIC to the issuing bank's", () => {
    const file = mt798Application(input());
    expect(file.problems).toEqual([]);
    expect(file.messages.map((m) => [m.type, m.fields.map((f) => f.tag), m.fields[1]!.value])).toEqual([
      ["798", ["20", "12", "77E"], "770"],
      ["798", ["20", "12", "77E"], "700"],
    ]);
    expect(file.text.startsWith("{1:F01LCENSGS1AXXX0000000000}{2:I798MTBKSGSGXXXXN}{3:{108:TT2026000042A1}}{4:\r\n:20:TT2026000042A1\r\n:12:770\r\n:77E:\r\n:27A:1/2\r\n:21A:TT-2026-000042\r\n:25F:ISSUE\r\n:13E:202612010930\r\n")).toBe(true);
    const index = embeddedFields(file.messages[0]!.fields[2]!.value);
    expect(index.find((f) => f.tag === "58A")!.value).toBe("RCBKNL2R500");
    expect(index.find((f) => f.tag === "73A")!.value).toBe("All banking charges outside\nSingapore are for the beneficiary's\naccount.");
  });

  it("reads back: parseFin keeps every line after :77E: in 77E, and the details give the agreed terms", () => {
    const terms = sampleTerms({}, TODAY);
    const file = mt798Application(input({ terms }));
    const parsed = parseFin(file.text);
    expect(parsed.ok).toBe(true);
    expect(parsed.messages.map((m) => m.message)).toEqual(file.messages);
    const details = embeddedFields(parsed.messages[1]!.message.fields.find((f) => f.tag === "77E")!.value);
    expect(details.slice(0, 2)).toEqual([
      { tag: "27A", value: "2/2" },
      { tag: "21A", value: "TT-2026-000042" },
    ]);
    const { terms: back, problems } = mt700ToTerms(mt700Fields([{ type: "700", fields: details.slice(2) }]), { issuingBank: "MTBKSGSG", advisingBank: "RCBKNL2R500" });
    expect(problems).toEqual([]);
    expect(back).toMatchObject({ currency: "USD", amount: "125000.00", expiryDate: terms.expiryDate, portOfLoading: terms.portOfLoading, incoterm: "CIF", availableWith: "ADVISING_BANK", confirmation: "WITHOUT" });
  });

  it("sends 45A beyond 100 lines in an MT798<701> extension, 27A counting 3", () => {
    const goods = Array.from({ length: 120 }, (_, i) => `ITEM ${i + 1}`).join("\n");
    const file = mt798Application(input({ terms: sampleTerms({ goodsDescription: goods }, TODAY) }));
    expect(file.problems).toEqual([]);
    expect(file.messages.map((m) => m.fields[1]!.value)).toEqual(["770", "700", "701"]);
    const extension = embeddedFields(file.messages[2]!.fields[2]!.value);
    expect(extension[0]).toEqual({ tag: "27A", value: "3/3" });
    expect(extension[2]!.tag).toBe("45B");
    expect(extension[2]!.value.split("\n")).toHaveLength(21);
  });

  it("says so when the applicant has no BIC to send from, and reports transliterations", () => {
    const file = mt798Application(input({ applicant: { name: "Lion City Engineering Pte Ltd", bic: null }, terms: sampleTerms({ beneficiary: { name: "Société Générale", address: "Paris" } }, TODAY) }));
    expect(file.problems.filter((p) => p.tag === "block 1").map((p) => p.message)).toEqual([
      "Lion City Engineering Pte Ltd has no BIC: a corporate sends MT798 from its own BIC",
      "Lion City Engineering Pte Ltd has no BIC: a corporate sends MT798 from its own BIC",
    ]);
    expect(file.transliterations.map((t) => [t.tag, t.from, t.to])).toEqual(Array.from({ length: 4 }, () => ["59", "é", "e"]));
    expect(embeddedFields(file.messages[1]!.fields[2]!.value).find((f) => f.tag === "59")!.value).toBe("Societe Generale\nParis");
  });

  it("validates 77E: a line starting with '-' (it would end the text block) or longer than 78 is refused with its line", () => {
    const [index] = mt798Application(input()).messages;
    const with77E = (value: string) => validateFin({ ...index!, fields: index!.fields.map((f) => (f.tag === "77E" ? { ...f, value } : f)) });
    expect(with77E("\n:27A:1/2\n-X")).toEqual([{ tag: "77E", line: undefined, message: '77E Proprietary message: a line may not start with "-"' }]);
    expect(with77E(`\n:27A:1/2\n${"A".repeat(79)}`).map((p) => p.message)).toEqual(["77E Proprietary message: line of 79 characters, at most 78 allowed (73z[n*78z])"]);
    expect(with77E(`${"A".repeat(74)}`).map((p) => p.message)).toEqual(["77E Proprietary message: line of 74 characters, at most 73 allowed (73z[n*78z])"]);
  });
});
