import type { Actor } from "@/lib/auth/actor";
import { appChain } from "@/lib/chain/app-chain";
import { getCredit } from "@/lib/credits/get-credit";
import { recordAuditUse } from "@/lib/audit/log";
import { BUNDLE_FORMAT, BUNDLE_VERSION, type ProofBundle } from "./bundle";
import { loadKeyTrails, loadMilestoneRecords, loadRootAnchorings } from "./credit";
import { primaryNetworkName } from "@/lib/chain/networks";
import { db } from "@/lib/db/client";
import { signingOrganizations } from "./signatures";

/**
 * The credit's self-contained proof bundle (docs/PROOF-FORMAT.md, version 4): every milestone's
 * inputs, salt and recording time, and for milestones whose batch is confirmed on some network
 * its proof and root, with every network the root is confirmed on (`anchorings`). `chain` and the
 * milestones' txHash and blockNumber are the batch's own network's. A milestone whose batch is
 * confirmed nowhere yet is exported as pending (no root), so a verifier reads "pending", not a
 * root that is "not on chain".
 */
export async function exportProofBundle(actor: Actor, creditId: string): Promise<ProofBundle> {
  const credit = await getCredit(actor, creditId);
  const { provider, contractAddress } = appChain();
  // The batch's own network may be down (or retired): its chain id is then the one its batches name.
  const chainId = await provider
    .getNetwork()
    .then((n) => n.chainId)
    .catch(async (error: unknown) => {
      const batch = await db().anchorBatch.findFirst({ where: { contractAddress }, orderBy: { createdAt: "desc" }, select: { chainId: true } });
      if (!batch) throw error;
      return batch.chainId;
    });
  const records = await loadMilestoneRecords(credit.id);
  if (credit.auditing) await recordAuditUse(actor, { action: "export-bundle", creditId: credit.id, data: { milestones: records.length } });
  const primary = { name: primaryNetworkName(chainId), chainId, contractAddress };
  const organizations = signingOrganizations(records);
  const keyRoots = await db().keyEvent.findMany({ where: { organizationId: { in: organizations }, batchId: { not: null } }, select: { batch: { select: { root: true } } } });
  const roots = [...records.flatMap((r) => (r.root ? [r.root] : [])), ...keyRoots.flatMap((k) => (k.batch ? [k.batch.root] : []))];
  const { anchorings, networks } = await loadRootAnchorings(roots, primary, { confirmedOnly: true });
  const anchored = new Set(anchorings.map((a) => a.root));
  const onPrimary = new Map(anchorings.filter((a) => a.network === primary.name).map((a) => [a.root, a]));
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: new Date().toISOString(),
    chain: { chainId: chainId.toString(), contractAddress },
    credit: { id: credit.id, reference: credit.reference },
    milestones: records.map((r) => {
      const root = r.root && anchored.has(r.root.toLowerCase()) ? r.root : null;
      const here = root ? onPrimary.get(root.toLowerCase()) : undefined;
      return {
        seq: r.seq,
        kind: r.kind,
        content: r.content,
        documentHashes: r.documentHashes,
        prevDigest: r.prevDigest,
        salt: r.salt,
        digest: r.digest,
        proof: root ? r.proof : [],
        root,
        txHash: here?.txHash ?? null,
        blockNumber: here?.blockNumber ?? null,
        recordedAt: r.recordedAt ?? null,
        ...(r.signatures ? { signatures: r.signatures } : {}),
      };
    }),
    organizations: await loadKeyTrails(organizations, anchored),
    networks,
    anchorings: anchorings.map(({ dbStatus: _dbStatus, ...a }) => a),
  };
}
