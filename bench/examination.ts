// Benchmark (issue 13): the automatic examination of one presentation of 12 documents with
// examinePresentation (lib/examination: pure, no database, no chain), on one core (the main thread):
//
//   - latency of one examination: p50, p95 and max over BENCH_SECONDS of back-to-back runs,
//   - presentations examined per second, untimed loop,
//   - baseline, in the same process: JSON.parse of the same presentation as the database hands it
//     over (terms and document details are JSONB), the least any examination of it must cost.
//
// The presentation complies, so every rule runs to the end: a commercial invoice, two original
// bills of lading for one vessel and voyage from a port range (art. 31(b), ISBP 821 E6) and a
// non-negotiable copy, an insurance certificate, a packing list, a certificate of origin, an
// inspection certificate and four other documents; their weights, marks, origin, parties and ports
// agree across documents (art. 14(d)), so the consistency rules compare every pair. Target: under 5 ms per presentation (p95).
//
//   npm run bench -- examination
//   BENCH_SECONDS=1 npx tsx bench/examination.ts
import { examinePresentation } from "@/lib/examination";
import type { ExaminationInput, PresentedDocument } from "@/lib/examination/types";
import { sampleTerms } from "@/lib/terms/sample";
import { termsSchema } from "@/lib/terms/schema";
import { runBenchmark } from "./support/main";
import { percentile, ratio, round, table, writeResult } from "./support/report";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const TARGET_MS = 5;
/** Parsed copies examined in turn, so no run reads objects the previous one just touched. */
const POOL = 64;

const GOODS = "24 units industrial centrifugal pumps, model DP-450,\nstainless steel, as per proforma invoice PI-2026-118";
const terms = termsSchema.parse(
  sampleTerms({
    latestShipmentDate: "2027-01-29",
    expiryDate: "2027-02-26",
    portOfLoading: "Any European port",
    goodsDescription: GOODS,
    documentsRequired: [
      { kind: "COMMERCIAL_INVOICE", originals: 3, copies: 2, details: "Signed, showing CIF Singapore Incoterms 2020 and the credit number" },
      // 46A as data where the structure holds it (issue 13 item 2), so its rules run too; words for the rest.
      {
        kind: "BILL_OF_LADING",
        originals: 3,
        copies: 1,
        conditions: { transport: { clean: true, onBoard: true, consignee: "TO_ORDER", notifyParty: "APPLICANT", freight: "PREPAID" } },
        details: "",
      },
      { kind: "PACKING_LIST", originals: 1, copies: 2, details: "Showing gross and net weight of each package" },
      { kind: "CERTIFICATE_OF_ORIGIN", originals: 1, copies: 1, conditions: { issuer: { kind: "CHAMBER_OF_COMMERCE" }, origin: { originCountry: "NL" } }, details: "" },
      {
        kind: "INSURANCE_CERTIFICATE",
        originals: 2,
        copies: 0,
        conditions: { insurance: { coverPercent: 110, risks: ["ICC_A"], coverFrom: "Any European port", coverTo: "Singapore" } },
        details: "",
      },
      { kind: "INSPECTION_CERTIFICATE", originals: 1, copies: 0, conditions: { issuer: { kind: "NAMED", name: "SGS Nederland B.V." } }, details: "Pre-shipment inspection" },
      { kind: "OTHER", originals: 1, copies: 0, details: "Beneficiary's certificate" },
      { kind: "OTHER", originals: 1, copies: 0, details: "Weight certificate" },
      { kind: "OTHER", originals: 1, copies: 0, details: "Fumigation certificate" },
      { kind: "OTHER", originals: 1, copies: 0, details: "Shipping advice to the applicant" },
    ],
  }),
);

const bill = (id: string, number: string, portOfLoading: string, onBoardDate: string, counts: { originals: number; copies: number }): PresentedDocument => ({
  id,
  kind: "BILL_OF_LADING",
  ...counts,
  data: { number, carrier: "Maersk A/S", vessel: "Maersk Elba", voyage: "012E", portOfLoading, portOfDischarge: "Singapore (SGSIN)", onBoardDate, shippedOnBoard: true, originalsIssued: 2, transhipment: false, containerised: true, shipper: "Delta Pumps B.V.", consignee: "To order", notifyParty: "Lion City Engineering Pte. Ltd.", freight: "PREPAID", notifyPartyAddress: "21 Tuas Ave 3, Singapore 639413", shippingMarks: "LCE / SINGAPORE / 1-24" },
});
const other = (id: string, title: string, date: string): PresentedDocument => ({ id, kind: "OTHER", originals: 1, copies: 0, data: { title, issuer: "Delta Pumps B.V.", date } });

const documents: PresentedDocument[] = [
  { id: "invoice", kind: "COMMERCIAL_INVOICE", originals: 3, copies: 2, data: { number: "INV-2027-0042", date: "2027-01-20", issuer: "DELTA PUMPS BV", addressee: "Lion City Engineering Private Limited", currency: "USD", amount: "125000.00", goodsDescription: "Stainless steel industrial centrifugal pumps DP-450, 24 units, as per proforma invoice PI-2026-118, CIF Singapore Incoterms 2020", packages: 24, grossWeight: "8.64 MT", netWeight: "7,920 KGS", shippingMarks: "LCE SINGAPORE NOS. 1-24", countryOfOrigin: "Holland", portOfLoading: "Rotterdam (NLRTM)", portOfDischarge: "Singapore" } },
  bill("bl-1", "RTMSIN778812", "Rotterdam (NLRTM)", "2027-01-20", { originals: 2, copies: 0 }),
  bill("bl-2", "ANRSIN778813", "Port of Antwerp, Belgium", "2027-01-18", { originals: 2, copies: 0 }),
  bill("bl-copy", "RTMSIN778812", "Rotterdam (NLRTM)", "2027-01-20", { originals: 0, copies: 1 }),
  { id: "insurance", kind: "INSURANCE_CERTIFICATE", originals: 2, copies: 0, data: { number: "POL-5531", issuer: "Lloyd's Marine", date: "2027-01-18", currency: "USD", amount: "137500.00", risks: "Institute Cargo Clauses (A)", claimsPayableAt: "Singapore", coverFromPlace: "Rotterdam", coverToPlace: "Singapore" } },
  { id: "packing", kind: "PACKING_LIST", originals: 1, copies: 2, data: { date: "2027-01-17", packages: 24, grossWeightKg: 8640, netWeightKg: 7920, issuer: "Delta Pumps B.V.", goodsDescription: GOODS, shippingMarks: "LCE\nSINGAPORE\n1-24" } },
  { id: "origin", kind: "CERTIFICATE_OF_ORIGIN", originals: 1, copies: 1, data: { number: "NL-RTM-2027-0311", date: "2027-01-16", issuer: "Rotterdam Chamber of Commerce", countryOfOrigin: "Netherlands", consignor: "Delta Pumps B.V.", consignee: "Lion City Engineering Pte Ltd", shippingMarks: "LCE SINGAPORE 1-24 MADE IN HOLLAND" } },
  { id: "inspection", kind: "INSPECTION_CERTIFICATE", originals: 1, copies: 0, data: { number: "SGS-RTM-88120", issuer: "SGS Nederland B.V.", date: "2027-01-16", result: "24 units inspected and found in conformity with proforma invoice PI-2026-118" } },
  other("beneficiary", "Beneficiary's certificate", "2027-01-21"),
  other("weight", "Weight certificate", "2027-01-17"),
  other("fumigation", "Fumigation certificate", "2027-01-15"),
  other("advice", "Shipping advice", "2027-01-21"),
];

const input: ExaminationInput = { terms, presentedOn: "2027-02-01", documents, drawnBefore: "0", earlierPresentations: 0, holidays: ["2027-04-27"] };
/** The presentation as stored: what the handler reads back before examining. */
const stored = JSON.stringify(input);

/** Back-to-back calls for `seconds`; each call's duration in ms. */
function latencies(seconds: number, run: (i: number) => unknown): number[] {
  const out: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  for (let i = 0; ; i++) {
    const start = performance.now();
    run(i);
    const end = performance.now();
    out.push(end - start);
    if (end > deadline) return out;
  }
}

/** Calls per second over `seconds`, timed in batches of 100 so the clock costs nothing. */
function throughput(seconds: number, run: (i: number) => unknown): number {
  let calls = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  while (performance.now() < deadline) for (let j = 0; j < 100; j++) run(calls++);
  return (calls / (performance.now() - start)) * 1000;
}

let sink = 0; // keeps each result alive, so no call can be optimised away

runBenchmark("examination", async () => {
  const check = examinePresentation(input);
  // 46A's words (invoice, packing list, inspection, the four other documents) are the examiner's; nothing else may be left undecided.
  if (documents.length !== 12 || !check.compliant || check.checkByHand.some((c) => c.rule !== "credit-requirement-in-words") || check.checkByHand.length !== 7) throw new Error(`expected a complying presentation of 12 documents, got ${JSON.stringify(check)}`);
  const pool = Array.from({ length: POOL }, () => JSON.parse(stored) as ExaminationInput);
  const examine = (i: number) => (sink += examinePresentation(pool[i % POOL]!).findings.length);
  const parse = () => (sink += (JSON.parse(stored) as ExaminationInput).documents.length);
  const parseAndExamine = () => (sink += examinePresentation(JSON.parse(stored) as ExaminationInput).findings.length);
  console.log(`examination benchmark: one presentation of ${documents.length} documents (${stored.length.toLocaleString("en")} bytes as JSON), ${SECONDS} s per measurement, one core (main thread)\n`);

  // Warm up (JIT) before measuring.
  latencies(0.5, examine);
  latencies(0.2, parse);

  const measured = [
    { what: "examinePresentation (parsed input)", times: latencies(SECONDS, examine), perSecond: throughput(SECONDS, examine) },
    { what: "JSON.parse + examinePresentation", times: latencies(SECONDS, parseAndExamine), perSecond: throughput(SECONDS, parseAndExamine) },
    { what: "baseline: JSON.parse of the presentation", times: latencies(SECONDS, parse), perSecond: throughput(SECONDS, parse) },
  ].map(({ what, times, perSecond }) => ({ what, runs: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times.reduce((a, b) => Math.max(a, b), 0), perSecond }));
  const [examined, endToEnd, baseline] = measured as [(typeof measured)[0], (typeof measured)[0], (typeof measured)[0]];

  const us = (ms: number) => `${round(ms * 1000, 1)} µs`;
  table(measured.map((m) => ({ measurement: m.what, runs: m.runs, p50: us(m.p50), p95: us(m.p95), max: us(m.max), "per second": Math.round(m.perSecond).toLocaleString("en") })));
  console.log(`\nRatio (examination / JSON.parse baseline, p50): ${ratio(examined.p50, baseline.p50)} the cost; throughput ${ratio(baseline.perSecond, examined.perSecond)} lower`);
  const met = examined.p95 < TARGET_MS;
  console.log(`Target: under ${TARGET_MS} ms per presentation (p95): ${round(examined.p95, 3)} ms — ${met ? "met" : "MISSED"}`);
  const file = writeResult("examination", {
    settings: { seconds: SECONDS, documents: documents.length, bytes: stored.length },
    rows: measured.map((m) => ({ ...m, p50: round(m.p50, 4), p95: round(m.p95, 4), max: round(m.max, 4), perSecond: Math.round(m.perSecond) })),
    ratioToBaselineP50: round(examined.p50 / baseline.p50, 1),
    endToEndP95Ms: round(endToEnd.p95, 4),
    target: { p95Ms: TARGET_MS, met },
    sink,
  });
  console.log(`\nResults written to ${file}`);
});
