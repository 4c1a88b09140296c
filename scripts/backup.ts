// `npm run backup -- [--out <dir>] [--database-url <url>]`: the database (pg_dump -Fc) and every
// document it references, with a manifest of hashes, in a new directory under --out (default
// DATA_DIR/backups). The database is the configured one (MIGRATION_DATABASE_URL, else
// DATABASE_URL), else the embedded one under DATA_DIR. The work is lib/backup/backup.ts.
import path from "node:path";
import { parseArgs } from "node:util";
import { chainRpcOptions, chainRpcUrls, config } from "@/lib/config";
import { makeProvider } from "@/lib/chain/provider";
import { createBackup } from "@/lib/backup/backup";
import { fail } from "@/lib/backup/cli";
import { resolveChain, resolveDatabase } from "@/lib/backup/target";
import { fetchChainId } from "@/lib/stack/start-stack";
import { storageFromConfig } from "@/lib/storage";

const log = (line: string) => console.log(`[backup] ${line}`);

async function main() {
  const { values } = parseArgs({ options: { out: { type: "string" }, "database-url": { type: "string" } } });
  const settings = config();
  const chain = resolveChain(settings);
  // The chain id is asked of the configured RPC when the configuration does not say it; a chain
  // that does not answer leaves it unrecorded, it never stops a backup.
  const chainId = chain?.chainId ?? (chainRpcUrls(settings)[0] ? await fetchChainId(chainRpcUrls(settings)[0]!, 5_000).then(String, () => null) : null);
  if (!chain) log("No chain configured or running: the chain's head is not recorded (a restore then tells roots anchored after the backup by block times).");
  const database = await resolveDatabase(settings, log, "backup", values["database-url"]);
  const provider = chain ? makeProvider(chain.urls, { ...chainRpcOptions(settings), retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 } }) : undefined;
  try {
    await createBackup({
      databaseUrl: database.url,
      appRole: database.appRole,
      storage: storageFromConfig(settings),
      storageDescription: { driver: settings.STORAGE_DRIVER, bucket: settings.STORAGE_DRIVER === "s3" ? settings.S3_BUCKET : null },
      outDir: values.out ?? path.join(settings.DATA_DIR, "backups"),
      configured: { chainId, registryAddress: chain?.contractAddress ?? null },
      provider,
      binDir: settings.PG_BIN_DIR,
      log,
    });
  } finally {
    provider?.destroy();
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => fail("backup", error),
);
