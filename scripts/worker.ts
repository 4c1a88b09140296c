// `npm run worker`: the background jobs (anchoring, expiry, portfolio checks) on their own, for
// deployments that run the web server separately. Reads DATABASE_URL, CHAIN_RPC_URL,
// ANCHOR_CONTRACT_ADDRESS and ANCHOR_SIGNER_KEY from the environment. Logs JSON lines on stdout
// and serves Prometheus metrics on METRICS_PORT when set (docs/OPERATIONS.md).
import { ConfigError, config, requireSetting } from "@/lib/config";
import { disconnectDb } from "@/lib/db/client";
import { startBackgroundJobs } from "@/lib/jobs/background";
import { lineLogger, logger } from "@/lib/observability/log";
import { startMetricsServer } from "@/lib/observability/metrics";

const log = lineLogger("worker");

try {
  requireSetting("DATABASE_URL", "the worker needs the database");
  const settings = config();
  const jobs = startBackgroundJobs({ signerKey: requireSetting("ANCHOR_SIGNER_KEY", "a funded key with the ANCHORER role"), log });
  const metrics = settings.METRICS_PORT > 0 ? await startMetricsServer({ port: settings.METRICS_PORT, host: settings.METRICS_HOST }) : null;
  if (metrics) log(`metrics at ${metrics.url}`);
  log("Running. Ctrl-C stops.");
  const stop = async () => {
    await jobs.stop();
    await metrics?.close();
    await disconnectDb();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
} catch (error) {
  if (error instanceof ConfigError) logger().fatal({ component: "worker" }, error.message);
  else logger().fatal({ component: "worker", err: error }, "the worker could not start");
  process.exit(1);
}
