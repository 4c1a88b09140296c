// `npm start`: everything needed to use TradeTrail on this machine, in one command.
// Starts (or connects to) PostgreSQL and an EVM chain, migrates, seeds the demo world, builds
// the app if its sources changed, serves it in production mode, and runs the background jobs
// (anchoring worker, expiry) in this process. Ctrl-C stops everything it started. Whatever stops
// it prints one line with the cause and the remedy (lib/stack/startup-errors.ts).
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { config, resetConfigCache } from "@/lib/config";
import { waitForPort } from "@/lib/dev/ports";
import { StackError, atStage, debugDetail, explainStartupError } from "@/lib/stack/startup-errors";
import type { PlatformAdministratorOutcome } from "@/lib/organizations/onboarding";
import type { WebProcesses } from "@/lib/stack/cluster";
import { relyingParty } from "@/lib/passkeys/relying-party";
import type { SeedDemoWorldResult } from "@/lib/seed/demo";

// `npm start -- --dev` (`npm run dev`): the same stack, served by `next dev` (no production build).
const DEV = process.argv.includes("--dev");

const log = (line: string) => console.log(`[tradetrail] ${line}`);

/** Stops whatever has started; set once the stack is up. */
let shutdownOnFailure: ((code: number) => Promise<void>) | undefined;
let context: { port: number; host: string } | undefined;

async function main() {
  const settings = config();
  context = { port: settings.PORT, host: settings.HOST };
  // Before starting anything: a taken port would otherwise surface only as the web server's exit.
  await atStage("web", () => assertPortFree(settings.PORT, settings.HOST));
  // Loaded here, not at the top: a missing generated file (lib/generated, contracts/build) is then
  // a start-up error with a remedy, not a stack trace before any of our code runs.
  const { startStack } = await import("@/lib/stack/start-stack");
  const { disconnectDb } = await import("@/lib/db/client");
  const { startBackgroundJobs } = await import("@/lib/jobs/background");
  const { lineLogger } = await import("@/lib/observability/log");
  const { startMetricsServer } = await import("@/lib/observability/metrics");
  const { DEMO_PASSWORD, DEMO_USERS, seedDemoWorld } = await import("@/lib/seed/demo");
  const { ensureBuilt } = await import("@/lib/stack/build");
  const { ensurePlatformAdministrator } = await import("@/lib/organizations/onboarding");
  const stack = await startStack(settings, log);
  // No SMTP server configured: a development mail catcher receives what the app sends.
  let mail: { smtpUrl: string; webUrl: string; stop(): Promise<void> } | undefined;
  // Assigned once the stack is up; read by shutdown(), which must exist before that.
  let web: WebProcesses | undefined;
  let jobs: { stop(): Promise<void> } | undefined;
  let metrics: { url: string; close(): Promise<void> } | undefined;
  let stopping = false;
  let started = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("Stopping…");
    await jobs?.stop().catch(() => {});
    await metrics?.close().catch(() => {});
    await web?.stop(8_000);
    await disconnectDb().catch(() => {});
    await mail?.stop().catch(() => {});
    await stack.stop();
    log("Stopped.");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  shutdownOnFailure = shutdown;

  // From here on the stack is running: any failure stops it again instead of leaving orphans.
  try {
    // The web server and the jobs read the same settings from the environment.
    Object.assign(process.env, {
      DATABASE_URL: stack.databaseUrl,
      CHAIN_RPC_URL: stack.rpcUrl,
      ANCHOR_CONTRACT_ADDRESS: stack.contractAddress,
      AUTH_SECRET: stack.authSecret,
      DATA_DIR: path.resolve(settings.DATA_DIR),
    });
    if (!settings.SMTP_URL) {
      const { startMailCatcher } = await import("@/lib/stack/mail-catcher");
      mail = await atStage("mail", () => startMailCatcher({ host: settings.HOST, directory: path.join(path.resolve(settings.DATA_DIR), "mail") }));
      process.env.SMTP_URL = mail.smtpUrl;
    }
    resetConfigCache();

    // The demo credits are made through the real lifecycle (the worker started below anchors
    // them) while the production build runs: the seed mostly waits on PostgreSQL, the build on
    // the CPU. Both finish before the first error is reported, so no build is left running.
    if (DEV) log("Development mode: next dev compiles pages on first request (no production build).");
    const [seeded, builtApp] = await Promise.allSettled([
      settings.SEED_DEMO ? atStage("seed", () => seedDemoWorld(log)) : Promise.resolve(undefined),
      DEV ? Promise.resolve() : atStage("build", () => ensureBuilt(log)),
    ]);
    for (const outcome of [seeded, builtApp]) if (outcome.status === "rejected") throw outcome.reason;

    const appUrl = `http://${settings.HOST === "0.0.0.0" ? "localhost" : settings.HOST}:${settings.PORT}`;
    // E-mail the jobs here send (digests, deadlines) links to the site served here unless configured.
    if (!settings.APP_URL && !settings.AUTH_URL) {
      process.env.APP_URL = appUrl;
      resetConfigCache();
    }
    const platformAdmin = settings.PLATFORM_ADMIN_EMAIL ? await atStage("seed", () => ensurePlatformAdministrator(settings.PLATFORM_ADMIN_EMAIL!)) : null;
    const require = createRequire(import.meta.url);
    const nextBin = require.resolve("next/dist/bin/next");
    // The signing key never reaches the web server: only this process sends transactions. Nor
    // does the owner's connection: the web server gets the app role's DATABASE_URL only.
    const { ANCHOR_SIGNER_KEY: _key, MIGRATION_DATABASE_URL: _owner, ...webEnv } = process.env;
    // Metrics (docs/OPERATIONS.md): this process (the jobs) on METRICS_PORT, the web server on the next port.
    if (settings.METRICS_PORT > 0) {
      metrics = await startMetricsServer({ port: settings.METRICS_PORT, host: settings.METRICS_HOST });
      webEnv.METRICS_PORT = String(settings.METRICS_PORT + 1);
    }
    // WEB_CONCURRENCY processes share the port (lib/stack/cluster.ts); next dev is one process.
    const { startWebProcesses } = await import("@/lib/stack/cluster");
    web = startWebProcesses({
      processes: DEV ? 1 : settings.WEB_CONCURRENCY,
      exec: nextBin,
      args: [DEV ? "dev" : "start", "--port", String(settings.PORT), "--hostname", settings.HOST],
      log,
      // Sign-in redirects to AUTH_URL; unset, to the URL served here rather than to whatever
      // host a request names (lib/auth/index.ts). Behind a proxy, configure one of the two.
      env: { ...webEnv, NODE_ENV: DEV ? "development" : "production", NEXT_TELEMETRY_DISABLED: "1", ...(settings.AUTH_URL || settings.AUTH_TRUST_HOST ? {} : { AUTH_URL: appUrl }) },
    });
    const webExited = new Promise<never>((_, reject) =>
      void web!.exited.then(({ code, signal }) => {
        if (stopping) return;
        const error = new StackError(`The web server (next ${DEV ? "dev" : "start"}) exited (${signal ?? `code ${code}`}); its output is above: fix what it reports and run npm start again.`);
        if (started) {
          console.error(`\n${error.message}\n`);
          void shutdown(1);
        } else reject(error);
      }),
    );
    webExited.catch(() => {}); // read by the race below while starting; reported above after that

    if (settings.ANCHOR_WORKER) {
      // The jobs log JSON lines (docs/OPERATIONS.md); start-up keeps its lines for the person at the terminal.
      jobs = startBackgroundJobs({ signerKey: stack.signerKey, log: lineLogger("jobs") });
      // ANCHOR_WORKERS − 1 more, each an `npm run worker` process (lib/stack/cluster.ts).
      if (settings.ANCHOR_WORKERS > 1) jobs = await withWorkerProcesses(jobs, settings.ANCHOR_WORKERS - 1, stack.signerKey);
    }

    await Promise.race([atStage("web", () => waitForPort(settings.PORT, settings.HOST, 60_000)), webExited]);
    started = true;
    web.started();
    if (settings.WEB_CONCURRENCY > 1 && !DEV) log(`${settings.WEB_CONCURRENCY} web processes serve port ${settings.PORT}.`);
    fs.writeFileSync(
      path.join(path.resolve(settings.DATA_DIR), "runtime.json"),
      JSON.stringify({ appUrl, mailUrl: mail?.webUrl ?? null, databaseUrl: stack.databaseUrl, superuserDatabaseUrl: stack.superuserDatabaseUrl, rpcUrl: stack.rpcUrl, chainId: stack.chainId.toString(), contractAddress: stack.contractAddress, pid: process.pid }, null, 2),
      { mode: 0o600 },
    );
    printBanner(appUrl, seeded.status === "fulfilled" ? seeded.value : undefined);
    if (platformAdmin) log(describePlatformAdmin(settings.PLATFORM_ADMIN_EMAIL!, platformAdmin));
  } catch (error) {
    explain(error);
    await shutdown(1);
  }

  function printBanner(appUrl: string, seeded: SeedDemoWorldResult | undefined) {
    const lines = [`TradeTrail is running at ${appUrl}`];
    if (mail) lines.push(`E-mail it sends (password resets, …) is caught at ${mail.webUrl} (set SMTP_URL to send it for real)`);
    if (metrics) lines.push(`Prometheus metrics: ${metrics.url} (jobs) and port ${settings.METRICS_PORT + 1} (web server); health at ${appUrl}/api/health, readiness at ${appUrl}/api/ready`);
    if (seeded) {
      lines.push("", `Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
      const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
      for (const user of DEMO_USERS) lines.push(`  ${user.email.padEnd(width)}  ${user.role} — ${user.name}`);
      if (seeded.signedStepBanks.length > 0) lines.push("", ...signedStepsHint(seeded.signedStepBanks, appUrl));
    }
    lines.push("", "Press Ctrl-C to stop.");
    console.log(`\n${lines.join("\n")}\n`);
  }
}

/** What a demo bank's user meets after signing in with the password (issue 14), and how to get past it without a device of their own. */
function signedStepsHint(banks: string[], appUrl: string): string[] {
  let passkeySite = appUrl;
  try {
    passkeySite = relyingParty(appUrl).origins[0] ?? appUrl;
  } catch {
    // Passkeys unavailable at this address: Settings says why.
  }
  return [
    `${banks.join(" and ")} require signed steps (SEED_DEMO_SIGNED_STEPS=off leaves them off): their users are asked to add a passkey after signing in with the password, and everyone who takes a step on a credit agreed from now on signs it with one (passkeys work at ${passkeySite}).`,
    `No platform authenticator on this machine? In Chrome, open DevTools → More tools → WebAuthn, tick "Enable virtual authenticator environment", then add an authenticator with "Supports resident keys" and "Supports user verification" ticked.`,
  ];
}

function describePlatformAdmin(email: string, outcome: PlatformAdministratorOutcome): string {
  if (outcome.status === "administrator") return `Platform administrator: ${email}.`;
  if (outcome.status === "pending") return `Platform administrator ${email} is invited until ${outcome.expiresAt.toISOString().slice(0, 10)} (npm run platform:admin -- ${email} sends a new link).`;
  return `Platform administrator ${email} invited by e-mail; the link, valid until ${outcome.expiresAt.toISOString().slice(0, 10)}, is also here: ${outcome.link}`;
}

/** `jobs` and `count` worker processes beside them, with this process's settings and the signing key; stopped together. */
async function withWorkerProcesses(jobs: { stop(): Promise<void> }, count: number, signerKey: string): Promise<{ stop(): Promise<void> }> {
  const { startWorkerProcesses } = await import("@/lib/stack/cluster");
  const { MIGRATION_DATABASE_URL: _owner, ...env } = process.env;
  const workers = startWorkerProcesses({ count, script: path.join(import.meta.dirname, "worker.ts"), env: { ...env, ANCHOR_SIGNER_KEY: signerKey }, log });
  log(`${count + 1} anchoring workers: this process and ${count} worker process${count === 1 ? "" : "es"}.`);
  return { stop: () => Promise.all([jobs.stop(), workers.stop()]).then(() => {}) };
}

/** Refuses with EADDRINUSE (or EACCES) when host:port cannot be listened on. */
function assertPortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/** One line with the cause and the remedy; the stack only with DEBUG=1. */
function explain(error: unknown) {
  console.error(`\n${explainStartupError(error, context)}\n`);
  if (process.env.DEBUG && process.env.DEBUG !== "0") console.error(debugDetail(error));
}

// A failure outside main's own try (an 'error' event nobody listens to, a rejected promise
// nobody awaits) is explained the same way, and what was started is stopped.
let failing = false;
const fail = (error: unknown) => {
  if (failing) return;
  failing = true;
  explain(error);
  if (shutdownOnFailure) void shutdownOnFailure(1);
  else process.exit(1);
};
process.on("uncaughtException", fail);
process.on("unhandledRejection", fail);

main().catch(fail);
