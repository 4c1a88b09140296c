// Benchmark (issue 15): SWIFT Category 7 messages written and read with lib/swift (pure, no
// database, no chain), on one core (the main thread):
//
//   - serialise: one issued credit's MT700 built from its terms (mapping, transliteration,
//     wrapping, overflow into two MT701s, validation) and written as FIN text;
//   - parse: that FIN text (three messages) read back to fields and validated;
//   - latency p50, p95 and max over BENCH_SECONDS of back-to-back runs, and messages per second
//     (an MT700 with its MT701s counted as one message, as a bank's file holds it);
//   - baseline, in the same process: JSON.stringify and JSON.parse of the same credit input.
//
// Target: at least 10,000 messages a second each way, on one core.
//
//   npm run bench -- swift
//   BENCH_SECONDS=1 npx tsx bench/swift.ts
import { parseFin } from "@/lib/swift/fin";
import { type SwiftCreditInput, swiftMessages } from "@/lib/swift/messages";
import { sampleTerms } from "@/lib/terms/sample";
import { termsSchema } from "@/lib/terms/schema";
import { runBenchmark } from "./support/main";
import { percentile, ratio, round, table, writeResult } from "./support/report";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const TARGET_PER_SECOND = 10_000;

// 250 lines of goods: 100 in the MT700's 45A, 100 in the first MT701's 45B, 50 in the second's.
const goods = Array.from({ length: 249 }, (_, i) => `ITEM ${String(i + 1).padStart(3, "0")}: STAINLESS STEEL CENTRIFUGAL PUMP DP-450, SERIAL ${1000 + i}`).join("\n");
const terms = termsSchema.parse(sampleTerms({ goodsDescription: goods, beneficiary: { name: "Société des Pompes Delta & Fils", address: "Waalhaven Zuidzijde 19, 3089 JH Rotterdam, Netherlands" } }, new Date("2026-12-01T00:00:00Z")));
const input: SwiftCreditInput = {
  reference: "TT-2026-000042",
  creditNumber: "MTB/LC/2026/0042",
  dateOfIssue: "2026-12-01",
  standby: false,
  issuingBank: { name: "Merlion Trade Bank", bic: "MTBKSGSG" },
  advisingBank: { name: "Rotterdam Maritime Bank", bic: "RMBKNL2R500" },
  steps: [{ seq: 2, on: "2026-12-01", kind: "issued", terms, bankConditions: "Documents by courier" }],
};
const serialised = JSON.stringify(input);
/** A typical credit for comparison: the sample terms, one MT700 of about 2 KB and no MT701. */
const typical: SwiftCreditInput = { ...input, steps: [{ seq: 2, on: "2026-12-01", kind: "issued", terms: termsSchema.parse(sampleTerms({}, new Date("2026-12-01T00:00:00Z"))), bankConditions: null }] };

function latencies(seconds: number, run: () => unknown): number[] {
  const out: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  for (;;) {
    const start = performance.now();
    run();
    const end = performance.now();
    out.push(end - start);
    if (end > deadline) return out;
  }
}

function throughput(seconds: number, run: () => unknown): number {
  let calls = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  while (performance.now() < deadline) for (let j = 0; j < 20; j++, calls++) run();
  return (calls / (performance.now() - start)) * 1000;
}

let sink = 0;

runBenchmark("swift", async () => {
  const [mt700] = swiftMessages(input);
  const text = mt700!.text;
  const check = parseFin(text);
  if (mt700!.messages.length !== 3 || mt700!.problems.length > 0 || !check.ok) throw new Error(`expected a valid MT700 with two MT701s, got ${JSON.stringify(mt700!.problems)}`);
  const serialise = () => (sink += swiftMessages(input)[0]!.text.length);
  const parse = () => (sink += (parseFin(text) as { messages: unknown[] }).messages.length);
  const jsonStringify = () => (sink += JSON.stringify(input).length);
  const jsonParse = () => (sink += (JSON.parse(serialised) as SwiftCreditInput).steps.length);
  const typicalText = swiftMessages(typical)[0]!.text;
  const serialiseTypical = () => (sink += swiftMessages(typical)[0]!.text.length);
  const parseTypical = () => (sink += (parseFin(typicalText) as { messages: unknown[] }).messages.length);
  console.log(`swift benchmark: one MT700 with ${mt700!.messages.length - 1} MT701s (${text.length.toLocaleString("en")} characters of FIN; the input is ${serialised.length.toLocaleString("en")} bytes as JSON), ${SECONDS} s per measurement, one core\n`);

  for (const run of [serialise, parse, jsonStringify, jsonParse, serialiseTypical, parseTypical]) latencies(0.3, run); // JIT warm-up

  const measured = [
    { what: "serialise: swiftMessages (MT700 + 2 MT701) to FIN", run: serialise },
    { what: "parse: parseFin of that FIN text, validated", run: parse },
    { what: "baseline: JSON.stringify of the input", run: jsonStringify },
    { what: "baseline: JSON.parse of the input", run: jsonParse },
    { what: `typical MT700 alone (${typicalText.length.toLocaleString("en")} characters): serialise`, run: serialiseTypical },
    { what: "typical MT700 alone: parse", run: parseTypical },
  ].map(({ what, run }) => {
    const times = latencies(SECONDS, run);
    return { what, runs: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times.reduce((a, b) => Math.max(a, b), 0), perSecond: throughput(SECONDS, run) };
  });
  const [ser, par, stringify, jparse, serTypical, parTypical] = measured as [(typeof measured)[0], (typeof measured)[0], (typeof measured)[0], (typeof measured)[0], (typeof measured)[0], (typeof measured)[0]];
  const us = (ms: number) => `${round(ms * 1000, 1)} µs`;
  table(measured.map((m) => ({ measurement: m.what, runs: m.runs, p50: us(m.p50), p95: us(m.p95), max: us(m.max), "per second": Math.round(m.perSecond).toLocaleString("en") })));
  console.log(`\nRatio (p50): serialise ${ratio(ser.p50, stringify.p50)} JSON.stringify; parse ${ratio(par.p50, jparse.p50)} JSON.parse`);
  const met = ser.perSecond >= TARGET_PER_SECOND && par.perSecond >= TARGET_PER_SECOND;
  console.log(`Target: ≥ ${TARGET_PER_SECOND.toLocaleString("en")} messages/s each way: serialise ${Math.round(ser.perSecond).toLocaleString("en")}/s, parse ${Math.round(par.perSecond).toLocaleString("en")}/s — ${met ? "met" : "MISSED"}`);
  console.log(`Typical MT700 alone: serialise ${Math.round(serTypical.perSecond).toLocaleString("en")}/s, parse ${Math.round(parTypical.perSecond).toLocaleString("en")}/s`);
  const file = writeResult("swift", {
    settings: { seconds: SECONDS, messages: mt700!.messages.length, finCharacters: text.length, inputBytes: serialised.length },
    rows: measured.map((m) => ({ what: m.what, runs: m.runs, p50: round(m.p50, 4), p95: round(m.p95, 4), max: round(m.max, 4), perSecond: Math.round(m.perSecond) })),
    ratioToBaselineP50: { serialise: round(ser.p50 / stringify.p50, 1), parse: round(par.p50 / jparse.p50, 1) },
    target: { perSecond: TARGET_PER_SECOND, met },
    typicalPerSecond: { serialise: Math.round(serTypical.perSecond), parse: Math.round(parTypical.perSecond), characters: typicalText.length },
    sink,
  });
  console.log(`\nResults written to ${file}`);
});
