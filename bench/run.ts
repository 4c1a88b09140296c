// `npm run bench`: every benchmark in turn, each in its own process (own database, chain and
// memory), or only those named: `npm run bench -- anchoring verify`.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const BENCHMARKS = ["anchoring", "dashboard", "verify", "upload", "examination", "swift", "events"] as const;

function runOne(name: string): Promise<number> {
  const require = createRequire(import.meta.url);
  const tsx = path.join(path.dirname(require.resolve("tsx/package.json")), "dist", "cli.mjs");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, path.join("bench", `${name}.ts`)], { stdio: "inherit", env: process.env });
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
