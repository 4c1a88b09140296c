import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/health/route";
import { GET as readyRoute } from "@/app/api/ready/route";
import { resetConfigCache } from "@/lib/config";
import { type ChainFixture, deployedRegistry } from "./support/chain";
import { useTestDatabase } from "./support/database";

// /api/health and /api/ready (issue 16, item 5) against the real PostgreSQL, the real anvil and
// the local document store; then with the chain's RPC down.

useTestDatabase();
let chain: ChainFixture;
const storageDir = mkdtempSync(path.join(tmpdir(), "tt-ready-"));

beforeAll(async () => {
  chain = await deployedRegistry();
  Object.assign(process.env, { CHAIN_RPC_URL: chain.rpcUrl, ANCHOR_CONTRACT_ADDRESS: chain.address, STORAGE_DRIVER: "local", STORAGE_DIR: storageDir });
  resetConfigCache();
});

afterEach(() => {
  process.env.CHAIN_RPC_URL = chain.rpcUrl;
  resetConfigCache();
});

afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

interface ReadyBody {
  status: string;
  failing?: string[];
  checks: Record<"database" | "chain" | "storage", { ok: boolean; latencyMs: number; error?: string }>;
}

async function ready(): Promise<{ status: number; body: ReadyBody; text: string }> {
  const response = await readyRoute(new Request("http://localhost/api/ready"));
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as ReadyBody, text };
}

describe("/api/health", () => {
  it("answers 200 ok, and returns a well-formed incoming request id", async () => {
    const response = await healthRoute(new Request("http://localhost/api/health", { headers: { "x-request-id": "lb-probe-0001" } }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("x-request-id")).toBe("lb-probe-0001");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 200 even when the chain is down: liveness touches no dependency", async () => {
    process.env.CHAIN_RPC_URL = `http://127.0.0.1:${await closedPort()}`;
    resetConfigCache();
    expect((await healthRoute(new Request("http://localhost/api/health"))).status).toBe(200);
  });
});

describe("/api/ready", () => {
  it("answers 200 with each dependency's check and latency, and leaves no probe object behind", async () => {
    const { status, body } = await ready();
    expect(status).toBe(200);
    expect(body.status).toBe("ready");
    for (const name of ["database", "chain", "storage"] as const) {
      expect(body.checks[name], name).toMatchObject({ ok: true });
      expect(body.checks[name].latencyMs, name).toBeGreaterThanOrEqual(0);
      expect(body.checks[name].error, name).toBeUndefined();
    }
    const probes = path.join(storageDir, "readiness");
    expect(readdirSync(probes)).toEqual([]);
  });

  it("answers 503 naming the chain when its RPC does not answer, without the URL's secret path or a stack", async () => {
    process.env.CHAIN_RPC_URL = `http://127.0.0.1:${await closedPort()}/v3/SECRET-API-KEY-123`;
    resetConfigCache();
    const { status, body, text } = await ready();
    expect(status).toBe(503);
    expect(body.status).toBe("unavailable");
    expect(body.failing).toEqual(["chain"]);
    expect(body.checks.chain.ok).toBe(false);
    expect(body.checks.chain.error).toMatch(/^the chain: no JSON-RPC endpoint answered eth_blockNumber \(.*ECONNREFUSED/);
    expect(body.checks.database.ok).toBe(true);
    expect(body.checks.storage.ok).toBe(true);
    expect(text).not.toContain("SECRET-API-KEY-123");
    expect(text).not.toMatch(/\n\s+at |\.ts:\d+/);
  });

  it("is ready when one of several RPC URLs answers (failover)", async () => {
    process.env.CHAIN_RPC_URL = `http://127.0.0.1:${await closedPort()},${chain.rpcUrl}`;
    resetConfigCache();
    const { status, body } = await ready();
    expect(status).toBe(200);
    expect(body.checks.chain.ok).toBe(true);
  });

  it("answers 503 naming the storage when the document store cannot be written", async () => {
    // A file where the store's directory should be: nothing can be written under it.
    const blocked = path.join(storageDir, "not-a-directory");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(blocked, "x");
    process.env.STORAGE_DIR = blocked;
    resetConfigCache();
    try {
      const { status, body } = await ready();
      expect(status).toBe(503);
      expect(body.failing).toEqual(["storage"]);
      expect(body.checks.storage.error).toMatch(/^the document store: /);
    } finally {
      process.env.STORAGE_DIR = storageDir;
      resetConfigCache();
    }
  });
});
