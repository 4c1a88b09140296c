import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetConfigCache } from "@/lib/config";
import { writeDeployment } from "@/lib/chain/deploy";
import { serverTrust } from "./trust";

// What the server's verifiers trust: the configured anchorers, else the deployment record's
// anchorer for that very registry, else nobody pinned; never a record of another registry.

const REGISTRY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const OTHER_REGISTRY = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const ANCHORER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const A = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const B = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const dirs: string[] = [];

function dataDir(record?: { address: string; blockNumber: number } | "damaged"): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tt-trust-"));
  dirs.push(dir);
  if (record) {
    const file = writeDeployment(dir, { address: record === "damaged" ? REGISTRY : record.address, txHash: `0x${"ab".repeat(32)}`, blockNumber: record === "damaged" ? 5 : record.blockNumber, chainId: 31337n, admin: A, anchorer: ANCHORER });
    if (record === "damaged") writeFileSync(file, "{ not json");
  }
  return dir;
}

function withEnv(env: Record<string, string | undefined>) {
  for (const key of ["ANCHOR_ALLOWED_ANCHORERS", "VERIFY_CONFIRMATIONS", "ANCHOR_CONFIRMATIONS", "ANCHOR_REGISTRY_FROM_BLOCK", "VERIFY_LATE_ANCHOR_HOURS"]) vi.stubEnv(key, undefined);
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  resetConfigCache();
}

beforeEach(() => resetConfigCache());
afterEach(() => {
  vi.unstubAllEnvs();
  resetConfigCache();
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("serverTrust", () => {
  it("pins the configured anchorers, checksummed, over the deployment record's", () => {
    withEnv({ DATA_DIR: dataDir({ address: REGISTRY, blockNumber: 12 }), ANCHOR_ALLOWED_ANCHORERS: ` ${A.toLowerCase()} ,${B}` });
    expect(serverTrust(31337n, REGISTRY).allowedAnchorers).toEqual([A, B]);
  });

  it("pins the deployment record's anchorer and searches from its block when the record is of this registry", () => {
    withEnv({ DATA_DIR: dataDir({ address: REGISTRY, blockNumber: 12 }) });
    expect(serverTrust(31337n, REGISTRY.toLowerCase())).toEqual({ allowedAnchorers: [ANCHORER], confirmations: 1, fromBlock: 12, lateAnchorSeconds: 24 * 3600 });
  });

  it("trusts nothing from a record of another registry, a damaged record or none: no pinned anchorers, logs from block 0", () => {
    for (const dir of [dataDir({ address: OTHER_REGISTRY, blockNumber: 12 }), dataDir("damaged"), dataDir()]) {
      withEnv({ DATA_DIR: dir });
      expect(serverTrust(31337n, REGISTRY)).toEqual({ allowedAnchorers: null, confirmations: 1, fromBlock: 0, lateAnchorSeconds: 24 * 3600 });
    }
  });

  it("reads the record of the chain it is asked about", () => {
    withEnv({ DATA_DIR: dataDir({ address: REGISTRY, blockNumber: 12 }) });
    expect(serverTrust(1n, REGISTRY).allowedAnchorers).toBeNull();
  });

  it("takes the configured first block over the record's", () => {
    withEnv({ DATA_DIR: dataDir({ address: REGISTRY, blockNumber: 12 }), ANCHOR_REGISTRY_FROM_BLOCK: "3" });
    expect(serverTrust(31337n, REGISTRY).fromBlock).toBe(3);
  });

  it("reads at VERIFY_CONFIRMATIONS, else at the anchoring depth, never shallower than 1", () => {
    const DATA_DIR = dataDir();
    withEnv({ DATA_DIR, VERIFY_CONFIRMATIONS: "7", ANCHOR_CONFIRMATIONS: "3" });
    expect(serverTrust(31337n, REGISTRY).confirmations).toBe(7);
    withEnv({ DATA_DIR, ANCHOR_CONFIRMATIONS: "3" });
    expect(serverTrust(31337n, REGISTRY).confirmations).toBe(3);
    withEnv({ DATA_DIR, ANCHOR_CONFIRMATIONS: "0" });
    expect(serverTrust(31337n, REGISTRY).confirmations).toBe(1);
  });

  it("warns about late anchors after VERIFY_LATE_ANCHOR_HOURS, in seconds", () => {
    withEnv({ DATA_DIR: dataDir(), VERIFY_LATE_ANCHOR_HOURS: "2" });
    expect(serverTrust(31337n, REGISTRY).lateAnchorSeconds).toBe(7_200);
  });
});
