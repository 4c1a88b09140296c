import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { freePort, waitForPort } from "./ports";

// A local Ethereum chain (Foundry's anvil, shipped through npm) for `npm start`, tests and
// benchmarks. Chain id 31337, instant mining, funded development accounts.

/** Anvil's well-known first development account (funded on every anvil chain). Never a real key. */
export const ANVIL_DEV_KEYS = [
  "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  "0x5de4111afa1a4b94908f83103eb1d1706367c2e68ca870fc3fb9a804cdab365a",
] as const;

export interface RunningAnvil {
  url: string;
  port: number;
  process: ChildProcess;
  /** The HOME anvil runs with (its ~/.foundry/anvil/tmp is in there), removed when anvil exits. */
  home: string;
  stop(): Promise<void>;
}

export function anvilBinary(): string {
  const require = createRequire(import.meta.url);
  const platformPackage = { linux: "linux", darwin: "darwin", win32: "win32" }[process.platform as string];
  const arch = process.arch === "x64" ? "amd64" : process.arch;
  const pkg = `@foundry-rs/anvil-${platformPackage}-${arch}`;
  const binary = path.join(path.dirname(require.resolve(`${pkg}/package.json`)), "bin", process.platform === "win32" ? "anvil.exe" : "anvil");
  if (!fs.existsSync(binary)) throw new Error(`anvil binary missing at ${binary}: run npm install`);
  return binary;
}

/**
 * Start anvil on 127.0.0.1. With `stateFile`, the chain is loaded from it and dumped back
 * every few seconds and on exit, so a restart keeps deployed contracts and anchors.
 */
export async function startAnvil(options: { port?: number; stateFile?: string; blockTime?: number; chainId?: number; log?: (line: string) => void } = {}): Promise<RunningAnvil> {
  const port = options.port ?? (await freePort());
  // (Another chain id: a second network in the same test, as two testnets would be.)
  const args = ["--host", "127.0.0.1", "--port", String(port), "--chain-id", String(options.chainId ?? 31337), "--silent"];
  // Keep the state of the last 512 blocks in memory (reads a few blocks deep, reorg tests) and
  // write none to ~/.foundry/anvil/tmp, where anvil otherwise keeps every block's state forever.
  args.push("--prune-history", "512");
  if (options.stateFile) {
    fs.mkdirSync(path.dirname(options.stateFile), { recursive: true });
    args.push("--state", options.stateFile, "--state-interval", "2");
  }
  if (options.blockTime) args.push("--block-time", String(options.blockTime));
  // Even with --prune-history anvil writes under $HOME/.foundry/anvil/tmp (anvil_reorg leaves an
  // anvil-state-* directory there each time) and never deletes it. Each anvil gets a HOME of its
  // own, removed when it exits, so nothing builds up in the user's ~/.foundry.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "tt-anvil-home-"));
  const removeHome = () => fs.rmSync(home, { recursive: true, force: true });
  let child: ChildProcess;
  try {
    child = spawn(anvilBinary(), args, { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, HOME: home } });
  } catch (error) {
    removeHome();
    throw error;
  }
  child.once("exit", removeHome);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    options.log?.(`anvil: ${chunk.toString().trim()}`);
  });
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`anvil exited with code ${code}: ${stderr.trim()}`))),
  );
  exited.catch(() => {}); // after start-up, exits are the caller's business
  try {
    await Promise.race([waitForPort(port), exited]);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    process: child,
    home,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGINT");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}
