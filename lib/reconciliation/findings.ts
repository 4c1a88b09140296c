// What a reconciliation finding means and what to do about it, in plain words for bank admins
// and auditors. Pure: no I/O. The job (lib/jobs/reconcile-anchors.ts) stores each finding's
// details in this shape; the pages render them with explainFinding.

export type FindingKind = "UNKNOWN_ROOT" | "ROOT_NOT_ON_CHAIN" | "ANCHOR_MISMATCH" | "STALE_BATCH";

export interface UnknownRootDetails {
  anchorer: string;
  leafCount: number;
  /** ISO time of the anchoring block. */
  anchoredAt: string;
  /** Whether the anchorer is one of the expected anchoring accounts; null when none is configured. */
  anchorerExpected: boolean | null;
  /**
   * Anchored after the backup this database was restored from was taken, and before the restore
   * (above the backup's last anchored block): its batch was lost with the restore. Absent or null otherwise.
   */
  lostInRestore?: LostInRestore | null;
}

export interface LostInRestore {
  backupCreatedAt: string;
  backupDatabase: string;
  restoredAt: string;
}

export interface RestoreMark {
  backupCreatedAt: Date;
  backupDatabase: string;
  restoredAt: Date;
  /** The backup's highest confirmed batch per registry (lib/backup/manifest.ts AnchoredBatchMark). */
  anchoredUpTo: { chainId: string; contractAddress: string; blockNumber: string | null }[];
  /** The chain the heads below are of, and its head at the backup and at the restore (null: not read). */
  chainId: bigint | null;
  headAtBackup: bigint | null;
  headAtRestore: bigint | null;
}

/**
 * The restore that explains a root on chain the database does not know: anchored after that
 * restore's backup was taken and not after the restore itself. Block numbers decide when the
 * restore read the chain's heads (exact); otherwise the backup's last anchored block on this
 * registry and the times (block times are whole seconds, and a busy local chain runs ahead of
 * the clock, so times are the fallback only). The latest such restore; null when none explains it.
 */
export function restoreThatLost(anchor: { blockNumber: number; timestamp: number }, registry: { chainId: bigint; contractAddress: string }, restores: readonly RestoreMark[]): LostInRestore | null {
  const at = anchor.timestamp * 1000;
  const block = BigInt(anchor.blockNumber);
  const matching = restores.filter((r) => {
    const sameChain = r.chainId === registry.chainId;
    const mark = r.anchoredUpTo.find((m) => m.chainId === registry.chainId.toString() && m.contractAddress.toLowerCase() === registry.contractAddress.toLowerCase());
    const afterBackup =
      sameChain && r.headAtBackup !== null ? block > r.headAtBackup : (!mark?.blockNumber || block > BigInt(mark.blockNumber)) && at >= Math.floor(r.backupCreatedAt.getTime() / 1000) * 1000;
    const beforeRestore = sameChain && r.headAtRestore !== null ? block <= r.headAtRestore : at <= r.restoredAt.getTime();
    return afterBackup && beforeRestore;
  });
  const latest = matching.sort((a, b) => b.restoredAt.getTime() - a.restoredAt.getTime())[0];
  return latest ? { backupCreatedAt: latest.backupCreatedAt.toISOString(), backupDatabase: latest.backupDatabase, restoredAt: latest.restoredAt.toISOString() } : null;
}

export interface RootNotOnChainDetails {
  leafCount: number;
  /** What the batch row claims. */
  rowTxHash: string | null;
  rowBlockNumber: string | null;
  confirmedAt: string | null;
}

export interface AnchorDifference {
  field: "blockNumber" | "txHash" | "anchorer";
  /** What the batch row (or, for the anchorer, the configured anchoring accounts) says. */
  expected: string;
  /** What the chain says. */
  found: string;
}

export interface AnchorMismatchDetails {
  differences: AnchorDifference[];
}

export interface StaleBatchDetails {
  status: "SENDING" | "SUBMITTED";
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
  ageMinutes: number;
}

export type FindingDetails =
  | { kind: "UNKNOWN_ROOT"; details: UnknownRootDetails }
  | { kind: "ROOT_NOT_ON_CHAIN"; details: RootNotOnChainDetails }
  | { kind: "ANCHOR_MISMATCH"; details: AnchorMismatchDetails }
  | { kind: "STALE_BATCH"; details: StaleBatchDetails };

export type Severity = "critical" | "warning" | "info";

export interface Explanation {
  title: string;
  severity: Severity;
  /** The word shown beside the finding, so its weight never depends on colour alone. */
  severityLabel: string;
  explanation: string;
  action: string;
}

const SEVERITY_LABEL: Record<Severity, string> = { critical: "Critical", warning: "Needs attention", info: "Information" };

const FIELD_NAMES: Record<AnchorDifference["field"], string> = { blockNumber: "block", txHash: "transaction", anchorer: "anchoring account" };

/** Critical first, then warnings, then information: the order findings are listed in. */
export const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

export function severityOf(kind: FindingKind): Severity {
  return kind === "STALE_BATCH" ? "info" : kind === "ANCHOR_MISMATCH" ? "warning" : "critical";
}

export function explainFinding(finding: FindingDetails): Explanation {
  const severity = severityOf(finding.kind);
  const base = { severity, severityLabel: SEVERITY_LABEL[severity] };
  switch (finding.kind) {
    case "UNKNOWN_ROOT": {
      const { anchorerExpected, leafCount, lostInRestore } = finding.details;
      // Our own key (or no pinned key), after the backup and before the restore: data lost, not an intrusion.
      if (lostInRestore && anchorerExpected !== false) {
        return {
          severity: "warning",
          severityLabel: SEVERITY_LABEL.warning,
          title: "Root anchored after the backup this database was restored from",
          explanation: `The registry holds a Merkle root (committing to ${leafCount} milestone${leafCount === 1 ? "" : "s"}) anchored after the backup of ${lostInRestore.backupDatabase} was taken (${lostInRestore.backupCreatedAt}) and before the database was restored from it (${lostInRestore.restoredAt}). Its batch and the milestones it commits to were recorded after the backup and were lost with the restore; the root stays on chain, but nothing in this database can show what it held.`,
          action:
            "Nothing to revoke. Recover what was lost from other records (the parties' copies of the steps taken after the backup) and record those steps again; a credit that went on after the backup verifies as truncated until then.",
        };
      }
      const who =
        anchorerExpected === false
          ? "It was anchored by an account that is not one of this platform's anchoring accounts, so another key holds the anchorer role."
          : anchorerExpected === true
            ? "It was anchored with this platform's own anchoring key, so either someone used that key outside the anchoring worker or the batch's row was deleted from the database."
            : "Either someone anchored with an account holding the anchorer role outside the anchoring worker, or the batch's row was deleted from the database.";
      return {
        ...base,
        title: "Root on chain that no batch references",
        explanation: `The registry holds a Merkle root (committing to ${leafCount} milestone${leafCount === 1 ? "" : "s"}) that no anchoring batch in the database knows. ${who}`,
        action:
          "Treat it as a possible compromise of the anchoring key or of the database. Find the transaction in a block explorer, check the operator's logs and database history for a deleted batch, and if the key was misused, revoke its anchorer role and grant a new one.",
      };
    }
    case "ROOT_NOT_ON_CHAIN":
      return {
        ...base,
        title: "Confirmed batch whose root is not on chain",
        explanation: `The database says this batch of ${finding.details.leafCount} milestone${finding.details.leafCount === 1 ? "" : "s"} was anchored and confirmed, but the registry does not know its root. Its milestones would show as anchored in the application while no proof of them exists on chain.`,
        action:
          "Do not rely on these milestones' anchoring. Check whether the row was edited, whether the transaction was reorganised away, or whether the batch belongs to another registry. Verify the affected credits' proof bundles independently.",
      };
    case "ANCHOR_MISMATCH": {
      const fields = finding.details.differences.map((d) => FIELD_NAMES[d.field]);
      return {
        ...base,
        title: "Batch anchored, but not as its row says",
        explanation: `The root is on chain, but its ${fields.join(", ")} ${fields.length === 1 ? "differs" : "differ"} from what the batch row records. The anchor itself still proves the milestones existed at the on-chain time; the row is wrong, or the root was anchored by someone else first.`,
        action: "Compare the row with the chain (details below). A different anchoring account means another key holds the anchorer role: find out whose, and revoke it if it is not yours.",
      };
    }
    case "STALE_BATCH":
      return {
        ...base,
        title: `Batch still ${finding.details.status === "SENDING" ? "being sent" : "waiting for confirmations"}`,
        explanation: `This batch has not been confirmed after ${formatAge(finding.details.ageMinutes)}${finding.details.lastError ? `; the last error was: ${finding.details.lastError}` : ""}. Its milestones are recorded but not yet anchored.`,
        action: "Usually the chain is slow or the anchoring account is out of gas. Check the anchoring worker's log and the account's balance; nothing is lost meanwhile.",
      };
  }
}

function formatAge(minutes: number): string {
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hours`;
  return `${Math.floor(hours / 24)} days`;
}
