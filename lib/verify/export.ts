import type { Actor } from "@/lib/auth/actor";
import { appChain } from "@/lib/chain/app-chain";
import { getCredit } from "@/lib/credits/get-credit";
import { recordAuditUse } from "@/lib/audit/log";
import type { ProofBundle } from "./bundle";
import { loadMilestoneRecords } from "./credit";

/**
 * The credit's self-contained proof bundle (docs/PROOF-FORMAT.md): every milestone's inputs,
 * salt, proof, root and transaction, with the chain and contract to check them against.
 */
export async function exportProofBundle(actor: Actor, creditId: string): Promise<ProofBundle> {
  const credit = await getCredit(actor, creditId);
  const { provider, contractAddress } = appChain();
  const chainId = (await provider.getNetwork()).chainId;
  const records = await loadMilestoneRecords(credit.id);
  if (credit.auditing) await recordAuditUse(actor, { action: "export-bundle", creditId: credit.id, data: { milestones: records.length } });
  return {
    format: "tradetrail.proof-bundle",
    version: 1,
    exportedAt: new Date().toISOString(),
    chain: { chainId: chainId.toString(), contractAddress },
    credit: { id: credit.id, reference: credit.reference },
    milestones: records.map((r) => ({
      seq: r.seq,
      kind: r.kind,
      content: r.content,
      documentHashes: r.documentHashes,
      prevDigest: r.prevDigest,
      salt: r.salt,
      digest: r.digest,
      proof: r.proof,
      root: r.root,
      txHash: r.txHash,
      blockNumber: r.blockNumber,
    })),
  } as ProofBundle;
}
