// `npm start`: everything needed to use TradeTrail on this machine, in one command.
// Starts (or connects to) PostgreSQL and an EVM chain, migrates, seeds the demo world, builds
// the app if its sources changed, serves it in production mode, and runs the background jobs
// (anchoring worker, expiry) in this process. Ctrl-C stops everything it started.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ConfigError, config, resetConfigCache } from "@/lib/config";
import { disconnectDb } from "@/lib/db/client";
import { waitForPort } from "@/lib/dev/ports";
import { startBackgroundJobs } from "@/lib/jobs/background";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoWorld } from "@/lib/seed/demo";
import { ensureBuilt } from "@/lib/stack/build";
import { type Stack, StackError, startStack } from "@/lib/stack/start-stack";

const log = (line: string) => console.log(`[tradetrail] ${line}`);

async function main() {
  const settings = config();
  const stack: Stack = await startStack(settings, log);
  // Assigned once the stack is up; read by shutdown(), which must exist before that.
  let web: ChildProcess | undefined;
  let jobs: { stop(): Promise<void> } | undefined;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("Stopping…");
    await jobs?.stop().catch(() => {});
    if (web && web.exitCode === null) {
      const exited = new Promise((resolve) => web!.once("exit", resolve));
      web.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 8_000))]);
      if (web.exitCode === null) web.kill("SIGKILL");
    }
    await disconnectDb().catch(() => {});
    await stack.stop();
    log("Stopped.");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

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
    resetConfigCache();

    // The demo credits are made through the real lifecycle; the worker started below anchors them.
    if (settings.SEED_DEMO) await seedDemoWorld(log);

    await ensureBuilt(log);

    const require = createRequire(import.meta.url);
    const nextBin = require.resolve("next/dist/bin/next");
    // The signing key never reaches the web server: only this process sends transactions. Nor
    // does the owner's connection: the web server gets the app role's DATABASE_URL only.
    const { ANCHOR_SIGNER_KEY: _key, MIGRATION_DATABASE_URL: _owner, ...webEnv } = process.env;
    web = spawn(process.execPath, [nextBin, "start", "--port", String(settings.PORT), "--hostname", settings.HOST], {
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...webEnv, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", AUTH_TRUST_HOST: "true" },
    });
    web.once("exit", (code) => {
      if (!stopping) {
        log(`The web server exited (code ${code}).`);
        void shutdown(1);
      }
    });

    if (settings.ANCHOR_WORKER) {
      jobs = startBackgroundJobs({ signerKey: stack.signerKey, log });
    }

    await waitForPort(settings.PORT, settings.HOST, 60_000);
    const appUrl = `http://${settings.HOST === "0.0.0.0" ? "localhost" : settings.HOST}:${settings.PORT}`;
    fs.writeFileSync(
      path.join(path.resolve(settings.DATA_DIR), "runtime.json"),
      JSON.stringify({ appUrl, databaseUrl: stack.databaseUrl, superuserDatabaseUrl: stack.superuserDatabaseUrl, rpcUrl: stack.rpcUrl, chainId: stack.chainId.toString(), contractAddress: stack.contractAddress, pid: process.pid }, null, 2),
      { mode: 0o600 },
    );
    printBanner(appUrl, settings.SEED_DEMO);
  } catch (error) {
    explain(error);
    await shutdown(1);
  }
}

function printBanner(appUrl: string, seeded: boolean) {
  const lines = [`TradeTrail is running at ${appUrl}`];
  if (seeded) {
    lines.push("", `Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
    for (const user of DEMO_USERS) lines.push(`  ${user.email.padEnd(width)}  ${user.role} — ${user.name}`);
  }
  lines.push("", "Press Ctrl-C to stop.");
  console.log(`\n${lines.join("\n")}\n`);
}

function explain(error: unknown) {
  if (error instanceof ConfigError || error instanceof StackError) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error("\nTradeTrail could not start:", error instanceof Error ? error.message : error, "\n");
  }
}

main().catch((error: unknown) => {
  explain(error);
  process.exit(1);
});
