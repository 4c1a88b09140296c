import type { JsonRpcProvider } from "ethers";
import type { Actor } from "@/lib/auth/actor";
import { appChain } from "@/lib/chain/app-chain";
import { type NetworkSettings, additionalNetworks, primaryNetworkName } from "@/lib/chain/networks";
import { makeProvider } from "@/lib/chain/provider";
import { chainRpcOptions, config } from "@/lib/config";
import { getCredit } from "@/lib/credits/get-credit";
import { recordAuditUse } from "@/lib/audit/log";
import { AppError } from "@/lib/errors";
import { type CreditNetwork, verifyCredit, verifyCreditOnNetworks } from "./credit";
import { checkCreditDocuments } from "./documents";
import { rpcAnchorReader } from "./reader";
import { type ServerTrust, serverTrust } from "./trust";
import type { TrailResult } from "./types";

/** "Verify now": every milestone of a credit the actor may see, checked against the chain live. */
export async function verifyCreditNow(actor: Actor, creditId: string) {
  const credit = await getCredit(actor, creditId);
  const { provider, contractAddress } = appChain();
  const extra = additionalNetworks();
  let head: number;
  let chainId: bigint;
  try {
    [head, chainId] = await Promise.all([provider.getBlockNumber(), provider.getNetwork().then((n) => n.chainId)]);
  } catch {
    if (extra.length === 0) throw new AppError("UNAVAILABLE", "The chain's RPC endpoint does not answer. Nothing was checked; try again later.");
    // Another network may prove the trail: the batch's own one is reported unreachable.
    head = -1;
    chainId = 0n;
  }
  const started = Date.now();
  let result: TrailResult;
  let networks: { network: string; outcome: string; reason: string; chainId: string | null; contractAddress: string | null; claimedRoots: number }[] | undefined;
  if (extra.length === 0) {
    result = await verifyCredit(credit.id, rpcAnchorReader(provider, contractAddress), serverTrust(chainId, contractAddress));
  } else {
    // Issue 16: every configured network read and reported; the verdict needs one that proves the trail and none that contradicts it.
    const all: CreditNetwork[] = [
      { name: primaryNetworkName(chainId), reader: rpcAnchorReader(provider, contractAddress), trust: serverTrust(chainId, contractAddress) },
      ...extra.map((n) => ({ name: n.name, reader: rpcAnchorReader(networkProvider(n), n.contractAddress), trust: networkTrust(n) })),
    ];
    const verdict = await verifyCreditOnNetworks(credit.id, all, { chainId, contractAddress });
    const checked = verdict.networks.filter((n) => n.result);
    const shown = checked.find((n) => n.network === verdict.proving) ?? checked.find((n) => n.outcome === "root-missing" || n.outcome === "mismatched") ?? checked[0];
    if (!shown) throw new AppError("UNAVAILABLE", `No network's RPC endpoint answers (${verdict.networks.map((n) => n.network).join(", ")}). Nothing was checked; try again later.`);
    result = { ...shown.result!, ok: verdict.ok };
    networks = verdict.networks.map(({ result: _result, ...n }) => n);
  }
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
    ...(networks ? { networks } : {}),
    documents,
  };
}

const globalForNetworks = globalThis as unknown as { __tradetrailNetworks?: Map<string, JsonRpcProvider> };

/** One provider per additional network and process. */
function networkProvider(network: NetworkSettings): JsonRpcProvider {
  const cache = (globalForNetworks.__tradetrailNetworks ??= new Map());
  const key = `${network.name} ${network.rpcUrls.join(",")}`;
  let provider = cache.get(key);
  if (!provider) {
    provider = makeProvider(network.rpcUrls, { ...chainRpcOptions(), chainId: network.chainId });
    cache.set(key, provider);
  }
  return provider;
}

/** What the server trusts on an additional network: its configured registry, deployment block and anchorers. */
export function networkTrust(network: NetworkSettings): ServerTrust {
  const settings = config();
  return {
    allowedAnchorers: network.allowedAnchorers,
    confirmations: settings.VERIFY_CONFIRMATIONS ?? Math.max(1, network.confirmations),
    fromBlock: network.fromBlock,
    lateAnchorSeconds: settings.VERIFY_LATE_ANCHOR_HOURS * 3600,
  };
}
