import type { Actor } from "@/lib/auth/actor";
import { appChain } from "@/lib/chain/app-chain";
import { getCredit } from "@/lib/credits/get-credit";
import { recordAuditUse } from "@/lib/audit/log";
import { AppError } from "@/lib/errors";
import { verifyCredit } from "./credit";
import { checkCreditDocuments } from "./documents";
import { rpcAnchorReader } from "./reader";
import { serverTrust } from "./trust";

/** "Verify now": every milestone of a credit the actor may see, checked against the chain live. */
export async function verifyCreditNow(actor: Actor, creditId: string) {
  const credit = await getCredit(actor, creditId);
  const { provider, contractAddress } = appChain();
  let head: number;
  let chainId: bigint;
  try {
    [head, chainId] = await Promise.all([provider.getBlockNumber(), provider.getNetwork().then((n) => n.chainId)]);
  } catch {
    throw new AppError("UNAVAILABLE", "The chain's RPC endpoint does not answer. Nothing was checked; try again later.");
  }
  const started = Date.now();
  const result = await verifyCredit(credit.id, rpcAnchorReader(provider, contractAddress), serverTrust(chainId, contractAddress));
  // Every presented file re-hashed; only milestones that verified on chain vouch for a hash.
  const documents = await checkCreditDocuments(credit.id, { anchoredSeqs: new Set(result.results.filter((r) => r.status === "verified").map((r) => r.seq)) });
  if (credit.auditing) await recordAuditUse(actor, { action: "verify", creditId: credit.id, data: { milestones: result.results.length } });
  return {
    creditId: credit.id,
    checkedAt: new Date().toISOString(),
    elapsedMs: Date.now() - started,
    chainId: chainId.toString(),
    contractAddress,
    head,
    ...result,
    documents,
  };
}
