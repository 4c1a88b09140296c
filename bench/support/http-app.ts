import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { freePort, waitForPort } from "@/lib/dev/ports";
import { ensureBuilt } from "@/lib/stack/build";
import { startWebProcesses } from "@/lib/stack/cluster";

// The production app (`next start`) against a benchmark's database. An existing build is used
// as it is (building while others edit the sources would race them); without one, the app is
// built with lib/stack/build.ts first. BENCH_BUILD=1 rebuilds when the sources changed.
//
// The app is served as `npm start` serves it: `processes` web processes sharing one port through
// node:cluster (lib/stack/cluster.ts, WEB_CONCURRENCY), this process being their primary. One
// process (the default) uses one core at most: Node renders on one thread.

export interface StartAppOptions {
  /** Web processes sharing the port, as `WEB_CONCURRENCY=<processes> npm start` runs them; 1 unless given. */
  processes?: number;
  /** Node options for the web processes (`--cpu-prof`, say); none unless given. */
  execArgv?: string[];
}

export interface RunningApp {
  url: string;
  /** Web processes serving `url`. */
  processes: number;
  /** Whether the build was made by this run. */
  built: boolean;
  /** The app's AUTH_SECRET, made for this run: benchmarks mint session cookies with it. */
  authSecret: string;
  /** The web processes' ids, as now. */
  pids(): number[];
  /**
   * CPU time (user + system, ms) the web processes have used so far, summed; null where /proc
   * cannot tell. A process replaced after a crash starts its count again.
   */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

export async function startApp(databaseUrl: string, log: (line: string) => void = console.log, { processes = 1, execArgv = [] }: StartAppOptions = {}): Promise<RunningApp> {
  if (!Number.isInteger(processes) || processes < 1) throw new Error(`startApp: processes must be a whole number from 1, not ${processes}`);
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
  // The processes' output stays off the benchmark's report; its tail explains a process that exits.
  let output = "";
  const web = startWebProcesses({
    processes,
    exec: require.resolve("next/dist/bin/next"),
    args: ["start", "--port", String(port), "--hostname", "127.0.0.1"],
    execArgv,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_TRUST_HOST: "true",
      AUTH_SECRET: authSecret,
      ANCHOR_SIGNER_KEY: "",
    },
    log,
    output: (text) => void (output = (output + text).slice(-4_000)),
  });
  const exited = web.exited.then(({ code, signal }) => {
    throw new Error(`next start (${processes === 1 ? "its process" : `one of ${processes} web processes`}) exited (${signal ?? `code ${code}`}): ${output.trim()}`);
  });
  exited.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const tooLong = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`next start: ${processes} web processes not all listening after 60 s: ${output.trim()}`)), 60_000)));
  try {
    // Every process, not just the first: a run "with 2 processes" must not be served by one.
    await Promise.race([Promise.all([web.listening, waitForPort(port, "127.0.0.1", 60_000)]), exited, tooLong]);
  } catch (error) {
    await web.stop(5_000);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  // From here on a process that dies is replaced, as under `npm start`.
  web.started();
  return {
    url: `http://127.0.0.1:${port}`,
    processes,
    built,
    authSecret,
    pids: () => web.pids(),
    cpuMs: () => {
      const each = web.pids().map(processCpuMs);
      return each.length > 0 && each.every((ms) => ms !== null) ? each.reduce<number>((sum, ms) => sum + ms!, 0) : null;
    },
    stop: () => web.stop(5_000),
  };
}

/** CPU time of a process (Linux /proc: utime + stime, in clock ticks of 10 ms); null where /proc cannot tell. */
export function processCpuMs(pid: number): number | null {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
