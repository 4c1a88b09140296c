// `npm run test:e2e`: starts TradeTrail exactly as `npm start` does (embedded PostgreSQL, local
// anvil, production build) in a fresh data directory, runs Playwright against it, stops it.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "@/lib/dev/ports";

const dataDir = path.resolve(".data/e2e");
fs.rmSync(dataDir, { recursive: true, force: true });
const port = await freePort();
const { DATABASE_URL: _db, CHAIN_RPC_URL: _rpc, ANCHOR_CONTRACT_ADDRESS: _addr, ANCHOR_SIGNER_KEY: _key, ...inherited } = process.env;
const env = {
  ...inherited,
  DATA_DIR: dataDir,
  PORT: String(port),
  HOST: "127.0.0.1",
  // Anchor fast so tests see confirmed milestones within a second or two.
  ANCHOR_BATCH_AGE_MS: "200",
  ANCHOR_POLL_MS: "100",
  SEED_DEMO: "true",
  // The demo banks keep signed steps off here (npm start turns them on): most specs test other
  // features as demo bank users, with password sign-ins and API tokens, and would each have to add
  // a passkey and sign. e2e/signed-steps.spec.ts tests signed steps with an organisation of its own.
  SEED_DEMO_SIGNED_STEPS: "off",
  // One JSON line per request would bury Playwright's report: warnings and errors only, unless asked.
  LOG_LEVEL: inherited.LOG_LEVEL ?? "warn",
};

const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
let output = "";
app.stdout.on("data", (chunk: Buffer) => {
  output += chunk.toString();
  process.stdout.write(chunk);
});
const exited = new Promise<number>((resolve) => app.once("exit", (code) => resolve(code ?? 1)));

const runtimeFile = path.join(dataDir, "runtime.json");
const started = Date.now();
while (!fs.existsSync(runtimeFile)) {
  if (app.exitCode !== null) {
    console.error("TradeTrail exited before it was ready.");
    process.exit(1);
  }
  if (Date.now() - started > 300_000) {
    console.error("TradeTrail did not start within 5 minutes.");
    app.kill("SIGINT");
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 250));
}
void output;

const runtime = JSON.parse(fs.readFileSync(runtimeFile, "utf8")) as { appUrl: string };
const playwright = spawn(process.execPath, [path.resolve("node_modules/@playwright/test/cli.js"), "test", ...process.argv.slice(2)], {
  env: { ...env, E2E_BASE_URL: runtime.appUrl, E2E_RUNTIME: runtimeFile },
  stdio: "inherit",
});
const code = await new Promise<number>((resolve) => playwright.once("exit", (c) => resolve(c ?? 1)));

app.kill("SIGINT");
await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
if (app.exitCode === null) app.kill("SIGKILL");
process.exit(code);
