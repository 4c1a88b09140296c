import { type ChildProcess, spawn } from "node:child_process";
import cluster, { type Worker } from "node:cluster";

// Several web processes on one port (WEB_CONCURRENCY): node:cluster forks each from this process,
// and their `listen(PORT)` all share the one socket this process opens, which hands connections
// to them in turn (round-robin, Node's default on Linux). `next start` listens that way unchanged,
// so each process is a whole Next server; they share nothing but the database (sessions are JWTs,
// work is claimed in PostgreSQL), which is also what lets `npm run worker` run on other machines.
//
// A process that dies once the site is up is replaced (a crash loop gives up and reports it); one
// that dies while starting is reported at once, as the single `next start` was.

export interface WebProcessesOptions {
  processes: number;
  /** The script each process runs (next's bin for `npm start`). */
  exec: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  /** Node flags of the processes: none for next's own bin (this process's `--import tsx` is not theirs). */
  execArgv?: readonly string[];
  log?: (line: string) => void;
  /**
   * Receives what every process (a replacement too) writes to stdout and stderr, which then do not
   * reach this process's terminal. Unset, the processes share it, as under `npm start`.
   */
  output?: (text: string) => void;
}

export interface WebExit {
  code: number | null;
  signal: string | null;
}

export interface WebProcesses {
  /** Settles when the site can no longer be served: a process exited before started(), or crashed too often after. */
  exited: Promise<WebExit>;
  /** Resolves once each of the first `processes` processes is listening. */
  listening: Promise<void>;
  /** The site is up: from now on a process that dies is replaced. */
  started(): void;
  /** The processes' ids, as now. */
  pids(): number[];
  /** SIGTERM to every process, SIGKILL to those still running after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Replacements allowed within RESTART_WINDOW_MS before the crash loop is reported instead. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

export function startWebProcesses(options: WebProcessesOptions): WebProcesses {
  const log = options.log ?? (() => {});
  // The primary's settings are global to it: set once, before any fork.
  cluster.setupPrimary({ exec: options.exec, args: [...options.args], execArgv: [...(options.execArgv ?? [])], silent: options.output !== undefined });
  const workers = new Set<Worker>();
  const restarts: number[] = [];
  let up = false;
  let stopping = false;
  let report!: (exit: WebExit) => void;
  const exited = new Promise<WebExit>((resolve) => (report = resolve));
  let listened = 0;
  let allListening!: () => void;
  const listening = new Promise<void>((resolve) => (allListening = resolve));

  const fork = () => {
    const worker = cluster.fork(options.env);
    workers.add(worker);
    if (options.output) for (const stream of [worker.process.stdout, worker.process.stderr]) stream?.on("data", (chunk: Buffer) => options.output!(chunk.toString()));
    worker.once("listening", () => {
      if (++listened === options.processes) allListening();
    });
    worker.on("exit", (code, signal) => {
      workers.delete(worker);
      if (stopping) return;
      const now = Date.now();
      while (restarts.length > 0 && now - restarts[0]! > RESTART_WINDOW_MS) restarts.shift();
      if (!up || restarts.length >= MAX_RESTARTS) {
        report({ code, signal });
        return;
      }
      restarts.push(now);
      log(`Web process ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another.`);
      fork();
    });
  };
  for (let i = 0; i < options.processes; i++) fork();

  return {
    exited,
    listening,
    started: () => void (up = true),
    pids: () => [...workers].map((w) => w.process.pid!).filter((pid) => pid !== undefined),
    async stop(graceMs = 8_000) {
      stopping = true;
      await Promise.all(
        [...workers].map(async (worker) => {
          if (worker.process.exitCode !== null || worker.process.signalCode !== null) return;
          const gone = new Promise((resolve) => worker.once("exit", resolve));
          worker.process.kill("SIGTERM");
          const timer = setTimeout(() => worker.process.kill("SIGKILL"), graceMs);
          await gone;
          clearTimeout(timer);
        }),
      );
    },
  };
}

export interface WorkerProcesses {
  pids(): number[];
  /** SIGTERM to every process (they finish their tick), SIGKILL to those still running after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** A worker process that exits on its own is started again after this long. */
const WORKER_RESTART_MS = 5_000;

/**
 * `count` more anchoring workers beside `npm start`'s own (ANCHOR_WORKERS): each `script`
 * (scripts/worker.ts, what `npm run worker` runs) in a process of its own with `env`, restarted
 * after WORKER_RESTART_MS when it exits on its own. They coordinate through PostgreSQL, as
 * workers on other machines do.
 */
export function startWorkerProcesses(options: { count: number; script: string; env: NodeJS.ProcessEnv; log?: (line: string) => void }): WorkerProcesses {
  const log = options.log ?? (() => {});
  const children = new Set<ChildProcess>();
  const timers = new Set<NodeJS.Timeout>();
  let stopping = false;
  const start = () => {
    const child = spawn(process.execPath, ["--import", "tsx", options.script], { env: options.env, stdio: ["ignore", "inherit", "inherit"] });
    children.add(child);
    child.once("exit", (code, signal) => {
      children.delete(child);
      if (stopping) return;
      log(`Worker process ${child.pid} exited (${signal ?? `code ${code}`}); starting another in ${WORKER_RESTART_MS / 1000} s.`);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!stopping) start();
      }, WORKER_RESTART_MS);
      timers.add(timer);
    });
  };
  for (let i = 0; i < options.count; i++) start();
  return {
    pids: () => [...children].map((c) => c.pid!).filter((pid) => pid !== undefined),
    async stop(graceMs = 10_000) {
      stopping = true;
      timers.forEach(clearTimeout);
      await Promise.all([...children].map((child) => stopChild(child, graceMs)));
    },
  };
}

async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await gone;
  clearTimeout(timer);
}
