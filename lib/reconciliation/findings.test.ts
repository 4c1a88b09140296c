import { describe, expect, it } from "vitest";
import { explainFinding, restoreThatLost, severityOf } from "./findings";

describe("explaining reconciliation findings", () => {
  it("ranks roots unknown or missing as critical, mismatches as warnings and stale batches as information, each with a word for it", () => {
    expect(["UNKNOWN_ROOT", "ROOT_NOT_ON_CHAIN", "ANCHOR_MISMATCH", "STALE_BATCH"].map((k) => severityOf(k as never))).toEqual(["critical", "critical", "warning", "info"]);
    expect(explainFinding({ kind: "STALE_BATCH", details: { status: "SUBMITTED", createdAt: "", sentAt: null, attempts: 1, lastError: null, ageMinutes: 61 } }).severityLabel).toBe("Information");
  });

  it("says whose key anchored an unknown root when the anchoring accounts are known", () => {
    const base = { anchorer: "0x1", leafCount: 1, anchoredAt: "2026-11-30T00:00:00.000Z" };
    expect(explainFinding({ kind: "UNKNOWN_ROOT", details: { ...base, anchorerExpected: true } }).explanation).toMatch(/committing to 1 milestone\)[^]*own anchoring key/);
    expect(explainFinding({ kind: "UNKNOWN_ROOT", details: { ...base, anchorerExpected: false } }).explanation).toMatch(/not one of this platform's anchoring accounts/);
    expect(explainFinding({ kind: "UNKNOWN_ROOT", details: { ...base, anchorerExpected: null } }).explanation).toMatch(/or the batch's row was deleted/);
  });

  it("names every field that differs, and the stale batch's last error and age", () => {
    const mismatch = explainFinding({ kind: "ANCHOR_MISMATCH", details: { differences: [{ field: "blockNumber", expected: "1", found: "2" }, { field: "anchorer", expected: "a", found: "b" }] } });
    expect(mismatch.explanation).toMatch(/its block, anchoring account differ/);
    const stale = explainFinding({ kind: "STALE_BATCH", details: { status: "SENDING", createdAt: "", sentAt: null, attempts: 9, lastError: "insufficient funds", ageMinutes: 3 * 24 * 60 } });
    expect(stale.title).toBe("Batch still being sent");
    expect(stale.explanation).toMatch(/after 3 days; the last error was: insufficient funds/);
  });
});

describe("a root lost in a restore", () => {
  const restore = {
    backupCreatedAt: new Date("2026-11-30T10:00:00.400Z"),
    backupDatabase: "tradetrail",
    restoredAt: new Date("2026-11-30T12:00:00.000Z"),
    anchoredUpTo: [{ chainId: "31337", contractAddress: "0xAbC", blockNumber: "100" }],
    chainId: 31337n,
    headAtBackup: 110n,
    headAtRestore: 200n,
  };
  const registry = { chainId: 31337n, contractAddress: "0xabc" };
  const seconds = (iso: string) => Date.parse(iso) / 1000;
  const lost = { backupCreatedAt: "2026-11-30T10:00:00.400Z", backupDatabase: "tradetrail", restoredAt: "2026-11-30T12:00:00.000Z" };

  it("is one anchored after the chain's head at the backup and up to its head at the restore, whatever the block times say", () => {
    // A busy local chain's block times run ahead of the clock: the heads decide.
    expect(restoreThatLost({ blockNumber: 111, timestamp: seconds("2026-11-30T13:00:00Z") }, registry, [restore])).toEqual(lost);
    expect(restoreThatLost({ blockNumber: 200, timestamp: seconds("2026-11-30T09:00:00Z") }, registry, [restore])).toEqual(lost);
    expect(restoreThatLost({ blockNumber: 110, timestamp: seconds("2026-11-30T11:00:00Z") }, registry, [restore])).toBeNull();
    expect(restoreThatLost({ blockNumber: 201, timestamp: seconds("2026-11-30T11:00:00Z") }, registry, [restore])).toBeNull();
    expect(restoreThatLost({ blockNumber: 150, timestamp: seconds("2026-11-30T11:00:00Z") }, registry, [])).toBeNull();
  });

  it("without heads, is one above the backup's last anchored block, from the backup's second until the restore", () => {
    const untimed = { ...restore, chainId: null, headAtBackup: null, headAtRestore: null };
    expect(restoreThatLost({ blockNumber: 101, timestamp: seconds("2026-11-30T10:00:00Z") }, registry, [untimed])).toEqual(lost);
    expect(restoreThatLost({ blockNumber: 150, timestamp: seconds("2026-11-30T12:00:00Z") }, registry, [untimed])).toEqual(lost);
    expect(restoreThatLost({ blockNumber: 101, timestamp: seconds("2026-11-30T09:59:59Z") }, registry, [untimed])).toBeNull();
    expect(restoreThatLost({ blockNumber: 100, timestamp: seconds("2026-11-30T11:00:00Z") }, registry, [untimed])).toBeNull();
    expect(restoreThatLost({ blockNumber: 120, timestamp: seconds("2026-11-30T12:00:01Z") }, registry, [untimed])).toBeNull();
    // Heads of another chain do not count; nor does the mark of another registry.
    expect(restoreThatLost({ blockNumber: 5, timestamp: seconds("2026-11-30T11:00:00Z") }, { chainId: 1n, contractAddress: "0xabc" }, [restore])).toEqual(lost);
  });

  it("is explained as data lost with the restore, unless another account anchored it", () => {
    const details = { anchorer: "0x1", leafCount: 2, anchoredAt: "2026-11-30T11:00:00.000Z", lostInRestore: { backupCreatedAt: "2026-11-30T10:00:00.400Z", backupDatabase: "tradetrail", restoredAt: "2026-11-30T12:00:00.000Z" } };
    const ours = explainFinding({ kind: "UNKNOWN_ROOT", details: { ...details, anchorerExpected: true } });
    expect(ours).toMatchObject({ severity: "warning", title: "Root anchored after the backup this database was restored from" });
    expect(ours.explanation).toMatch(/committing to 2 milestones\) anchored after the backup of tradetrail was taken \(2026-11-30T10:00:00.400Z\)[^]*lost with the restore/);
    expect(explainFinding({ kind: "UNKNOWN_ROOT", details: { ...details, anchorerExpected: false } })).toMatchObject({ severity: "critical", title: "Root on chain that no batch references" });
  });
});
