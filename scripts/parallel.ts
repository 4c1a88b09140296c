// `tsx scripts/parallel.ts lint typecheck`: runs npm scripts side by side and fails if any fails.
// `npm test` starts with lint and typecheck this way: each is single-threaded, and CI has two
// cores and 20 minutes. Each script's output is printed whole when it ends, so the two do not
// interleave line by line.
import { spawn } from "node:child_process";

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error("usage: tsx scripts/parallel.ts <npm script> [<npm script> ...]");
  process.exit(2);
}

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(script: string): Promise<{ script: string; code: number; output: string; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ["run", script], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? "0" } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", (error) => resolve({ script, code: 1, output: `${output}${String(error)}\n`, seconds: (Date.now() - started) / 1000 }));
    child.on("close", (code, signal) => resolve({ script, code: code ?? (signal ? 1 : 0), output, seconds: (Date.now() - started) / 1000 }));
  });
}

const results = await Promise.all(
  scripts.map((script) =>
    run(script).then((result) => {
      const verdict = result.code === 0 ? "passed" : `FAILED (exit ${result.code})`;
      process.stdout.write(`\n== npm run ${script}: ${verdict} in ${result.seconds.toFixed(0)} s\n${result.output}`);
      return result;
    }),
  ),
);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
