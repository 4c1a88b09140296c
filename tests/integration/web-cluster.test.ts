import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/dev/ports";
import { startWorkerProcesses } from "@/lib/stack/cluster";

// lib/stack/cluster.ts, which `npm start` uses for WEB_CONCURRENCY (issue 16 item 4), with real
// processes: several share one port and each gets requests; one that dies once the site is up is
// replaced; one that dies while starting is reported; stopping stops them all.

const ROOT = path.resolve(import.meta.dirname, "../..");
const children: ChildProcess[] = [];

function cluster(processes: number, env: Record<string, string> = {}) {
  return freePort().then((port) => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/integration/support/web-cluster.ts"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test", PORT: String(port), WEB_CONCURRENCY: String(processes), WEB_PROCESS_SCRIPT: "pid-web-process.ts", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let output = "";
    child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    return { child, port, output: () => output, exited };
  });
}

/** The pid that answers one request on a fresh connection. */
function pidAt(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: "/", agent: false }, (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve(Number(body)));
      })
      .on("error", reject);
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

describe("web processes on one port (lib/stack/cluster.ts)", () => {
  it("shares the port between the processes, replaces one that dies, and stops them all", async () => {
    const web = await cluster(2);
    const ready = await until("the processes listen", async () => /^ready (.*)$/m.exec(web.output())?.[1]);
    const pids = ready.split(",").map(Number);
    expect(pids).toHaveLength(2);
    // Connections go to each in turn.
    const served = new Set<number>();
    for (let i = 0; i < 10; i++) served.add(await pidAt(web.port));
    expect([...served].sort()).toEqual([...pids].sort());

    process.kill(pids[0]!, "SIGKILL");
    await until("a replacement is started", async () => (/Web process \d+ exited \(SIGKILL\); starting another/.test(web.output()) ? true : undefined));
    const replacement = await until("the replacement serves", async () => {
      const seen = new Set<number>();
      for (let i = 0; i < 6; i++) seen.add(await pidAt(web.port));
      const fresh = [...seen].find((pid) => !pids.includes(pid));
      return fresh !== undefined && seen.has(pids[1]!) ? fresh : undefined;
    });
    expect(alive(replacement)).toBe(true);

    web.child.kill("SIGTERM");
    expect(await web.exited).toBe(0);
    expect([pids[1]!, replacement].filter(alive)).toEqual([]);
  });

  it("passes what every process writes, a replacement's too, to `output` instead of the terminal", async () => {
    const plain = await cluster(1);
    const plainPid = Number(await until("the process listens", async () => /^ready (.*)$/m.exec(plain.output())?.[1]));
    // Without `output`, the processes write to the terminal they share.
    await until("the process's lines reach the terminal", async () => (plain.output().includes(`started ${plainPid} (stderr)`) ? true : undefined));
    expect(plain.output()).toMatch(new RegExp(`^started ${plainPid} \\(stdout\\)$`, "m"));
    plain.child.kill("SIGTERM");
    await plain.exited;

    const web = await cluster(2, { WEB_OUTPUT: "1" });
    const pids = (await until("the processes listen", async () => /^ready (.*)$/m.exec(web.output())?.[1])).split(",").map(Number);
    const said = (pid: number) => ["stdout", "stderr"].every((stream) => web.output().includes(`[output] started ${pid} (${stream})`));
    await until("both processes' lines come through output", async () => (pids.every(said) ? true : undefined));
    process.kill(pids[0]!, "SIGKILL");
    const replacement = await until("the replacement's lines come through output", async () => {
      const pid = [...web.output().matchAll(/\[output\] started (\d+) \(stdout\)/g)].map((m) => Number(m[1])).find((p) => !pids.includes(p));
      return pid !== undefined && said(pid) ? pid : undefined;
    });
    expect(alive(replacement)).toBe(true);
    // Nothing reached the terminal unmarked.
    expect(web.output()).not.toMatch(/^started /m);
    web.child.kill("SIGTERM");
    expect(await web.exited).toBe(0);
  });

  it("reports a process that dies before the site is up, instead of replacing it forever", async () => {
    const web = await cluster(2, { CRASH_AT_START: "1" });
    expect(await web.exited).toBe(1);
    expect(web.output()).toMatch(/a web process exited \(code 3\)/);
    expect(web.output()).not.toMatch(/starting another/);
  });

  it("runs ANCHOR_WORKERS' extra worker processes, starts one again that exits, and stops them all", async () => {
    const lines: string[] = [];
    const workers = startWorkerProcesses({ count: 2, script: path.join(ROOT, "tests/integration/support/idle-process.ts"), env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test" }, log: (l) => lines.push(l) });
    const pids = workers.pids();
    expect(pids).toHaveLength(2);
    expect(pids.every(alive)).toBe(true);
    process.kill(pids[0]!, "SIGKILL");
    const again = await until("another worker process is started", async () => (workers.pids().length === 2 && !workers.pids().includes(pids[0]!) ? workers.pids() : undefined), 20_000);
    expect(lines.some((l) => l.startsWith(`Worker process ${pids[0]} exited (SIGKILL)`))).toBe(true);
    await workers.stop(5_000);
    expect(again.filter(alive)).toEqual([]);
  });
});
