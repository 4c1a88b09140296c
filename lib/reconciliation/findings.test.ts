import { describe, expect, it } from "vitest";
import { explainFinding, severityOf } from "./findings";

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
