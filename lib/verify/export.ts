import type { Actor } from "@/lib/auth/actor";
import { appChain } from "@/lib/chain/app-chain";
import { getCredit } from "@/lib/credits/get-credit";
import { recordAuditUse } from "@/lib/audit/log";
import { BUNDLE_FORMAT, BUNDLE_VERSION, type ProofBundle } from "./bundle";
import { loadKeyTrails, loadMilestoneRecords } from "./credit";
import { signingOrganizations } from "./signatures";

/**
 * The credit's self-contained proof bundle (docs/PROOF-FORMAT.md, version 3): every milestone's
 * inputs, salt and recording time, and for milestones whose batch is confirmed its proof, root and
 * transaction. A milestone whose batch is not confirmed yet is exported as pending (no root), so a
 * verifier reads "pending", not a root that is "not on chain".
 */
export async function exportProofBundle(actor: Actor, creditId: string): Promise<ProofBundle> {
  const credit = await getCredit(actor, creditId);
  const { provider, contractAddress } = appChain();
  const chainId = (await provider.getNetwork()).chainId;
  const records = await loadMilestoneRecords(credit.id);
  if (credit.auditing) await recordAuditUse(actor, { action: "export-bundle", creditId: credit.id, data: { milestones: records.length } });
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: new Date().toISOString(),
    chain: { chainId: chainId.toString(), contractAddress },
    credit: { id: credit.id, reference: credit.reference },
    milestones: records.map((r) => {
      const confirmed = r.dbStatus === "confirmed";
      return {
        seq: r.seq,
        kind: r.kind,
        content: r.content,
        documentHashes: r.documentHashes,
        prevDigest: r.prevDigest,
        salt: r.salt,
        digest: r.digest,
        proof: confirmed ? r.proof : [],
        root: confirmed ? r.root : null,
        txHash: confirmed ? r.txHash : null,
        blockNumber: confirmed ? r.blockNumber : null,
        recordedAt: r.recordedAt ?? null,
        ...(r.signatures ? { signatures: r.signatures } : {}),
      };
    }),
    organizations: await loadKeyTrails(signingOrganizations(records)),
  };
}
