import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { sampleStandbyTerms } from "@/lib/terms/sample";
import { DOCUMENT_KINDS, termsSchema } from "@/lib/terms/schema";
import { RULE_CITATIONS, isIsbpCitation, isbpCitation, isbpCitationsIn } from "./citations";
import { examinePresentation } from "./index";
import { TEST_TERMS } from "./test-presentation";
import type { ExaminationInput, Finding, PresentedDocument } from "./types";

// The examination corpus (issue 13): presentations as data in tests/examination-corpus/*.json,
// each with the exact findings and points to check by hand it must give, every discrepant case
// beside a compliant twin (the same presentation with the fault corrected). Format: README.md there.

const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../tests/examination-corpus");

/** The credit each case's `terms` override: the sample credit of the examination tests, or the sample standby. */
const BASE_TERMS = { documentary: TEST_TERMS, standby: sampleStandbyTerms({ expiryDate: "2027-06-04" }) } as const;

interface Expected {
  rule: string;
  article: string;
}

interface CorpusCase {
  name: string;
  base?: keyof typeof BASE_TERMS;
  description: string;
  twin?: string;
  terms?: Record<string, unknown>;
  presentedOn: string;
  holidays?: string[];
  earlierPresentations?: number;
  drawnBefore?: string;
  issuingBank?: string;
  documents: PresentedDocument[];
  expect: { findings: Expected[]; checkByHand: Expected[] };
}

interface CorpusFile {
  area: string;
  about: string;
  cases: CorpusCase[];
}

const files = fs
  .readdirSync(CORPUS)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => ({ name, ...(JSON.parse(fs.readFileSync(path.join(CORPUS, name), "utf8")) as CorpusFile) }));
const cases = files.flatMap((file) => file.cases);
const byName = new Map(cases.map((c) => [c.name, c]));

function input(c: CorpusCase): ExaminationInput {
  // Every case is a credit the terms form would accept: a case cannot pass on terms no bank could issue.
  const terms = termsSchema.safeParse({ ...BASE_TERMS[c.base ?? "documentary"], ...c.terms });
  if (!terms.success) throw new Error(`${c.name}: invalid terms: ${terms.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return { terms: terms.data, presentedOn: c.presentedOn, documents: c.documents, drawnBefore: c.drawnBefore, earlierPresentations: c.earlierPresentations, holidays: c.holidays, issuingBank: c.issuingBank };
}

/** Rule and article, sorted: the comparison is of the set (with repeats), not of the notice order. */
const outcomes = (list: readonly (Expected | Finding)[]) => list.map((f) => `${f.rule} (${f.article})`).sort();

/**
 * Every outcome cites a UCP 600 article its rule lists (an ISP98 rule for a standby under ISP98),
 * and the ISBP 821 citation its rule gives for the document's kind, or a narrower one it lists.
 */
function expectCitedAsListed(o: Finding) {
  const where = `${o.rule} (${o.article}): ${o.message}`;
  const citation = RULE_CITATIONS[o.rule];
  expect(citation, `${where}: listed in citations.ts`).toBeDefined();
  const cited = isbpCitationsIn(o.message);
  if (o.article.startsWith("ISP98 ")) {
    expect(o.article, where).toMatch(/^ISP98 \d\.\d{2}$/);
    expect(cited, `${where}: ISBP does not govern ISP98`).toEqual([]);
    return;
  }
  expect(citation!.ucp, where).toContain(o.article);
  const byDefault = isbpCitation(o.rule, o.documentKind);
  const allowed = [byDefault, ...(citation!.alsoIsbp ?? [])].filter((c) => c !== null);
  expect(cited.length, `${where}: one ISBP 821 citation at most`).toBeLessThanOrEqual(1);
  if (byDefault !== null) expect(cited.length, `${where}: cites ISBP 821`).toBe(1);
  for (const c of cited) {
    expect(isIsbpCitation(c), `${where}: ${c} is an ISBP 821 paragraph or section`).toBe(true);
    expect(allowed, where).toContain(c);
  }
}

describe("the examination corpus", () => {
  it("holds at least 60 cases with unique names, each discrepant one beside a compliant twin", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(byName.size).toBe(cases.length);
    for (const c of cases.filter((c) => c.expect.findings.length > 0)) {
      expect(c.twin, `${c.name} names its compliant twin`).toBeDefined();
      const twin = byName.get(c.twin!);
      expect(twin, `${c.name}: twin ${c.twin} exists`).toBeDefined();
      expect(twin!.expect.findings, `${c.name}: twin ${c.twin} expects no finding`).toEqual([]);
      expect(JSON.stringify(input(twin!)), `${c.name}: twin ${c.twin} is another presentation`).not.toBe(JSON.stringify(input(c)));
    }
  });

  it("presents every kind of document the engine knows, in compliant and in discrepant cases", () => {
    const kindsIn = (list: CorpusCase[]) => new Set(list.flatMap((c) => c.documents.map((d) => d.kind)));
    expect([...kindsIn(cases.filter((c) => c.expect.findings.length === 0))].sort()).toEqual([...DOCUMENT_KINDS].sort());
    expect([...kindsIn(cases.filter((c) => c.expect.findings.length > 0))].sort()).toEqual([...DOCUMENT_KINDS].sort());
  });
});

for (const file of files) {
  describe(`${file.name}: ${file.area}`, () => {
    for (const c of file.cases) {
      it(`${c.name}: ${c.description}`, () => {
        const result = examinePresentation(input(c));
        expect(outcomes(result.findings), "findings").toEqual(outcomes(c.expect.findings));
        expect(outcomes(result.checkByHand), "check by hand").toEqual(outcomes(c.expect.checkByHand));
        expect(result.compliant).toBe(c.expect.findings.length === 0);
        for (const o of [...result.findings, ...result.checkByHand]) expectCitedAsListed(o);
      });
    }
  });
}
