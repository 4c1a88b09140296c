// npm run reanchor -- --to <network> [--timeout-minutes N]
//
// Copies every root already anchored to <network>, one of CHAIN_NETWORKS (configured by its
// CHAIN_<NAME>_… variables), before another network is retired (issue 16). The original
// anchorings are kept, and proof bundles list each of them. Exit 0 when every root is confirmed
// there; 1 when some still wait (run it again: it carries on where it stopped); 2 when it could
// not start.
import { parseArgs } from "node:util";
import { ConfigError, config, requireSetting } from "@/lib/config";
import { additionalNetworks } from "@/lib/chain/networks";
import { checkServedChain, makeNetworkWorker } from "@/lib/anchoring/network-worker";
import { reanchor } from "@/lib/anchoring/reanchor";
import { disconnectDb } from "@/lib/db/client";

async function main(): Promise<number> {
  let to: string;
  let timeoutMinutes: number;
  try {
    const { values } = parseArgs({ args: process.argv.slice(2), options: { to: { type: "string" }, "timeout-minutes": { type: "string" } } });
    if (!values.to) throw new ConfigError("Usage: npm run reanchor -- --to <network> [--timeout-minutes N] (a network named in CHAIN_NETWORKS)");
    to = values.to.trim().toLowerCase();
    timeoutMinutes = values["timeout-minutes"] === undefined ? 60 : Number(values["timeout-minutes"]);
    if (!Number.isFinite(timeoutMinutes) || timeoutMinutes <= 0) throw new ConfigError(`--timeout-minutes must be a positive number, got "${values["timeout-minutes"]}"`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  requireSetting("DATABASE_URL", "reanchoring reads the batches from the database");
  const networks = additionalNetworks(process.env, config());
  const network = networks.find((n) => n.name === to);
  if (!network) {
    console.error(`"${to}" is not in CHAIN_NETWORKS (${networks.map((n) => n.name).join(", ") || "none configured"}): add it, with its CHAIN_${to.toUpperCase().replaceAll("-", "_")}_… variables, first.`);
    return 2;
  }
  const log = (line: string) => console.log(line);
  const { provider, worker } = makeNetworkWorker(network, log);
  try {
    await checkServedChain(provider, network);
    const report = await reanchor({ worker, network, timeoutMs: timeoutMinutes * 60_000, log });
    console.log(`${report.confirmed} root${report.confirmed === 1 ? "" : "s"} confirmed on ${network.name} (registry ${network.contractAddress}, chain ${network.chainId}); ${report.waiting} waiting.`);
    for (const error of report.errors) console.log(`  waiting: ${error}`);
    return report.waiting === 0 ? 0 : 1;
  } finally {
    provider.destroy();
    await disconnectDb();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  },
);
