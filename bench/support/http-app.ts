import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { freePort, waitForPort } from "@/lib/dev/ports";
import { ensureBuilt } from "@/lib/stack/build";

// The production app (`next start`) against a benchmark's database. An existing build is used
// as it is (building while others edit the sources would race them); without one, the app is
// built with lib/stack/build.ts first. BENCH_BUILD=1 rebuilds when the sources changed.

export interface RunningApp {
  url: string;
  /** Whether the build was made by this run. */
  built: boolean;
  /** The app's AUTH_SECRET, made for this run: benchmarks mint session cookies with it. */
  authSecret: string;
  /** CPU time (user + system, ms) the server process has used so far; null where /proc cannot tell. */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

export async function startApp(databaseUrl: string, log: (line: string) => void = console.log): Promise<RunningApp> {
  const root = process.cwd();
  const hasBuild = fs.existsSync(path.join(root, ".next/BUILD_ID"));
  let built = false;
  if (!hasBuild || process.env.BENCH_BUILD === "1") {
    await ensureBuilt(log, root);
    built = true;
  } else {
    log("Using the existing production build in .next (BENCH_BUILD=1 rebuilds it if the sources changed).");
  }
  const port = await freePort();
  const authSecret = randomBytes(32).toString("base64url");
  const require = createRequire(import.meta.url);
  const child: ChildProcess = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_TRUST_HOST: "true",
      AUTH_SECRET: authSecret,
      ANCHOR_SIGNER_KEY: "",
    },
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`next start exited with code ${code}: ${stderr.trim()}`))));
  exited.catch(() => {});
  await Promise.race([waitForPort(port, "127.0.0.1", 60_000), exited]);
  return {
    url: `http://127.0.0.1:${port}`,
    built,
    authSecret,
    cpuMs: () => processCpuMs(child.pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}

/** CPU time of a process (Linux /proc: utime + stime, in clock ticks of 10 ms). */
function processCpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
