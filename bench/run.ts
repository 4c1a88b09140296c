// `npm run bench`: every benchmark in turn, each in its own process (own database, chain and
// memory), or only those named: `npm run bench -- anchoring verify`.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { benchmarkCode, runExitCode, summaryLine } from "./support/outcome";
import { removeResult } from "./support/report";

const BENCHMARKS = ["anchoring", "dashboard", "verify", "upload", "examination", "swift", "events"] as const;

/**
 * Runs one benchmark with a temporary folder of its own (TMPDIR), removed afterwards; a benchmark
 * that left tt-* files in it fails, naming them, so none builds up in /tmp run after run.
 * Its results file is removed before it starts and again if it fails: bench/results/<name>.json
 * is there after a run only when that run passed (issue 16, item 7).
 */
async function runOne(name: string): Promise<number> {
  removeResult(name);
  // Mode 755: an embedded PostgreSQL's postgres user reads files written there.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `tt-bench-run-${name}-`));
  fs.chmodSync(tmp, 0o755);
  try {
    const { exitCode, signal } = await spawnBenchmark(name, tmp);
    const left = fs.readdirSync(tmp).filter((entry) => entry.startsWith("tt-"));
    if (left.length > 0) console.error(`bench/${name}.ts left temporary files behind: ${left.join(", ")}; remove them when it ends.`);
    const code = benchmarkCode(exitCode, signal, left.length);
    if (code !== 0) {
      removeResult(name);
      console.error(`bench/${name}.ts FAILED (exit ${code}): no results written.`);
    }
    return code;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function spawnBenchmark(name: string, tmp: string): Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }> {
  const require = createRequire(import.meta.url);
  const tsx = path.join(path.dirname(require.resolve("tsx/package.json")), "dist", "cli.mjs");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, path.join("bench", `${name}.ts`)], { stdio: "inherit", env: { ...process.env, TMPDIR: tmp } });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.once("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve({ exitCode: code, signal });
    });
  });
}

async function main() {
  const named = process.argv.slice(2);
  const unknown = named.filter((n) => !(BENCHMARKS as readonly string[]).includes(n));
  if (unknown.length) {
    console.error(`Unknown benchmark(s): ${unknown.join(", ")}. Available: ${BENCHMARKS.join(", ")}`);
    process.exit(2);
  }
  const chosen = named.length ? named : [...BENCHMARKS];
  const outcomes: { name: string; code: number; seconds: number }[] = [];
  for (const name of chosen) {
    console.log(`\n=== bench/${name}.ts ===\n`);
    const start = Date.now();
    const code = await runOne(name);
    outcomes.push({ name, code, seconds: Math.round((Date.now() - start) / 1000) });
  }
  console.log("\n=== summary ===");
  for (const o of outcomes) console.log(summaryLine(o));
  process.exit(runExitCode(outcomes));
}

void main();
