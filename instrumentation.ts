// Next.js calls register() once when a server process starts. The web server serves its own
// Prometheus metrics (HTTP latency by route, verifications, RPC errors, the database gauges) on
// METRICS_PORT when it is set: `npm start` gives its web server the port after its own
// (docs/OPERATIONS.md). Only in the Node.js runtime: the metrics port is a Node HTTP server.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const port = Number(process.env.METRICS_PORT ?? 0);
  if (!Number.isInteger(port) || port <= 0) return;
  const { startMetricsServer } = await import("@/lib/observability/metrics");
  const { logger } = await import("@/lib/observability/log");
  try {
    const server = await startMetricsServer({ port, host: process.env.METRICS_HOST?.trim() || "127.0.0.1" });
    logger().info({ component: "metrics", url: server.url }, "metrics: serving");
  } catch (error) {
    // The site still serves without its metrics: say so loudly instead of refusing to start.
    logger().error({ component: "metrics", err: error instanceof Error ? error.message : String(error) }, "metrics: the web server's metrics port could not be opened");
  }
}
