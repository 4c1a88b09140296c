import { db } from "@/lib/db/client";
import { countVerificationFailures } from "@/lib/observability/metrics";
import { verifyTrail } from "./check";
import { completePolicy, readChainEvidence, readKeyTrailEvidence } from "./evidence";
import { signingOrganizations, withSignatureChecks } from "./signatures";
import type { AnchorReader } from "./reader";
import type { ServerTrust } from "./trust";
import type { KeyEventRecord, KeyTrail, MilestoneRecord, SignatureRecord, TrailResult } from "./types";
import { type NetworkCheck, type NetworksVerdict, type RootAnchoring, claimedRootCount, combineNetworks, keyTrailsOnNetwork, networkOutcome, recordsOnNetwork } from "./networks";

// Verification of a credit's trail from our database against the chain: the stored milestones
// are recomputed, each batch root read from the contract (one batched eth_call for all), and the
// credit's heads on chain compared with the stored trail (one eth_getLogs).

/** The stored milestones of a credit in the shape the verifier reads (also the bundle's). */
export async function loadMilestoneRecords(creditId: string): Promise<MilestoneRecord[]> {
  // Stryker disable next-line ObjectLiteral: PostgreSQL answers through the (credit_id, seq) unique index, in seq order, even unasked; the order is stated, not relied on by luck
  const milestones = await db().milestone.findMany({ where: { creditId }, orderBy: { seq: "asc" }, include: { batch: true } });
  return milestones.map((m) => ({
    seq: m.seq,
    kind: m.kind,
    creditId: m.creditId,
    content: m.content as MilestoneRecord["content"],
    documentHashes: m.documentHashes,
    prevDigest: m.prevDigest,
    salt: m.salt,
    digest: m.digest,
    proof: m.proof,
    root: m.batch?.root ?? null,
    txHash: m.batch?.txHash ?? null,
    blockNumber: m.batch?.blockNumber != null ? Number(m.batch.blockNumber) : null,
    recordedAt: m.createdAt.toISOString(),
    // Only signed milestones carry the field (an unsigned one's digest is version 1).
    ...(m.signatures ? { signatures: m.signatures as unknown as SignatureRecord[] } : {}),
    // A milestone stays ANCHORED through a reorg (it only moves forward); its batch, back to
    // SENDING until the root is confirmed again, says whether it is on chain.
    dbStatus: m.batch?.status === "CONFIRMED" ? "confirmed" : "unconfirmed",
  }));
}

/** The key trails of these organisations as stored (issue 14), each event with its batch's root. */
export async function loadKeyTrails(organizationIds: readonly string[], anchoredElsewhere: ReadonlySet<string> = new Set()): Promise<KeyTrail[]> {
  if (organizationIds.length === 0) return [];
  const events = await db().keyEvent.findMany({ where: { organizationId: { in: [...organizationIds] } }, orderBy: [{ organizationId: "asc" }, { seq: "asc" }], include: { batch: { select: { root: true, status: true } } } });
  return organizationIds.map((organizationId) => ({
    organizationId,
    events: events
      .filter((e) => e.organizationId === organizationId)
      .map((e) => ({
        seq: e.seq,
        kind: e.kind,
        content: e.content as KeyEventRecord["content"],
        prevDigest: e.prevDigest,
        salt: e.salt,
        digest: e.digest,
        // Anchored: confirmed on the batch's own network, or (issue 16) on another one.
        proof: e.batch && (e.batch.status === "CONFIRMED" || anchoredElsewhere.has(e.batch.root.toLowerCase())) ? e.proof : [],
        root: e.batch && (e.batch.status === "CONFIRMED" || anchoredElsewhere.has(e.batch.root.toLowerCase())) ? e.batch.root : null,
      })),
  }));
}

export async function verifyCredit(creditId: string, reader: AnchorReader, trust: ServerTrust): Promise<TrailResult> {
  const records = await loadMilestoneRecords(creditId);
  const evidence = await readChainEvidence(reader, records, { creditId, confirmations: trust.confirmations, fromBlock: trust.fromBlock });
  const policy = await completePolicy(reader, evidence, { allowedAnchorers: trust.allowedAnchorers, lateAnchorSeconds: trust.lateAnchorSeconds });
  const result = verifyTrail(records, evidence, policy);
  const organizations = signingOrganizations(records);
  const trails = await loadKeyTrails(organizations);
  const checked = await withSignatureChecks(result, records, trails, await readKeyTrailEvidence(reader, trails, organizations, evidence, trust.fromBlock));
  // "Verify now", the API's verify and the auditors' portfolio checks all pass here: an operator
  // is alerted to a forked or truncated trail whoever found it (docs/OPERATIONS.md).
  countVerificationFailures(checked);
  return checked;
}

/** A network an anchoring was recorded on: its name, chain and registry. */
export interface AnchoringNetwork {
  name: string;
  chainId: string;
  contractAddress: string;
}

/**
 * Every recorded anchoring of `roots` (issue 16): on the batch's own network (anchor_batches,
 * named `primaryName` when it is `primary`'s chain and registry, else "chain-<id>") and on each
 * additional network (anchor_network_anchorings). `confirmedOnly`: only anchorings confirmed there.
 */
export async function loadRootAnchorings(
  roots: readonly string[],
  primary: { name: string; chainId: bigint; contractAddress: string },
  options: { confirmedOnly: boolean },
): Promise<{ anchorings: RootAnchoring[]; networks: AnchoringNetwork[] }> {
  const unique = [...new Set(roots.map((r) => r.toLowerCase()))];
  if (unique.length === 0) return { anchorings: [], networks: [] };
  const confirmed = options.confirmedOnly ? { status: "CONFIRMED" as const } : {};
  const [batches, others] = await Promise.all([
    db().anchorBatch.findMany({ where: { root: { in: unique }, ...confirmed }, select: { root: true, chainId: true, contractAddress: true, status: true, txHash: true, blockNumber: true } }),
    db().anchorNetworkAnchoring.findMany({
      where: { batch: { root: { in: unique } }, ...confirmed },
      select: { network: true, chainId: true, contractAddress: true, status: true, txHash: true, blockNumber: true, batch: { select: { root: true } } },
      orderBy: [{ network: "asc" }],
    }),
  ]);
  const networks = new Map<string, AnchoringNetwork>();
  const anchorings: RootAnchoring[] = [];
  const add = (name: string, row: { chainId: bigint; contractAddress: string; status: string; txHash: string | null; blockNumber: bigint | null }, root: string) => {
    if (!networks.has(name)) networks.set(name, { name, chainId: row.chainId.toString(), contractAddress: row.contractAddress });
    anchorings.push({
      root: root.toLowerCase(),
      network: name,
      txHash: row.txHash?.toLowerCase() ?? null,
      blockNumber: row.blockNumber === null ? null : Number(row.blockNumber),
      dbStatus: row.status === "CONFIRMED" ? "confirmed" : "unconfirmed",
    });
  };
  const isPrimary = (row: { chainId: bigint; contractAddress: string }) => row.chainId === primary.chainId && row.contractAddress.toLowerCase() === primary.contractAddress.toLowerCase();
  networks.set(primary.name, { name: primary.name, chainId: primary.chainId.toString(), contractAddress: primary.contractAddress });
  for (const b of batches) add(isPrimary(b) ? primary.name : `chain-${b.chainId}`, b, b.root);
  for (const a of others) add(a.network, a, a.batch.root);
  return { anchorings, networks: [...networks.values()] };
}

/** One network a server verifier reads: its reader and what it trusts there. */
export interface CreditNetwork {
  name: string;
  reader: AnchorReader;
  trust: ServerTrust;
}

/**
 * Verification of a credit's stored trail on every network (issue 16): the database claims where
 * each root is anchored (anchor_batches, anchor_network_anchorings); each network is read and
 * judged on its own (lib/verify/networks.ts), a network that does not answer is "unreachable".
 * `networks[0]` is the batch's own network.
 */
export async function verifyCreditOnNetworks(creditId: string, networks: readonly CreditNetwork[], primary: { chainId: bigint; contractAddress: string }): Promise<NetworksVerdict> {
  const records = await loadMilestoneRecords(creditId);
  const organizations = signingOrganizations(records);
  const trails = await loadKeyTrails(organizations);
  const roots = [...new Set([...records.flatMap((r) => (r.root ? [r.root] : [])), ...trails.flatMap((t) => t.events.flatMap((e) => (e.root ? [e.root] : [])))])];
  const { anchorings } = await loadRootAnchorings(roots, { name: networks[0]!.name, ...primary }, { confirmedOnly: false });
  // Key events whose batch is confirmed on another network only: their roots are claims there too.
  const keyTrails = await loadKeyTrails(organizations, new Set(anchorings.filter((a) => a.dbStatus === "confirmed").map((a) => a.root)));
  const checks = await Promise.all(
    networks.map(async ({ name, reader, trust }): Promise<NetworkCheck> => {
      const base = { network: name, chainId: null, contractAddress: reader.contractAddress, claimedRoots: claimedRootCount(anchorings, name) };
      try {
        const here = recordsOnNetwork(records, anchorings, name);
        const evidence = await readChainEvidence(reader, here, { creditId, confirmations: trust.confirmations, fromBlock: trust.fromBlock });
        const policy = await completePolicy(reader, evidence, { allowedAnchorers: trust.allowedAnchorers, lateAnchorSeconds: trust.lateAnchorSeconds });
        const trailsHere = keyTrailsOnNetwork(keyTrails, anchorings, name);
        const result = await withSignatureChecks(verifyTrail(here, evidence, policy), here, trailsHere, await readKeyTrailEvidence(reader, trailsHere, organizations, evidence, trust.fromBlock));
        countVerificationFailures(result);
        return { ...base, chainId: evidence.chainId, ...networkOutcome(result), result };
      } catch (error) {
        return { ...base, outcome: "unreachable", reason: `Not read: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}` };
      }
    }),
  );
  return combineNetworks(checks);
}
