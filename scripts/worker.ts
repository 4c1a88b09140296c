// `npm run worker`: the background jobs (anchoring, expiry, portfolio checks) on their own, for
// deployments that run the web server separately. Reads DATABASE_URL, CHAIN_RPC_URL,
// ANCHOR_CONTRACT_ADDRESS and ANCHOR_SIGNER_KEY from the environment.
import { ConfigError, requireSetting } from "@/lib/config";
import { disconnectDb } from "@/lib/db/client";
import { startBackgroundJobs } from "@/lib/jobs/background";

const log = (line: string) => console.log(`[worker] ${line}`);

try {
  requireSetting("DATABASE_URL", "the worker needs the database");
  const jobs = startBackgroundJobs({ signerKey: requireSetting("ANCHOR_SIGNER_KEY", "a funded key with the ANCHORER role"), log });
  log("Running. Ctrl-C stops.");
  const stop = async () => {
    await jobs.stop();
    await disconnectDb();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
