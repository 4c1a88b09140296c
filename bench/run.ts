// `npm run bench`: every benchmark in turn, each in its own process (own database, chain and
// memory), or only those named: `npm run bench -- anchoring verify`.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

const BENCHMARKS = ["anchoring", "dashboard", "verify", "upload", "examination", "swift", "events"] as const;

/**
 * Runs one benchmark with a temporary folder of its own (TMPDIR), removed afterwards; a benchmark
 * that left tt-* files in it fails, naming them, so none builds up in /tmp run after run.
 */
async function runOne(name: string): Promise<number> {
  // Mode 755: an embedded PostgreSQL's postgres user reads files written there.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `tt-bench-run-${name}-`));
  fs.chmodSync(tmp, 0o755);
  try {
    const code = await spawnBenchmark(name, tmp);
    const left = fs.readdirSync(tmp).filter((entry) => entry.startsWith("tt-"));
    if (left.length > 0) console.error(`bench/${name}.ts left temporary files behind: ${left.join(", ")}; remove them when it ends.`);
    return code !== 0 ? code : left.length > 0 ? 1 : 0;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function spawnBenchmark(name: string, tmp: string): Promise<number> {
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
      resolve(code ?? (signal ? 1 : 0));
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
  for (const o of outcomes) console.log(`${o.name.padEnd(10)} ${o.code === 0 ? "ok" : `FAILED (exit ${o.code})`}  ${o.seconds} s  bench/results/${o.name}.json`);
  process.exit(outcomes.every((o) => o.code === 0) ? 0 : 1);
}

void main();
