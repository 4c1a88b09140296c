// Benchmark (issue 15): SWIFT Category 7 messages written and read with lib/swift (pure, no
// database, no chain), on one core (the main thread):
//
//   - serialise: one issued credit's MT700 built from its terms (mapping, transliteration,
//     wrapping, overflow into two MT701s, validation) and written as FIN text;
//   - parse: that FIN text (three messages) read back to fields and validated;
//   - latency p50, p95 and max over BENCH_SECONDS of back-to-back runs, and runs per second by
//     the wall clock and per CPU-second (the CPU time this process used: what one core delivers
//     on a machine shared with other work);
//   - a typical credit's MT700 alone, one FIN message;
//   - baseline, in the same process: JSON.stringify and JSON.parse of the same credit input.
//
// Target: at least 10,000 messages a second each way, on one core: FIN messages per CPU-second
// (an MT701 is a message of its own); the whole three-message file counted as one is printed
// beside it.
//
//   npm run bench -- swift
//   BENCH_SECONDS=1 npx tsx bench/swift.ts
import os from "node:os";
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

/**
 * Runs per second, two ways over the same untimed loop: by the wall clock, and by the CPU time
 * this process used (process.cpuUsage, user + system). On a machine shared with other work the
 * wall clock counts time the process was waiting for a core; CPU time is what one core delivers.
 */
function throughput(seconds: number, run: () => unknown): { wall: number; cpu: number } {
  let calls = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const deadline = start + seconds * 1000;
  while (performance.now() < deadline) for (let j = 0; j < 20; j++, calls++) run();
  const elapsed = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { wall: (calls / elapsed) * 1000, cpu: calls / ((cpu.user + cpu.system) / 1e6) };
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
    { what: "serialise: swiftMessages (MT700 + 2 MT701) to FIN", run: serialise, messages: 3 },
    { what: "parse: parseFin of that FIN text, validated", run: parse, messages: 3 },
    { what: "baseline: JSON.stringify of the input", run: jsonStringify, messages: 0 },
    { what: "baseline: JSON.parse of the input", run: jsonParse, messages: 0 },
    { what: `typical MT700 alone (${typicalText.length.toLocaleString("en")} characters): serialise`, run: serialiseTypical, messages: 1 },
    { what: "typical MT700 alone: parse", run: parseTypical, messages: 1 },
  ].map(({ what, run, messages }) => {
    const times = latencies(SECONDS, run);
    const rate = throughput(SECONDS, run);
    return { what, messages, runs: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: times.reduce((a, b) => Math.max(a, b), 0), perSecond: rate.wall, perCpuSecond: rate.cpu };
  });
  const [ser, par, stringify, jparse, serTypical, parTypical] = measured as [(typeof measured)[0], (typeof measured)[0], (typeof measured)[0], (typeof measured)[0], (typeof measured)[0], (typeof measured)[0]];
  const us = (ms: number) => `${round(ms * 1000, 1)} µs`;
  const n = (x: number) => Math.round(x).toLocaleString("en");
  table(
    measured.map((m) => ({
      measurement: m.what,
      runs: m.runs,
      p50: us(m.p50),
      p95: us(m.p95),
      max: us(m.max),
      "per second (wall)": n(m.perSecond),
      "per CPU-second": n(m.perCpuSecond),
      "FIN messages per CPU-second": m.messages ? n(m.perCpuSecond * m.messages) : "",
    })),
  );
  const load = os.loadavg().map((l) => l.toFixed(2)).join(", ");
  console.log(`\nLoad average while measuring (1, 5, 15 min): ${load} on ${os.availableParallelism()} cores`);
  console.log(`Ratio to the in-process baseline (p50 latency; per CPU-second rate):`);
  console.log(`  serialise ${ratio(ser.p50, stringify.p50)} slower than JSON.stringify; rate ${(ser.perCpuSecond / stringify.perCpuSecond).toFixed(2)}x of it`);
  console.log(`  parse ${ratio(par.p50, jparse.p50)} slower than JSON.parse; rate ${(par.perCpuSecond / jparse.perCpuSecond).toFixed(2)}x of it`);
  // Each figure beside the target: FIN messages per CPU-second on one core (a bank's SWIFT
  // interface counts an MT701 as a message of its own), and the stricter count of the whole file as one.
  const verdict = (value: number) => `${n(value).padStart(7)} / ${n(TARGET_PER_SECOND)}  ${value >= TARGET_PER_SECOND ? "met" : "MISSED"}`;
  const targets = [
    { what: "typical MT700, serialise (messages/CPU-s)", value: serTypical.perCpuSecond, counts: true },
    { what: "typical MT700, parse (messages/CPU-s)", value: parTypical.perCpuSecond, counts: true },
    { what: "MT700 + 2 MT701, serialise (FIN messages/CPU-s)", value: ser.perCpuSecond * 3, counts: true },
    { what: "MT700 + 2 MT701, parse (FIN messages/CPU-s)", value: par.perCpuSecond * 3, counts: true },
    { what: "MT700 + 2 MT701 as one file, serialise (files/CPU-s)", value: ser.perCpuSecond, counts: false },
    { what: "MT700 + 2 MT701 as one file, parse (files/CPU-s)", value: par.perCpuSecond, counts: false },
  ];
  console.log(`\nTarget: ≥ ${n(TARGET_PER_SECOND)} messages a second each way on one core`);
  for (const t of targets) console.log(`  ${t.what.padEnd(56)} ${verdict(t.value)}${t.counts ? "" : " (stricter count, for information)"}`);
  const met = targets.filter((t) => t.counts).every((t) => t.value >= TARGET_PER_SECOND);
  console.log(`Target ${met ? "met" : "MISSED"} (FIN messages per CPU-second, serialised and parsed)`);
  const file = writeResult("swift", {
    settings: { seconds: SECONDS, messages: mt700!.messages.length, finCharacters: text.length, inputBytes: serialised.length, loadAverage: os.loadavg(), cores: os.availableParallelism() },
    rows: measured.map((m) => ({ what: m.what, runs: m.runs, p50: round(m.p50, 4), p95: round(m.p95, 4), max: round(m.max, 4), perSecond: Math.round(m.perSecond), perCpuSecond: Math.round(m.perCpuSecond), finMessagesPerCpuSecond: m.messages ? Math.round(m.perCpuSecond * m.messages) : null })),
    ratioToBaselineP50: { serialise: round(ser.p50 / stringify.p50, 1), parse: round(par.p50 / jparse.p50, 1) },
    target: { perSecond: TARGET_PER_SECOND, met, figures: targets.map((t) => ({ what: t.what, value: Math.round(t.value), counts: t.counts })) },
    typicalPerSecond: { serialise: Math.round(serTypical.perSecond), parse: Math.round(parTypical.perSecond), characters: typicalText.length },
    sink,
  });
  console.log(`\nResults written to ${file}`);
});
