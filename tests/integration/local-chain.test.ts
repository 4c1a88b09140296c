import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeProvider } from "@/lib/chain/provider";
import { type RunningAnvil, startAnvil } from "@/lib/dev/anvil";

// The local chain's hygiene: anvil keeps the state of recent blocks in memory only
// (--prune-history) and whatever it still writes to disk goes with it when it stops, so a day of
// tests and benchmarks leaves nothing in ~/.foundry/anvil/tmp.

let anvil: RunningAnvil | undefined;
afterEach(async () => {
  await anvil?.stop();
  anvil = undefined;
});

describe("startAnvil", () => {
  it("runs anvil with --prune-history in a HOME of its own, removed with everything anvil wrote there when it stops", async () => {
    anvil = await startAnvil();
    expect(anvil.process.spawnargs).toContain("--prune-history");
    const tmp = path.join(anvil.home, ".foundry", "anvil", "tmp");
    const provider = makeProvider(anvil.url);
    await provider.send("anvil_mine", ["0x3"]);
    // A reorg makes anvil write an anvil-state-* directory even with --prune-history: in its own HOME.
    await provider.send("anvil_reorg", [1, []]);
    expect(fs.readdirSync(tmp).some((entry) => entry.startsWith("anvil-state-"))).toBe(true);
    provider.destroy();

    const home = anvil.home;
    await anvil.stop();
    anvil = undefined;
    expect(fs.existsSync(home)).toBe(false);
  });

  it("removes its HOME when anvil exits on its own", async () => {
    anvil = await startAnvil();
    const home = anvil.home;
    expect(fs.existsSync(home)).toBe(true);
    const exited = new Promise((r) => anvil!.process.once("exit", r));
    anvil.process.kill("SIGKILL");
    await exited;
    expect(fs.existsSync(home)).toBe(false);
  });
});
