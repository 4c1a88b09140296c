import http from "node:http";

// A bounded HTTP load (a fixed number of requests, a fixed number in flight), for tests and
// benchmarks: what autocannon measures, without adding a dependency to the shared node_modules.
// Every request is distinct (the caller builds the i-th), and every latency is kept.

export interface LoadRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface LoadResult {
  requests: number;
  /** Responses by status code. */
  statuses: Record<number, number>;
  /** Responses by the process that served them (its x-served-by header). */
  servedBy: Record<string, number>;
  /** Latencies in ms, in the order the requests were made. */
  latencies: number[];
  elapsedMs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Requests per second over the whole run. */
  throughput: number;
}

export async function runLoad(options: { port: number; requests: number; connections: number; request: (i: number) => LoadRequest; timeoutMs?: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = new Array(options.requests);
  const statuses: Record<number, number> = {};
  const servedBy: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const one = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const { path, headers, body } = options.request(i);
      const t0 = performance.now();
      const req = http.request(
        { host: "127.0.0.1", port: options.port, method: "POST", path, agent, headers: { ...headers, "content-length": Buffer.byteLength(body) }, timeout: options.timeoutMs ?? 30_000 },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies[i] = performance.now() - t0;
            statuses[res.statusCode!] = (statuses[res.statusCode!] ?? 0) + 1;
            const by = String(res.headers["x-served-by"] ?? "?");
            servedBy[by] = (servedBy[by] ?? 0) + 1;
            resolve();
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error(`request ${i} timed out`)));
      req.on("error", reject);
      req.end(body);
    });
  const lane = async () => {
    while (next < options.requests) await one(next++);
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, lane));
  } finally {
    agent.destroy();
  }
  const elapsedMs = performance.now() - started;
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!);
  return { requests: options.requests, statuses, servedBy, latencies, elapsedMs: round(elapsedMs), p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(sorted.at(-1)!), throughput: round((options.requests * 1000) / elapsedMs) };
}

const round = (ms: number) => Math.round(ms * 10) / 10;
