import { type Provider, getAddress } from "ethers";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ReconciliationTrigger } from "@/lib/generated/prisma/enums";
import { type Config, config } from "@/lib/config";
import { type AnchorRecord, connectAnchorRegistry } from "@/lib/chain/anchor-registry";
import { chainIdOf } from "@/lib/chain/provider";
import { db } from "@/lib/db/client";
import { type AnchorDifference, type FindingDetails, type RestoreMark, restoreThatLost } from "@/lib/reconciliation/findings";
import { serverTrust } from "@/lib/verify/trust";

// Reconciliation: every RootAnchored log of the registry against the anchor_batches rows.
// Reports roots on chain that no batch references (someone anchored with an anchoring key, a
// batch row was deleted, or, after a restore from a backup, a batch anchored after the backup), confirmed batches whose root the registry does not know or knows
// differently, and batches stuck before confirmation.
//
// The chain is read incrementally: each RootAnchored log is kept in chain_anchored_roots and a
// cursor remembers the last block read, so a run reads only new blocks (up to a confirmation
// depth below the head, in ranges hosted RPCs accept) and still compares every root ever
// anchored. Confirmed batches are checked against the contract's own anchorsOf each run.
// This runs on the operator's servers, so it detects mistakes and intrusions the operator would
// want to see; an auditor's independent evidence remains the proof bundle and its verifier.

export interface ReconcileSettings {
  /** Blocks below the head left unread. */
  confirmations: number;
  /** Most blocks per eth_getLogs. */
  maxBlockRange: number;
  /** Unconfirmed batches older than this are reported (ms). */
  staleAfterMs: number;
  /** The registry's first block (its deployment); reading starts here the first time. */
  startBlock: number;
  /** The accounts allowed to anchor (checksummed or not); empty: the anchorer is not checked. */
  expectedAnchorers: readonly string[];
}

export interface ReconcileOptions {
  provider: Provider;
  contractAddress: string;
  settings: ReconcileSettings;
  trigger: ReconciliationTrigger;
  requestedById?: string | null;
  /** Read the registry again from its start block, whatever the cursor says (restores deleted rows of the chain side). */
  fullRescan?: boolean;
  now?: Date;
  log?: (line: string) => void;
  /** The database to reconcile; unset: the process's own (db()). `npm run restore` passes the restored one. */
  client?: PrismaClient;
}

export interface ReconcileResult {
  runId: string;
  status: "DONE" | "FAILED";
  findings: number;
  error?: string;
}

/** Batches read per query and per anchorsOf round (anchorsOf itself splits into calls of 1,000). */
const BATCH_PAGE = 5_000;

/**
 * The settings from the configuration. The start block and the anchoring accounts are the ones
 * the server's verifiers trust (ANCHOR_REGISTRY_FROM_BLOCK, ANCHOR_ALLOWED_ANCHORERS, else this
 * registry's deployment record): one answer to "which accounts are ours" across the app.
 */
export function reconcileSettings(chainId: bigint, contractAddress: string, settings: Config = config()): ReconcileSettings {
  const trust = serverTrust(chainId, contractAddress);
  return {
    confirmations: settings.RECONCILE_CONFIRMATIONS,
    maxBlockRange: settings.RECONCILE_MAX_BLOCK_RANGE ?? settings.CHAIN_RPC_MAX_BLOCK_RANGE,
    staleAfterMs: settings.RECONCILE_STALE_BATCH_MS,
    startBlock: trust.fromBlock,
    expectedAnchorers: trust.allowedAnchorers ?? [],
  };
}

export async function reconcileAnchors(options: ReconcileOptions): Promise<ReconcileResult> {
  return (await reconcile(options, null))!;
}

/**
 * A scheduled run, unless another process has already started one for this registry within the
 * last `intervalMs` (by the database's clock): every worker process (ANCHOR_WORKERS, or workers on
 * several machines) schedules the reconciliation, and one run per interval does the work. The
 * claim is made under a transaction-scoped advisory lock, so two processes whose timers fire
 * together cannot both start one. Returns null when the slot was taken.
 */
export async function reconcileIfDue(options: Omit<ReconcileOptions, "trigger" | "requestedById">, intervalMs: number): Promise<ReconcileResult | null> {
  return reconcile({ ...options, trigger: "SCHEDULE" }, Math.max(1, Math.floor(intervalMs * 0.9)));
}

async function reconcile(options: ReconcileOptions, dueAfterMs: number | null): Promise<ReconcileResult | null> {
  const { provider, settings } = options;
  const contract = getAddress(options.contractAddress).toLowerCase();
  const chainId = await chainIdOf(provider);
  const expected = new Set(settings.expectedAnchorers.map((a) => getAddress(a)));
  const database = options.client ?? db();
  const data = {
    chainId,
    contractAddress: contract,
    trigger: options.trigger,
    requestedById: options.requestedById ?? null,
    startBlock: BigInt(settings.startBlock),
    expectedAnchorers: [...expected],
  };
  const run =
    dueAfterMs === null
      ? await database.reconciliationRun.create({ data, select: { id: true } })
      : await database.$transaction(async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tradetrail:reconcile-schedule'), hashtext(${`${chainId}:${contract}`}))`;
          const recent = await tx.$queryRaw<{ n: bigint }[]>`
            SELECT count(*) AS n FROM reconciliation_runs
             WHERE chain_id = ${chainId} AND contract_address = ${contract} AND trigger = 'SCHEDULE'
               AND started_at > now() - make_interval(secs => ${dueAfterMs / 1000})`;
          if (Number(recent[0]?.n ?? 0) > 0) return null;
          return tx.reconciliationRun.create({ data, select: { id: true } });
        });
  if (!run) return null;
  try {
    const scan = await readNewLogs(options, chainId, contract);
    const registry = connectAnchorRegistry(contract, provider);
    const findings: { kind: FindingDetails["kind"]; root: string; batchId: string | null; txHash: string | null; blockNumber: bigint | null; details: FindingDetails["details"] }[] = [];

    // Roots on chain that no batch of this registry references.
    const unknown = await database.$queryRaw<{ root: string; tx_hash: string; block_number: bigint }[]>`
      SELECT r.root, r.tx_hash, r.block_number FROM chain_anchored_roots r
       WHERE r.chain_id = ${chainId} AND r.contract_address = ${contract}
         AND NOT EXISTS (SELECT 1 FROM anchor_batches b WHERE lower(b.root) = r.root AND b.chain_id = r.chain_id AND lower(b.contract_address) = r.contract_address)
       ORDER BY r.block_number, r.log_index`;
    const unknownAnchors = await registry.anchorsOf(
      unknown.map((u) => u.root),
      { chunkSize: 1_000 },
    );
    // Restores of this database from a backup explain the roots anchored between backup and restore.
    const restores: RestoreMark[] = unknown.length === 0 ? [] : (await database.databaseRestore.findMany()).map((r) => ({ ...r, anchoredUpTo: r.anchoredUpTo as unknown as RestoreMark["anchoredUpTo"] }));
    const vanished: string[] = [];
    unknown.forEach((u, i) => {
      const anchor = unknownAnchors[i];
      // A log the chain no longer has (reorganised away, or a local chain reset): forget it.
      if (!anchor) return void vanished.push(u.root);
      findings.push({
        kind: "UNKNOWN_ROOT",
        root: u.root,
        batchId: null,
        txHash: u.tx_hash,
        blockNumber: u.block_number,
        details: {
          anchorer: anchor.anchorer,
          leafCount: anchor.leafCount,
          anchoredAt: new Date(anchor.timestamp * 1000).toISOString(),
          anchorerExpected: expected.size === 0 ? null : expected.has(anchor.anchorer),
          lostInRestore: restoreThatLost(anchor, { chainId, contractAddress: contract }, restores),
        },
      });
    });
    if (vanished.length > 0) {
      await database.chainAnchoredRoot.deleteMany({ where: { chainId, contractAddress: contract, root: { in: vanished } } });
    }

    // Confirmed batches of this registry, page by page, against the contract.
    let batchesChecked = 0;
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const page = await database.$queryRaw<{ id: string; root: string; leaf_count: number; tx_hash: string | null; block_number: bigint | null; confirmed_at: Date | null; log_tx_hash: string | null }[]>`
        SELECT b.id, lower(b.root) AS root, b.leaf_count, b.tx_hash, b.block_number, b.confirmed_at, r.tx_hash AS log_tx_hash
          FROM anchor_batches b
          LEFT JOIN chain_anchored_roots r ON r.chain_id = b.chain_id AND r.contract_address = lower(b.contract_address) AND r.root = lower(b.root)
         WHERE b.status = 'CONFIRMED' AND b.chain_id = ${chainId} AND lower(b.contract_address) = ${contract} AND b.id > ${after}::uuid
         ORDER BY b.id LIMIT ${BATCH_PAGE}`;
      if (page.length === 0) break;
      after = page[page.length - 1]!.id;
      batchesChecked += page.length;
      const anchors = await registry.anchorsOf(page.map((b) => b.root));
      page.forEach((batch, i) => {
        const anchor = anchors[i] ?? null;
        if (!anchor) {
          findings.push({
            kind: "ROOT_NOT_ON_CHAIN",
            root: batch.root,
            batchId: batch.id,
            txHash: batch.tx_hash,
            blockNumber: batch.block_number,
            details: { leafCount: batch.leaf_count, rowTxHash: batch.tx_hash, rowBlockNumber: batch.block_number?.toString() ?? null, confirmedAt: batch.confirmed_at?.toISOString() ?? null },
          });
          return;
        }
        const differences = compareAnchor(batch, anchor, expected);
        if (differences.length > 0) {
          findings.push({ kind: "ANCHOR_MISMATCH", root: batch.root, batchId: batch.id, txHash: batch.log_tx_hash ?? batch.tx_hash, blockNumber: BigInt(anchor.blockNumber), details: { differences } });
        }
      });
      if (page.length < BATCH_PAGE) break;
    }

    // Batches stuck before confirmation (informational).
    const now = options.now ?? new Date();
    const staleBefore = new Date(now.getTime() - settings.staleAfterMs);
    const stale = await database.$queryRaw<{ id: string; root: string; status: "SENDING" | "SUBMITTED"; tx_hash: string | null; block_number: bigint | null; created_at: Date; sent_at: Date | null; attempts: number; last_error: string | null }[]>`
      SELECT b.id, lower(b.root) AS root, b.status::text AS status, b.tx_hash, b.block_number, b.created_at, b.sent_at, b.attempts, b.last_error
        FROM anchor_batches b
       WHERE b.status IN ('SENDING', 'SUBMITTED') AND b.created_at < ${staleBefore} AND b.chain_id = ${chainId} AND lower(b.contract_address) = ${contract}
       ORDER BY b.created_at`;
    for (const batch of stale) {
      findings.push({
        kind: "STALE_BATCH",
        root: batch.root,
        batchId: batch.id,
        txHash: batch.tx_hash,
        blockNumber: batch.block_number,
        details: {
          status: batch.status,
          createdAt: batch.created_at.toISOString(),
          sentAt: batch.sent_at?.toISOString() ?? null,
          attempts: batch.attempts,
          lastError: batch.last_error,
          ageMinutes: Math.floor((now.getTime() - batch.created_at.getTime()) / 60_000),
        },
      });
    }

    const [batchesElsewhere, rootsOnChain] = await Promise.all([
      database.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM anchor_batches WHERE chain_id <> ${chainId} OR lower(contract_address) <> ${contract}`,
      database.chainAnchoredRoot.count({ where: { chainId, contractAddress: contract } }),
    ]);
    await database.$transaction([
      database.reconciliationFinding.createMany({
        data: findings.map((f) => ({ runId: run.id, kind: f.kind, root: f.root, batchId: f.batchId, txHash: f.txHash, blockNumber: f.blockNumber, details: f.details as unknown as Prisma.InputJsonObject })),
      }),
      database.reconciliationRun.update({
        where: { id: run.id },
        data: {
          status: "DONE",
          finishedAt: new Date(),
          fromBlock: scan.fromBlock,
          toBlock: scan.toBlock,
          headBlock: scan.head,
          logsRead: scan.logsRead,
          rootsOnChain,
          batchesChecked,
          batchesElsewhere: Number(batchesElsewhere[0]?.n ?? 0),
        },
      }),
    ]);
    if (findings.length > 0) options.log?.(`reconciliation: ${findings.length} finding(s) (run ${run.id})`);
    return { runId: run.id, status: "DONE", findings: findings.length };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    options.log?.(`reconciliation failed: ${message}`);
    await database.reconciliationRun.update({
      where: { id: run.id },
      data: { status: "FAILED", finishedAt: new Date(), error: "The reconciliation could not finish (the chain may be unreachable). Run it again; it resumes where it stopped." },
    });
    return { runId: run.id, status: "FAILED", findings: 0, error: message };
  }
}

/** What differs between a confirmed batch row (and its RootAnchored log) and the contract's anchor. */
function compareAnchor(
  batch: { tx_hash: string | null; block_number: bigint | null; log_tx_hash: string | null },
  anchor: AnchorRecord,
  expectedAnchorers: ReadonlySet<string>,
): AnchorDifference[] {
  const differences: AnchorDifference[] = [];
  if (batch.block_number === null || Number(batch.block_number) !== anchor.blockNumber) {
    differences.push({ field: "blockNumber", expected: batch.block_number?.toString() ?? "(none)", found: String(anchor.blockNumber) });
  }
  // The log is known once its block is read; until then the transaction cannot be compared.
  if (batch.log_tx_hash && batch.log_tx_hash.toLowerCase() !== batch.tx_hash?.toLowerCase()) {
    differences.push({ field: "txHash", expected: batch.tx_hash ?? "(none)", found: batch.log_tx_hash });
  }
  if (expectedAnchorers.size > 0 && !expectedAnchorers.has(anchor.anchorer)) {
    differences.push({ field: "anchorer", expected: [...expectedAnchorers].join(", "), found: anchor.anchorer });
  }
  return differences;
}

/**
 * Reads the RootAnchored logs of blocks not read yet (up to the confirmation depth), range by
 * range; each range's logs and the cursor move together, so a failed run resumes where it stopped.
 */
async function readNewLogs(options: ReconcileOptions, chainId: bigint, contract: string): Promise<{ fromBlock: bigint | null; toBlock: bigint | null; head: bigint; logsRead: number }> {
  const { provider, settings } = options;
  const database = options.client ?? db();
  const head = await provider.getBlockNumber();
  const safeHead = head - settings.confirmations;
  const start = BigInt(settings.startBlock);
  await database.reconciliationCursor.upsert({
    where: { chainId_contractAddress: { chainId, contractAddress: contract } },
    create: { chainId, contractAddress: contract, startBlock: start, lastBlock: start - 1n },
    update: {},
  });
  // An earlier start block configured later: read from there (what was read stays).
  await database.reconciliationCursor.updateMany({
    where: { chainId, contractAddress: contract, startBlock: { gt: start } },
    data: { startBlock: start, lastBlock: start - 1n },
  });
  const cursor = await database.reconciliationCursor.findUniqueOrThrow({ where: { chainId_contractAddress: { chainId, contractAddress: contract } } });
  const from = options.fullRescan ? Number(cursor.startBlock) : Number(cursor.lastBlock) + 1;
  if (from > safeHead) return { fromBlock: null, toBlock: null, head: BigInt(head), logsRead: 0 };

  const registry = connectAnchorRegistry(contract, provider);
  let logsRead = 0;
  let last = from - 1;
  for await (const range of registry.scanRootLogs(from, safeHead, { maxBlockRange: settings.maxBlockRange })) {
    await database.$transaction(async (tx) => {
      for (const log of range.logs) {
        await tx.$executeRaw`
          INSERT INTO chain_anchored_roots (id, chain_id, contract_address, root, tx_hash, block_number, block_hash, log_index)
          VALUES (gen_random_uuid(), ${chainId}, ${contract}, ${log.root}, ${log.txHash.toLowerCase()}, ${BigInt(log.blockNumber)}, ${log.blockHash.toLowerCase()}, ${log.logIndex})
          ON CONFLICT (chain_id, contract_address, root) DO UPDATE
            SET tx_hash = EXCLUDED.tx_hash, block_number = EXCLUDED.block_number, block_hash = EXCLUDED.block_hash, log_index = EXCLUDED.log_index`;
      }
      // GREATEST: a concurrent run (or a full rescan) never moves the cursor back.
      await tx.$executeRaw`
        UPDATE reconciliation_cursors SET last_block = GREATEST(last_block, ${BigInt(range.toBlock)}), updated_at = now()
         WHERE chain_id = ${chainId} AND contract_address = ${contract}`;
    });
    logsRead += range.logs.length;
    last = range.toBlock;
  }
  return { fromBlock: BigInt(from), toBlock: BigInt(last), head: BigInt(head), logsRead };
}
