// `npm run restore -- <backup dir> [--database-url <url>] [--app-role <role>] [--force]`: checks
// the backup against its manifest, restores the database (into an empty one unless --force) and
// the documents, then reconciles the restored database with the chain and prints the roots on
// chain it no longer knows. The work is lib/backup/restore.ts.
import { parseArgs } from "node:util";
import { chainRpcOptions, config } from "@/lib/config";
import { makeProvider } from "@/lib/chain/provider";
import { chainIdOf } from "@/lib/chain/provider";
import { fail } from "@/lib/backup/cli";
import { readManifest } from "@/lib/backup/manifest";
import { BackupError } from "@/lib/backup/pg-tools";
import { type RestoreChain, describeGap, restoreBackup } from "@/lib/backup/restore";
import { resolveChain, resolveDatabase } from "@/lib/backup/target";
import { reconcileSettings } from "@/lib/jobs/reconcile-anchors";
import { storageFromConfig } from "@/lib/storage";

const log = (line: string) => console.log(`[restore] ${line}`);

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { "database-url": { type: "string" }, "app-role": { type: "string" }, force: { type: "boolean", default: false } },
  });
  if (positionals.length !== 1) throw new BackupError("Name one backup directory: npm run restore -- <backup dir> [--database-url <url>] [--app-role <role>] [--force]");
  const settings = config();
  const manifest = await readManifest(positionals[0]!);
  const chainConfig = resolveChain(settings);
  const contractAddress = chainConfig?.contractAddress ?? manifest.anchoring.configuredRegistryAddress;
  const provider = chainConfig ? makeProvider(chainConfig.urls, chainRpcOptions(settings)) : null;
  const database = await resolveDatabase(settings, log, "restore", values["database-url"]);
  try {
    let chain: RestoreChain | undefined;
    if (provider && contractAddress) {
      const chainId = await chainIdOf(provider);
      chain = { provider, contractAddress, settings: reconcileSettings(chainId, contractAddress, settings) };
    }
    const result = await restoreBackup({
      backupDir: positionals[0]!,
      databaseUrl: database.url,
      appRole: values["app-role"] ?? database.appRole ?? undefined,
      storage: storageFromConfig(settings),
      force: values.force,
      binDir: settings.PG_BIN_DIR,
      chain,
      log,
    });
    console.log(`\n${describeGap(result.gap, result.manifest).join("\n")}\n`);
  } finally {
    provider?.destroy();
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => fail("restore", error),
);
