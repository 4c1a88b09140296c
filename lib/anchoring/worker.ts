import type { JsonRpcProvider, TransactionResponse } from "ethers";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { type AnchorRegistry, type CreditHeadInput, anchorRegistryInterface, decodeAnchorError, packHeads } from "@/lib/chain/anchor-registry";
import { primaryNetworkName } from "@/lib/chain/networks";
import { observeBatchClosed, observeBatchConfirmed, reportBalance } from "@/lib/observability/metrics";
import { type BalanceStatus, InsufficientFundsError, anchoringBalance, describeLowBalance } from "./balance";
import { FeeCapError, type Fees, gwei, initialFees, replacementFees } from "./fees";
import { isInsufficientFunds, isNonceSpent, isReplacementUnderpriced, nextNonce } from "./nonces";
import { creditKey, organizationKey } from "./credit-key";
import { documentCommitment, normaliseSha256 } from "./document-commitment";
import { buildBatch } from "./merkle";

// The anchoring worker. It takes pending milestones from the outbox (FOR UPDATE SKIP LOCKED, so
// several workers may run), closes a batch on size or age, anchors the batch's Merkle root in
// one transaction, waits for confirmations, and records root, tx, block and each proof.
//
// A batch moves SENDING -> SUBMITTED (mined) -> CONFIRMED. Every step is idempotent and
// re-derived from the chain: after a crash between sending and recording, the worker asks the
// contract whether the root landed before sending again (and the contract refuses a root twice),
// and a batch whose block disappears in a reorg goes back to SENDING with the same root.
//
// A tick never busy-waits on the chain: a batch that only a new block (or a later look) can move
// on is parked until `confirmationPollMs` from now and not leased again in the same tick, however
// long the tick's pass over the other batches takes; nor is a batch whose step failed.
//
// Sending is for a real network: EIP-1559 fees under a cap (fees.ts), nonces chosen by the worker
// under the send lock and stored with the batch (nonces.ts), a transaction still in the mempool
// after `replaceAfterMs` replaced with the same nonce and fees 12.5% higher, every transaction
// of a batch remembered (anchor_transactions) so that whichever of them is mined confirms it, and
// the signer's balance watched against the gas anchoring spends (balance.ts).

export interface WorkerSettings {
  batchSize: number;
  batchAgeMs: number;
  confirmations: number;
  /** How far back confirmed batches are re-checked for reorgs, in blocks. */
  reorgDepth: number;
  /** A worker holds a batch this long before another may take it over. */
  leaseMs: number;
  maxBackoffMs: number;
  /** A mined batch not yet deep enough is looked at again after this long (no sooner: only a new block changes its depth). */
  confirmationPollMs: number;
  /** The most offered per gas, in wei (ANCHOR_MAX_FEE_GWEI): above it nothing is sent. */
  maxFeePerGas: bigint;
  /** The priority fee (tip) offered, in wei (ANCHOR_PRIORITY_FEE_GWEI). */
  priorityFeePerGas: bigint;
  /** A transaction still in the mempool this long after it was sent is replaced (same nonce, higher fees). */
  replaceAfterMs: number;
  /** Warn when the signer's balance covers fewer days of anchoring than this, at the last day's rate. */
  balanceWarnDays: number;
  /** The balance is read after a tick that confirmed a batch, and at least this often. */
  balanceCheckMs: number;
}

export const DEFAULT_WORKER_SETTINGS: WorkerSettings = {
  batchSize: 256,
  batchAgeMs: 2_000,
  confirmations: 1,
  reorgDepth: 64,
  leaseMs: 30_000,
  maxBackoffMs: 60_000,
  confirmationPollMs: 1_000,
  maxFeePerGas: 100_000_000_000n, // 100 gwei
  priorityFeePerGas: 1_500_000_000n, // 1.5 gwei
  replaceAfterMs: 180_000,
  balanceWarnDays: 3,
  balanceCheckMs: 300_000,
};

export interface TickReport {
  batched: number;
  sent: number;
  confirmed: number;
  reorged: number;
  /** Batches looked at that can only move on later: in the mempool, short of confirmations, or just found landed. */
  waiting: number;
  errors: string[];
}

interface BatchRow {
  /** The row this worker's state lives in: the batch (its own network), or its anchoring on an additional network. */
  id: string;
  /** The batch (anchor_batches.id). */
  batch_id: string;
  root: string;
  leaf_count: number;
  heads: CreditHeadInput[];
  status: "SENDING" | "SUBMITTED" | "CONFIRMED";
  tx_hash: string | null;
  block_number: bigint | null;
  block_hash: string | null;
  attempts: number;
  sent_at: Date | null;
  /** The hashes of every transaction sent for the batch (anchor_transactions), oldest first. */
  sent: string[];
}

/** Sends are serialised across workers sharing one key, so nonces never collide. */
const SEND_LOCK = 4242101;
/** Batches close one at a time across workers, so a credit's milestones enter them in seq order. */
const CLOSE_LOCK = 4242102;
/** Full batches closed per tick at most, so a long backlog still lets sends and confirmations through. */
const MAX_BATCHES_PER_TICK = 8;

export class AnchoringWorker {
  private readonly settings: WorkerSettings;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  /** The signer's address, read once from the registry. */
  private from: string | undefined;
  private balance: BalanceStatus | undefined;
  /** What the last send refused for want of funds needed (wei), until a send goes through. */
  private needed: bigint | null = null;
  private lastBalanceCheck = Date.now();
  private lastLowWarning = 0;

  constructor(
    private readonly chain: {
      provider: JsonRpcProvider;
      registry: AnchorRegistry;
      chainId: bigint;
      contractAddress: string;
      /** The registry's signer, when it caches nonces: re-read from the node before each send. */
      signer?: { reset(): void };
      /**
       * An ADDITIONAL network (CHAIN_NETWORKS, lib/chain/networks.ts): this worker closes no
       * batches; it anchors the root of every batch on its own chain and registry, keeping its
       * state in anchor_network_anchorings. Absent: the batch's own network (anchor_batches).
       */
      network?: string;
    },
    settings: Partial<WorkerSettings> = {},
    private readonly log: (line: string) => void = () => {},
  ) {
    this.settings = { ...DEFAULT_WORKER_SETTINGS, ...settings };
    this.store = chain.network ? networkStore(chain.network, chain.chainId, chain.contractAddress) : batchStore(chain.chainId, chain.contractAddress);
  }

  /** The network's name, as bundles and the balance gauges give it: the additional network's own, else the batch's (CHAIN_NAME, else chain-<id>). */
  private get networkName(): string {
    return this.chain.network ?? primaryNetworkName(this.chain.chainId);
  }

  /** Where this worker's anchoring state lives: the batch rows, or one network's anchorings. */
  private readonly store: AnchoringStore;

  /** Run ticks every `pollMs` until stop(). */
  start(pollMs: number): void {
    const loop = async () => {
      if (this.stopped) return;
      this.running = this.tick().then(
        (report) => {
          for (const error of report.errors) this.log(`anchoring: ${error}`);
        },
        (error: unknown) => this.log(`anchoring: ${error instanceof Error ? error.message : String(error)}`),
      );
      await this.running;
      if (!this.stopped) this.timer = setTimeout(loop, pollMs);
    };
    void loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    // Stryker disable next-line ConditionalExpression: clearTimeout(undefined) does nothing, so the guard is equivalent
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** One pass: close a batch if due, then move every batch this worker can lease one step on. */
  async tick(now = new Date()): Promise<TickReport> {
    const report: TickReport = { batched: 0, sent: 0, confirmed: 0, reorged: 0, waiting: 0, errors: [] };
    const step = async (what: string, fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (error) {
        report.errors.push(`${what}: ${describe(error)}`);
      }
    };
    if (this.chain.network) {
      // An additional network: every batch not yet anchored there gets its anchoring row.
      await step("enqueueing", async () => void (await this.store.enqueue()));
    } else {
      await step("batching", async () => {
        // A backlog (after downtime, or a burst) closes several full batches in one tick.
        for (let i = 0; i < MAX_BATCHES_PER_TICK; i++) {
          const closed = await this.closeBatchIfDue(now);
          report.batched += closed;
          if (closed < this.settings.batchSize) break;
        }
      });
    }
    await step("reorg check", async () => {
      report.reorged = await this.recheckConfirmed();
    });
    // Batches this tick parked or failed: leased again only by a later tick. A batch that moved
    // a step on (sent, found landed, reorged back to sending) may take its next step at once.
    const doneThisTick: string[] = [];
    for (;;) {
      const batch = await this.leaseBatch(doneThisTick);
      if (!batch) break;
      await step(`batch ${batch.root.slice(0, 10)}…`, async () => {
        try {
          const outcome = await this.advance(batch);
          if (outcome === "sent") report.sent++;
          if (outcome === "confirmed") report.confirmed++;
          if (outcome === "reorged") report.reorged++;
          if (outcome === "waiting" || outcome === "parked") report.waiting++;
          if (outcome === "parked") doneThisTick.push(batch.id);
        } catch (error) {
          doneThisTick.push(batch.id);
          await this.backOff(batch, error);
          throw error;
        }
      });
    }
    // Confirmed batches spent gas: the balance is read again then, and every balanceCheckMs.
    if (report.confirmed > 0 || Date.now() - this.lastBalanceCheck >= this.settings.balanceCheckMs) {
      await step("balance check", async () => void (await this.watchBalance()));
    }
    return report;
  }

  /**
   * The signer's balance and how many days of anchoring it covers at the last day's rate, as last
   * read (also reported as metrics: lib/observability/metrics.ts); undefined before the first read.
   */
  balanceStatus(): BalanceStatus | undefined {
    return this.balance;
  }

  /** Reads the signer's balance now, logs a warning when it is low, and returns it (null: a registry that cannot send). */
  async watchBalance(): Promise<BalanceStatus | null> {
    this.lastBalanceCheck = Date.now();
    const address = await this.sender();
    if (!address) return null;
    const status = await anchoringBalance({
      provider: this.chain.provider,
      address,
      chainId: this.chain.chainId,
      contractAddress: this.chain.contractAddress,
      warnDays: this.settings.balanceWarnDays,
    });
    if (this.needed !== null && status.balanceWei < this.needed) {
      status.shortfallWei = this.needed - status.balanceWei;
      status.low = true;
    }
    const wasLow = this.balance?.low ?? false;
    this.balance = status;
    reportBalance(this.networkName, status);
    // Once when it turns low, then hourly while it stays low (a refused send logs its own error).
    if (status.low && status.daysLeft !== null && (!wasLow || Date.now() - this.lastLowWarning >= 3_600_000)) {
      this.lastLowWarning = Date.now();
      this.log(`anchoring: warning: ${describeLowBalance(status, this.settings.balanceWarnDays)}`);
    }
    return status;
  }

  /**
   * Closes one batch of pending milestones when there are enough, or the oldest is old enough.
   * Batches are closed one at a time (an advisory lock), and a credit's milestones enter batches
   * in seq order: a milestone waits while an earlier one of its credit is still pending, so each
   * credit head published with a batch covers every milestone of the credit before it.
   */
  private async closeBatchIfDue(now: Date): Promise<number> {
    const { batchSize, batchAgeMs } = this.settings;
    let leaves = 0;
    const closed = await db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLOSE_LOCK})`;
      const due = await tx.$queryRaw<{ n: bigint; oldest: Date | null; keys: bigint; oldest_key: Date | null }[]>`
        SELECT (SELECT count(*) FROM (SELECT 1 FROM milestones WHERE status = 'PENDING' LIMIT ${batchSize}) p) AS n,
               (SELECT min(created_at) FROM milestones WHERE status = 'PENDING') AS oldest,
               (SELECT count(*) FROM key_events WHERE batch_id IS NULL) AS keys,
               (SELECT min(created_at) FROM key_events WHERE batch_id IS NULL) AS oldest_key`;
      const { n, keys } = due[0]!;
      const oldest = [due[0]!.oldest, due[0]!.oldest_key].filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0];
      // Stryker disable next-line ConditionalExpression: a short cut (an empty outbox would otherwise run three queries to find nothing).
      if ((n === 0n && keys === 0n) || (Number(n) < batchSize && oldest && now.getTime() - oldest.getTime() < batchAgeMs)) return 0;
      // Oldest first, along the (status, created_at) index: almost always whole prefixes of each
      // credit's pending run (inSeqOrder below keeps only those).
      let candidates = await tx.$queryRaw<PendingRow[]>`
        SELECT id, digest, credit_id, seq, document_hashes FROM milestones WHERE status = 'PENDING' ORDER BY created_at, id LIMIT ${batchSize}`;
      let firstPending = await this.firstPendingSeqs(tx, candidates);
      if (inSeqOrder(candidates, firstPending).length === 0) {
        // Every candidate waits behind an earlier seq of its credit committed with a later
        // created_at: take each credit's run whole, credits by their oldest pending milestone.
        candidates = await tx.$queryRaw<PendingRow[]>`
          SELECT id, digest, credit_id, seq, document_hashes FROM (
            SELECT id, digest, credit_id, seq, document_hashes, min(created_at) OVER (PARTITION BY credit_id) AS credit_first
              FROM milestones WHERE status = 'PENDING') p
           ORDER BY credit_first, credit_id, seq LIMIT ${batchSize}`;
        firstPending = await this.firstPendingSeqs(tx, candidates);
      }
      const claimed = inSeqOrder(candidates, firstPending);
      // Organisations' key events (issue 14) ride along: few, each organisation's pending run whole, in seq order.
      const keyEvents = await tx.$queryRaw<KeyEventRow[]>`
        SELECT id, digest, organization_id, seq FROM key_events WHERE batch_id IS NULL ORDER BY organization_id, seq LIMIT ${MAX_KEY_EVENTS_PER_BATCH}`;
      if (claimed.length === 0 && keyEvents.length === 0) return 0;
      // Each document hash these milestones commit to, and no earlier batch did, gets a leaf of
      // its own: its anchoring is then provable from the chain without revealing the milestone.
      const hashes = [...new Set(claimed.flatMap((m) => m.document_hashes.map(normaliseSha256).filter((h) => h !== null)))];
      // Stryker disable next-line ConditionalExpression,EqualityOperator: a short cut (the query finds nothing for no hashes).
      const committed = hashes.length === 0 ? [] : await tx.$queryRaw<{ sha256: string }[]>`
        SELECT DISTINCT sha256 FROM document_anchors WHERE sha256 = ANY(${hashes}::text[])`;
      const seen = new Set(committed.map((r) => r.sha256));
      const documents = hashes.filter((h) => !seen.has(h)).map((sha256) => ({ sha256, commitment: documentCommitment(sha256) }));
      const tree = buildBatch([...claimed.map((m) => m.digest), ...documents.map((d) => d.commitment), ...keyEvents.map((k) => k.digest)]);
      const heads = [...creditHeads(claimed), ...organizationHeads(keyEvents)].sort((a, b) => (a.creditKey < b.creditKey ? -1 : 1));
      const batch = await tx.anchorBatch.create({
        data: {
          root: tree.root,
          leafCount: claimed.length + documents.length + keyEvents.length,
          heads: heads as unknown as Prisma.InputJsonValue,
          status: "SENDING",
          chainId: this.chain.chainId,
          contractAddress: this.chain.contractAddress,
        },
        select: { id: true },
      });
      const ids = claimed.map((m) => m.id);
      const proofs = claimed.map((m) => JSON.stringify(tree.proofs.get(m.digest) ?? []));
      await tx.$executeRaw`
        UPDATE milestones m SET status = 'BATCHED', batch_id = ${batch.id}::uuid,
               proof = ARRAY(SELECT jsonb_array_elements_text(u.proof::jsonb))
          FROM unnest(${ids}::uuid[], ${proofs}::text[]) AS u(id, proof)
         WHERE m.id = u.id`;
      if (documents.length > 0) {
        await tx.documentAnchor.createMany({
          data: documents.map((d) => ({ sha256: d.sha256, batchId: batch.id, commitment: d.commitment, proof: tree.proofs.get(d.commitment) ?? [] })),
        });
      }
      if (keyEvents.length > 0) {
        await tx.$executeRaw`
          UPDATE key_events k SET batch_id = ${batch.id}::uuid, proof = ARRAY(SELECT jsonb_array_elements_text(u.proof::jsonb))
            FROM unnest(${keyEvents.map((k) => k.id)}::uuid[], ${keyEvents.map((k) => JSON.stringify(tree.proofs.get(k.digest) ?? []))}::text[]) AS u(id, proof)
           WHERE k.id = u.id`;
      }
      leaves = claimed.length + documents.length + keyEvents.length;
      return claimed.length;
    });
    // Counted once committed: a batch rolled back was never closed.
    if (leaves > 0) observeBatchClosed(leaves);
    return closed;
  }

  /**
   * Batches of this worker's chain and registry. A batch closed for another registry (before a
   * switch to a new deployment) is never sent to, or reorg-checked against, this one.
   */
  /** Each candidate credit's lowest pending seq. */
  private async firstPendingSeqs(tx: Prisma.TransactionClient, candidates: readonly Candidate[]): Promise<Map<string, number>> {
    const rows = await tx.$queryRaw<{ credit_id: string; seq: number }[]>`
      SELECT credit_id, min(seq)::int AS seq FROM milestones
       WHERE status = 'PENDING' AND credit_id = ANY(${[...new Set(candidates.map((c) => c.credit_id))]}::uuid[])
       GROUP BY credit_id`;
    return new Map(rows.map((r) => [r.credit_id, r.seq]));
  }

  /** Takes one batch that needs work, that no other worker holds and that is not in `excluded`; the lease expires on crash. */
  private async leaseBatch(excluded: readonly string[]): Promise<BatchRow | null> {
    return this.store.lease(excluded, this.settings.leaseMs);
  }

  private async release(batchId: string, data: StateUpdate): Promise<void> {
    await this.store.update(batchId, { ...data, nextAttemptAt: new Date() });
  }

  /**
   * One step of a leased batch. "waiting": it moved on and is free for its next step at once;
   * "parked": only a new block or a later look can move it on (leasable after `confirmationPollMs`).
   */
  private async advance(batch: BatchRow): Promise<"sent" | "waiting" | "parked" | "confirmed" | "reorged"> {
    const { provider } = this.chain;
    if (batch.status === "SENDING") {
      // Every transaction sent for the batch: the first, its replacements, sends before a reorg.
      const sent = sentTransactions(batch);
      // Did an earlier attempt (ours or a crashed worker's, any of them) land already?
      const landed = await this.landedTransaction(batch, sent);
      if (landed === "unfound") {
        // On chain, but its RootAnchored log is out of the node's reach (a provider's log range
        // limit, pruned logs): sending again would only meet AlreadyAnchored, at once and forever.
        this.log(`anchoring: root ${batch.root} is anchored but its transaction was not found; looking again later`);
        await this.lookAgainLater(batch.id);
        return "parked";
      }
      if (landed) {
        await this.release(batch.id, { status: "SUBMITTED", txHash: landed.txHash, blockNumber: landed.blockNumber, blockHash: landed.blockHash, lastError: null });
        return "waiting";
      }
      if (sent.length > 0) {
        const waiting = (await Promise.all(sent.map((hash) => provider.getTransaction(hash)))).filter((t): t is TransactionResponse => t !== null && t.blockNumber === null);
        if (waiting.length > 0) {
          // Still in the mempool: replaced when it has waited long enough, else looked at later
          // (not leasable again at once, or the tick would spin on it).
          if (batch.sent_at && Date.now() - batch.sent_at.getTime() >= this.settings.replaceAfterMs) {
            const highest = waiting.reduce((a, b) => (feesOf(b).maxFeePerGas > feesOf(a).maxFeePerGas ? b : a));
            return this.replace(batch, highest);
          }
          await this.lookAgainLater(batch.id);
          return "parked";
        }
      }
      const outcome = await this.send(batch);
      if (outcome === "sent") return "sent";
      if (outcome === "taken") {
        // Another worker sent it while we waited: its transaction is looked at after the poll.
        await this.lookAgainLater(batch.id);
        return "parked";
      }
      // AlreadyAnchored for this root: it reached the chain behind our back (a crashed worker's
      // send, mined late). Record the transaction that anchored it, and free the batch at once.
      const event = await this.chain.registry.findAnchorEvent(batch.root);
      if (!event) {
        // Anchored only in the node's pending block (nodes estimate gas against it), or its log is
        // out of the node's reach: sending again would only meet AlreadyAnchored again.
        this.log(`anchoring: root ${batch.root} is anchored but its transaction was not found (in the node's pending block only, or its log out of reach); looking again later`);
        await this.lookAgainLater(batch.id);
        return "parked";
      }
      await this.release(batch.id, { status: "SUBMITTED", txHash: event.txHash, blockNumber: BigInt(event.blockNumber), blockHash: event.blockHash, lastError: null });
      return "waiting";
    }

    // SUBMITTED: still in the canonical chain, and deep enough?
    const receipt = batch.tx_hash ? await provider.getTransactionReceipt(batch.tx_hash) : null;
    if (!receipt || receipt.blockHash !== batch.block_hash) {
      await this.backToSending(batch.id, batch.block_hash);
      return "reorged";
    }
    const head = await provider.getBlockNumber();
    if (head - receipt.blockNumber + 1 < this.settings.confirmations) {
      // Not leasable again at once: the tick would take it straight back and spin until a block came.
      await this.lookAgainLater(batch.id);
      return "parked";
    }
    const block = await provider.getBlock(receipt.blockNumber);
    if (!block || block.hash !== batch.block_hash) {
      await this.backToSending(batch.id, batch.block_hash);
      return "reorged";
    }
    const confirmedAt = new Date();
    await this.store.confirm(batch, {
      status: "CONFIRMED",
      blockTime: new Date(block.timestamp * 1000),
      confirmedAt,
      lastError: null,
      nextAttemptAt: new Date(),
      // What it cost, for the balance monitor's spending rate.
      gasUsed: receipt.gasUsed,
      effectiveGasPrice: receipt.gasPrice,
    });
    await this.reportConfirmed(batch.batch_id, receipt.gasUsed * receipt.gasPrice, confirmedAt);
    return "confirmed";
  }

  /** The metrics of a confirmed batch: gas spent, and each milestone's wait from commit to confirmation. */
  private async reportConfirmed(batchId: string, gasWei: bigint, confirmedAt: Date): Promise<void> {
    try {
      // Commit-to-anchored latency is the batch's own network's; another network adds its gas only.
      const milestones = this.chain.network ? [] : await db().milestone.findMany({ where: { batchId }, select: { createdAt: true } });
      observeBatchConfirmed({ gasWei, milestonesCommittedAt: milestones.map((m) => m.createdAt), confirmedAt });
    } catch (error) {
      // The batch is confirmed either way: a metric missed is not a reason to fail the tick.
      this.log(`anchoring: metrics of batch ${batchId} not recorded (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  /**
   * The anchoring transaction of this batch's root if the root is on chain; "unfound" when the
   * registry knows the root but its log cannot be read; null when the root is not on chain.
   */
  private async landedTransaction(batch: BatchRow, sent: readonly string[]): Promise<{ txHash: string; blockNumber: bigint; blockHash: string } | "unfound" | null> {
    const { provider, registry } = this.chain;
    // Whichever of the batch's transactions was mined: a replaced one may land instead of its
    // replacement. (A short cut too: without it the root's own log below finds the same transaction.)
    const receipts = await Promise.all(sent.map((hash) => provider.getTransactionReceipt(hash)));
    const receipt = receipts.find((r) => r !== null && r.status === 1);
    if (receipt) return { txHash: receipt.hash, blockNumber: BigInt(receipt.blockNumber), blockHash: receipt.blockHash };
    if (!(await registry.isAnchored(batch.root))) return null;
    const event = await registry.findAnchorEvent(batch.root);
    if (!event) return "unfound";
    return { txHash: event.txHash, blockNumber: BigInt(event.blockNumber), blockHash: event.blockHash };
  }

  /** A batch only a new block can move on: leasable again after `confirmationPollMs`, not at once. */
  private async lookAgainLater(batchId: string): Promise<void> {
    await this.store.update(batchId, { nextAttemptAt: new Date(Date.now() + this.settings.confirmationPollMs) });
  }

  /** The address anchoring transactions are sent from. */
  private async sender(): Promise<string | null> {
    this.from ??= (await this.chain.registry.sender()) ?? undefined;
    return this.from ?? null;
  }

  /** The latest block's base fee (the worker needs an EIP-1559 chain). */
  private async baseFee(): Promise<bigint> {
    const block = await this.chain.provider.getBlock("latest");
    if (block?.baseFeePerGas === null || block?.baseFeePerGas === undefined) {
      throw new Error("the chain reports no EIP-1559 base fee in its latest block: anchoring needs an EIP-1559 (London) chain");
    }
    return block.baseFeePerGas;
  }

  /**
   * Sends the batch's root with a fresh nonce and EIP-1559 fees under the cap: "anchored" when
   * the contract refused it as AlreadyAnchored (this root, not another), "taken" when another
   * worker sent for the batch since this one leased it. Throws FeeCapError when the base fee is
   * above the cap and InsufficientFundsError when the signer cannot pay: nothing is sent, and the
   * batch keeps its milestones until a later attempt.
   */
  private async send(batch: BatchRow): Promise<"sent" | "anchored" | "taken"> {
    const { registry, provider } = this.chain;
    const from = await this.sender();
    if (!from) throw new Error("the AnchorRegistry has no signer: anchoring needs ANCHOR_SIGNER_KEY");
    const alreadyAnchored = (error: unknown) => {
      const refused = decodeAnchorError(error);
      // (Both are lower-case hex: ethers decodes bytes32 so, and roots are stored as hexlify writes them.)
      return refused?.name === "AlreadyAnchored" && refused.args[0] === batch.root;
    };
    // One sender at a time per database: the signer's nonces stay in order across workers.
    const sent = await db().$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEND_LOCK})`;
        // Our lease may have run out while we waited for the lock, and another worker sent for the
        // batch meanwhile: a node that estimates gas against the latest block would not refuse a
        // second transaction of the root, which would only revert once mined, gas paid.
        if (await this.sentSinceLeased(tx, batch)) return "taken";
        // Another process may have sent with the same key since our last send.
        this.chain.signer?.reset();
        const [baseFee, nonce] = await Promise.all([this.baseFee(), nextNonce(provider, from)]);
        const fees = initialFees(baseFee, this.policy());
        // What the transaction may cost at most, against what the signer holds: a clear refusal
        // naming the shortfall instead of the node's "insufficient funds".
        let gas: bigint;
        let balance: bigint;
        try {
          // (Together: one JSON-RPC batch.)
          [gas, balance] = await Promise.all([
            provider.estimateGas({ from, to: registry.address, data: anchorRegistryInterface.encodeFunctionData("anchor", [batch.root, batch.leaf_count, packHeads(batch.heads)]) }),
            provider.getBalance(from),
          ]);
        } catch (error) {
          if (alreadyAnchored(error)) return "anchored";
          throw error;
        }
        if (balance < gas * fees.maxFeePerGas) throw this.refusedForFunds(from, balance, gas * fees.maxFeePerGas);
        let response: TransactionResponse;
        try {
          response = await registry.anchor(batch.root, batch.leaf_count, batch.heads, { nonce, type: 2, ...fees });
        } catch (error) {
          if (alreadyAnchored(error)) return "anchored";
          if (isInsufficientFunds(error)) throw this.refusedForFunds(from, await provider.getBalance(from), gas * fees.maxFeePerGas);
          throw error;
        }
        await this.recordSent(tx, batch, response, nonce, fees);
        return "sent";
      },
      { timeout: 60_000, maxWait: 60_000 },
    );
    if (sent !== "sent") return sent;
    this.needed = null;
    this.log(`anchoring: sent root ${batch.root} (${batch.leaf_count} milestone${batch.leaf_count === 1 ? "" : "s"})`);
    return "sent";
  }

  /** Whether, under the send lock, the batch is no longer SENDING or has a transaction its lease did not show. */
  private async sentSinceLeased(tx: Prisma.TransactionClient, batch: BatchRow): Promise<boolean> {
    const now = await this.store.sendingState(tx, batch.id);
    return now?.status !== "SENDING" || now.sent !== batch.sent.length;
  }

  /**
   * Replaces a transaction of the batch still in the mempool: the same nonce (and gas limit: an
   * estimate against the node's pending block would meet the root anchored by the very
   * transaction being replaced), both fees at least 12.5% higher. At the cap it waits instead,
   * with the reason as the batch's last error.
   */
  private async replace(batch: BatchRow, stuck: TransactionResponse): Promise<"sent" | "parked"> {
    const outcome = await db().$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEND_LOCK})`;
        let fees: Fees;
        try {
          fees = replacementFees(feesOf(stuck), await this.baseFee(), this.policy());
        } catch (error) {
          if (!(error instanceof FeeCapError)) throw error;
          return { waitingAtCap: error.message };
        }
        let response: TransactionResponse;
        try {
          response = await this.chain.registry.anchor(batch.root, batch.leaf_count, batch.heads, { nonce: stuck.nonce, gasLimit: stuck.gasLimit, type: 2, ...fees });
        } catch (error) {
          // The nonce is spent: one of the batch's transactions was mined since the look above.
          if (isNonceSpent(error)) return { spent: true };
          if (isReplacementUnderpriced(error)) {
            throw new Error(`the node refused to replace ${stuck.hash} at a max fee of ${gwei(fees.maxFeePerGas)}, priority ${gwei(fees.maxPriorityFeePerGas)} as underpriced; tried again after the back-off`);
          }
          throw error;
        }
        await this.recordSent(tx, batch, response, stuck.nonce, fees);
        return { replacement: response.hash, fees };
      },
      { timeout: 60_000, maxWait: 60_000 },
    );
    if ("waitingAtCap" in outcome) {
      this.log(`anchoring: transaction ${stuck.hash} of root ${batch.root} is stuck and not replaced: ${outcome.waitingAtCap}`);
      await this.store.update(batch.id, { lastError: outcome.waitingAtCap, nextAttemptAt: new Date(Date.now() + this.settings.confirmationPollMs) });
      return "parked";
    }
    if ("spent" in outcome) {
      await this.lookAgainLater(batch.id);
      return "parked";
    }
    this.log(
      `anchoring: replaced transaction ${stuck.hash} of root ${batch.root} (nonce ${stuck.nonce}, waiting since ${batch.sent_at?.toISOString()}) with ${outcome.replacement} at a max fee of ${gwei(outcome.fees.maxFeePerGas)}, priority ${gwei(outcome.fees.maxPriorityFeePerGas)}`,
    );
    return "sent";
  }

  /** Records a transaction sent for the batch: one more of its hashes, its nonce, now as its send time. */
  private async recordSent(tx: Prisma.TransactionClient, batch: BatchRow, response: TransactionResponse, nonce: number, fees: Fees): Promise<void> {
    // The same bytes again (a send after a reorg dropped the first, at the same nonce and fees) are one transaction.
    await tx.anchorTransaction.createMany({
      data: [
        {
          txHash: response.hash.toLowerCase(),
          batchId: batch.batch_id,
          anchoringId: this.chain.network ? batch.id : null,
          nonce,
          maxFeePerGas: fees.maxFeePerGas,
          maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
          gasLimit: response.gasLimit,
        },
      ],
      skipDuplicates: true,
    });
    await this.store.update(batch.id, { txHash: response.hash, nonce, sentAt: new Date(), attempts: { increment: 1 }, lastError: null, nextAttemptAt: new Date() }, tx);
  }

  private refusedForFunds(address: string, balance: bigint, needed: bigint): InsufficientFundsError {
    const error = new InsufficientFundsError(address, balance, needed);
    this.needed = needed;
    this.balance = { ...(this.balance ?? { weiPerDay: 0n, daysLeft: null }), address, balanceWei: balance, low: true, shortfallWei: error.shortfallWei, checkedAt: new Date() };
    reportBalance(this.networkName, this.balance);
    return error;
  }

  private policy() {
    return { maxFeePerGas: this.settings.maxFeePerGas, priorityFeePerGas: this.settings.priorityFeePerGas };
  }

  /**
   * The one backward move the database allows (prisma/migrations/*_database_guards): the batch
   * goes back to SENDING with its transaction and block cleared and reorg_count + 1. Its
   * milestones keep their status, batch and proof (they only move forward); until the batch is
   * CONFIRMED again, its status is what says the root is not on the canonical chain.
   */
  private async backToSending(batchId: string, staleBlockHash: string | null): Promise<boolean> {
    // Only from SUBMITTED or CONFIRMED in the block found stale: a second worker that saw the
    // same reorg, after the first already anchored the batch again, moves nothing.
    const count = await this.store.backToSending(batchId, staleBlockHash);
    if (count === 0) return false;
    this.log(`anchoring: batch ${batchId}${this.chain.network ? ` (network ${this.chain.network})` : ""} left the canonical chain (reorg); anchoring it again`);
    return true;
  }

  /** Confirmed batches in the last `reorgDepth` blocks whose block is no longer canonical go back to SENDING. */
  private async recheckConfirmed(): Promise<number> {
    const { provider } = this.chain;
    const head = await provider.getBlockNumber();
    const recent = await this.store.recentConfirmed(BigInt(Math.max(0, head - this.settings.reorgDepth)));
    let reorged = 0;
    // A chain that shrank below a batch's block (a reset, evm_revert) is caught here too: the
    // range has no upper bound and getBlock() of a block beyond the head is null.
    // One request per distinct block, all at once (the provider sends them as one JSON-RPC batch).
    const numbers = [...new Set(recent.map((b) => Number(b.blockNumber)))];
    const blocks = await Promise.all(numbers.map((n) => provider.getBlock(n)));
    const hashOf = new Map(numbers.map((n, i) => [n, blocks[i]?.hash ?? null]));
    for (const batch of recent) {
      if (hashOf.get(Number(batch.blockNumber)) !== batch.blockHash) {
        if (await this.backToSending(batch.id, batch.blockHash)) reorged++;
      }
    }
    return reorged;
  }

  private async backOff(batch: BatchRow, error: unknown): Promise<void> {
    const delay = Math.min(this.settings.maxBackoffMs, 1_000 * 2 ** Math.min(batch.attempts, 10));
    await this.store.update(batch.id, { attempts: { increment: 1 }, lastError: describe(error).slice(0, 500), nextAttemptAt: new Date(Date.now() + delay) }).catch(() => {});
  }
}

interface Candidate {
  id: string;
  digest: string;
  credit_id: string;
  seq: number;
}

/** A pending milestone as a batch takes it. */
interface PendingRow extends Candidate {
  document_hashes: string[];
}

/**
 * The candidates that may enter a batch now: for each credit, the unbroken run of seqs that starts
 * at its first pending milestone. A later seq whose predecessor is pending but not a candidate
 * (past the batch size, or committed out of created_at order) waits for the next batch.
 */
export function inSeqOrder<T extends Candidate>(candidates: readonly T[], firstPending: ReadonlyMap<string, number>): T[] {
  const byCredit = new Map<string, T[]>();
  for (const c of candidates) byCredit.set(c.credit_id, [...(byCredit.get(c.credit_id) ?? []), c]);
  const admitted = new Set<string>();
  for (const [creditId, list] of byCredit) {
    let next = firstPending.get(creditId);
    for (const c of [...list].sort((a, b) => a.seq - b.seq)) {
      if (c.seq !== next) break;
      admitted.add(c.id);
      next++;
    }
  }
  return candidates.filter((c) => admitted.has(c.id));
}

/** One head per credit in the batch: its highest seq, whose digest commits to all before it. */
interface KeyEventRow {
  id: string;
  digest: string;
  organization_id: string;
  seq: number;
}

/** Key events per batch at most: an organisation's run cut here continues in the next batch. */
const MAX_KEY_EVENTS_PER_BATCH = 64;

/** One head per organisation whose key events the batch holds: its last one, under the organisation's key. */
export function organizationHeads(events: readonly KeyEventRow[]): CreditHeadInput[] {
  const heads = new Map<string, KeyEventRow>();
  for (const e of events) {
    const current = heads.get(e.organization_id);
    if (!current || e.seq > current.seq) heads.set(e.organization_id, e);
  }
  return [...heads.values()].map((e) => ({ creditKey: organizationKey(e.organization_id), digest: e.digest.toLowerCase(), seq: e.seq }));
}

export function creditHeads(milestones: readonly Candidate[]): CreditHeadInput[] {
  const heads = new Map<string, Candidate>();
  for (const m of milestones) {
    const current = heads.get(m.credit_id);
    // Stryker disable next-line EqualityOperator: equivalent (a credit's seqs are unique: no two are equal).
    if (!current || m.seq > current.seq) heads.set(m.credit_id, m);
  }
  return [...heads.values()]
    .map((m) => ({ creditKey: creditKey(m.credit_id), digest: m.digest.toLowerCase(), seq: m.seq }))
    // Stryker disable next-line EqualityOperator: equivalent (one head per credit: no two keys are equal).
    .sort((a, b) => (a.creditKey < b.creditKey ? -1 : 1));
}

/** The hashes of every transaction sent for the batch, oldest first (and its own, when sent before they were recorded). */
function sentTransactions(batch: BatchRow): string[] {
  const hashes = [...batch.sent];
  if (batch.tx_hash && !hashes.includes(batch.tx_hash)) hashes.push(batch.tx_hash);
  return hashes;
}

/** The fees a transaction was signed with (a legacy one's gas price stands for both). */
function feesOf(tx: TransactionResponse): Fees {
  return { maxFeePerGas: tx.maxFeePerGas ?? tx.gasPrice, maxPriorityFeePerGas: tx.maxPriorityFeePerGas ?? tx.gasPrice };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: string }).code;
    return code ? `${code}: ${error.message.split("\n")[0]}` : error.message.split("\n")[0]!;
  }
  return String(error);
}

/** The anchoring state a worker moves on (the columns anchor_batches and anchor_network_anchorings share). */
type StateUpdate = {
  status?: "SENDING" | "SUBMITTED" | "CONFIRMED";
  txHash?: string | null;
  blockNumber?: bigint | null;
  blockHash?: string | null;
  blockTime?: Date | null;
  confirmedAt?: Date | null;
  lastError?: string | null;
  nextAttemptAt?: Date;
  nonce?: number;
  sentAt?: Date;
  attempts?: { increment: number };
  gasUsed?: bigint;
  effectiveGasPrice?: bigint;
};

/** Where one worker keeps its anchoring state: the same questions, asked of the batch rows or of one network's anchorings. */
interface AnchoringStore {
  /** Creates the missing anchorings (additional networks only). */
  enqueue(): Promise<number>;
  lease(excluded: readonly string[], leaseMs: number): Promise<BatchRow | null>;
  update(id: string, data: StateUpdate, tx?: Prisma.TransactionClient): Promise<void>;
  /** Under the send lock: the row's status and how many transactions were sent for it. */
  sendingState(tx: Prisma.TransactionClient, id: string): Promise<{ status: string; sent: number } | undefined>;
  confirm(batch: BatchRow, data: StateUpdate): Promise<void>;
  backToSending(id: string, staleBlockHash: string | null): Promise<number>;
  recentConfirmed(fromBlock: bigint): Promise<{ id: string; blockNumber: bigint | null; blockHash: string | null }[]>;
}

const BACK_TO_SENDING = { status: "SENDING", reorgCount: { increment: 1 }, txHash: null, blockNumber: null, blockHash: null, blockTime: null, confirmedAt: null } as const;

/**
 * The batch's own network: state on the batch row. Only the worker's own chain and registry's
 * batches: one closed for another registry (before a switch to a new deployment) is never sent
 * to, or reorg-checked against, this one.
 */
function batchStore(chainId: bigint, contractAddress: string): AnchoringStore {
  return {
    enqueue: async () => 0,
    async lease(excluded, leaseMs) {
      const rows = await db().$queryRaw<BatchRow[]>`
        UPDATE anchor_batches SET next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000})
         WHERE id = (SELECT id FROM anchor_batches
                      WHERE status IN ('SENDING', 'SUBMITTED') AND next_attempt_at <= now()
                        AND chain_id = ${chainId} AND contract_address = ${contractAddress}
                        AND id <> ALL(${excluded}::uuid[])
                      ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING id, id AS batch_id, root, leaf_count, heads, status, tx_hash, block_number, block_hash, attempts, sent_at,
                  ARRAY(SELECT t.tx_hash FROM anchor_transactions t WHERE t.batch_id = anchor_batches.id AND t.anchoring_id IS NULL ORDER BY t.sent_at, t.tx_hash) AS sent`;
      return rows[0] ?? null;
    },
    async update(id, data, tx) {
      await (tx ?? db()).anchorBatch.update({ where: { id }, data });
    },
    async sendingState(tx, id) {
      const [now] = await tx.$queryRaw<{ status: string; sent: number }[]>`
        SELECT status, (SELECT count(*)::int FROM anchor_transactions t WHERE t.batch_id = b.id AND t.anchoring_id IS NULL) AS sent FROM anchor_batches b WHERE b.id = ${id}::uuid`;
      return now;
    },
    async confirm(batch, data) {
      await db().$transaction([
        db().anchorBatch.update({ where: { id: batch.id }, data }),
        db().milestone.updateMany({ where: { batchId: batch.id }, data: { status: "ANCHORED" } }),
      ]);
    },
    async backToSending(id, staleBlockHash) {
      const { count } = await db().anchorBatch.updateMany({
        where: { id, status: { in: ["SUBMITTED", "CONFIRMED"] }, blockHash: staleBlockHash },
        data: { ...BACK_TO_SENDING, nextAttemptAt: new Date() },
      });
      return count;
    },
    recentConfirmed: (fromBlock) =>
      db().anchorBatch.findMany({ where: { chainId, contractAddress, status: "CONFIRMED", blockNumber: { gte: fromBlock } }, select: { id: true, blockNumber: true, blockHash: true } }),
  };
}

/**
 * An additional network: state in anchor_network_anchorings, one row per batch and registry.
 * Every batch gets one, oldest first (adding a network copies the history to it, as
 * `npm run reanchor` does); its milestones' status stays the batch's own network's.
 */
function networkStore(network: string, chainId: bigint, contractAddress: string): AnchoringStore {
  return {
    async enqueue() {
      return db().$executeRaw`
        INSERT INTO anchor_network_anchorings (id, batch_id, network, chain_id, contract_address)
        SELECT gen_random_uuid(), b.id, ${network}, ${chainId}, ${contractAddress} FROM anchor_batches b
         WHERE NOT EXISTS (SELECT 1 FROM anchor_network_anchorings a WHERE a.batch_id = b.id AND a.chain_id = ${chainId} AND a.contract_address = ${contractAddress})
        ON CONFLICT (batch_id, chain_id, contract_address) DO NOTHING`;
    },
    async lease(excluded, leaseMs) {
      const rows = await db().$queryRaw<BatchRow[]>`
        UPDATE anchor_network_anchorings a SET next_attempt_at = now() + make_interval(secs => ${leaseMs / 1000})
          FROM anchor_batches b
         WHERE b.id = a.batch_id
           AND a.id = (SELECT n.id FROM anchor_network_anchorings n
                        WHERE n.status IN ('SENDING', 'SUBMITTED') AND n.next_attempt_at <= now()
                          AND n.chain_id = ${chainId} AND n.contract_address = ${contractAddress}
                          AND n.id <> ALL(${excluded}::uuid[])
                        ORDER BY n.created_at, n.batch_id FOR UPDATE OF n SKIP LOCKED LIMIT 1)
        RETURNING a.id, a.batch_id, b.root, b.leaf_count, b.heads, a.status, a.tx_hash, a.block_number, a.block_hash, a.attempts, a.sent_at,
                  ARRAY(SELECT t.tx_hash FROM anchor_transactions t WHERE t.anchoring_id = a.id ORDER BY t.sent_at, t.tx_hash) AS sent`;
      return rows[0] ?? null;
    },
    async update(id, data, tx) {
      await (tx ?? db()).anchorNetworkAnchoring.update({ where: { id }, data });
    },
    async sendingState(tx, id) {
      const [now] = await tx.$queryRaw<{ status: string; sent: number }[]>`
        SELECT status, (SELECT count(*)::int FROM anchor_transactions t WHERE t.anchoring_id = a.id) AS sent FROM anchor_network_anchorings a WHERE a.id = ${id}::uuid`;
      return now;
    },
    async confirm(batch, data) {
      await db().anchorNetworkAnchoring.update({ where: { id: batch.id }, data });
    },
    async backToSending(id, staleBlockHash) {
      const { count } = await db().anchorNetworkAnchoring.updateMany({
        where: { id, status: { in: ["SUBMITTED", "CONFIRMED"] }, blockHash: staleBlockHash },
        data: { ...BACK_TO_SENDING, nextAttemptAt: new Date() },
      });
      return count;
    },
    recentConfirmed: (fromBlock) =>
      db().anchorNetworkAnchoring.findMany({
        where: { network, chainId, contractAddress, status: "CONFIRMED", blockNumber: { gte: fromBlock } },
        select: { id: true, blockNumber: true, blockHash: true },
      }),
  };
}
