import { creditKey, organizationKey } from "@/lib/anchoring/credit-key";
import { rootsOf } from "./check";
import type { AnchorReader } from "./reader";
import type { KeyTrailEvidence } from "./signatures";
import type { ChainEvidence, ChainHead, KeyTrail, MilestoneRecord, TrustPolicy } from "./types";

// Reads everything the chain says about one credit's trail, at one block a confirmation depth
// below the head: the roots' anchors, the credit's published heads, the transactions that hold
// each root's log, and who held the anchorer role. Browser-safe.

export interface EvidenceOptions {
  creditId: string;
  /** Blocks a root must be deep to count (1: the latest block counts). */
  confirmations: number;
  /** First block searched for logs: the registry's deployment block when known (never trust a bundle for it). */
  fromBlock?: number;
}

export async function readChainEvidence(
  reader: AnchorReader,
  records: readonly MilestoneRecord[],
  options: EvidenceOptions,
): Promise<ChainEvidence> {
  if (!reader.chainId || !reader.blockNumber || !reader.registryVersion) throw new Error("This reader cannot read chain evidence (no chain id, block number or version).");
  const [chainId, head, registryVersion] = await Promise.all([reader.chainId(), reader.blockNumber(), reader.registryVersion()]);
  const confirmations = Math.max(1, Math.floor(options.confirmations));
  const atBlock = Math.max(0, head - confirmations + 1);
  const fromBlock = Math.max(0, options.fromBlock ?? 0);
  const roots = rootsOf(records);
  const anchors = await reader.anchorsOf(roots, atBlock);

  // Roots not known at the confirmation depth may be in the blocks above it: pending, not absent.
  const absent = roots.filter((r) => anchors.get(r) === null);
  const recentRoots = new Map<string, number>();
  if (absent.length > 0 && atBlock < head) {
    const latest = await reader.anchorsOf(absent, head);
    for (const [root, anchor] of latest) if (anchor) recentRoots.set(root, anchor.blockNumber);
  }

  let heads: ChainEvidence["heads"] = null;
  let rootTransactions: ChainEvidence["rootTransactions"] = null;
  if (registryVersion >= 2) {
    if (!reader.creditHeads || !reader.rootTransactions) throw new Error("This reader cannot read credit heads.");
    const anchored = [...anchors.entries()].filter((entry): entry is [string, NonNullable<(typeof entry)[1]>] => entry[1] !== null);
    const blocks = anchored.map(([, a]) => a.blockNumber);
    [heads, rootTransactions] = await Promise.all([
      reader.creditHeads(creditKey(records[0]?.creditId ?? options.creditId), fromBlock, atBlock),
      anchored.length === 0
        ? Promise.resolve(new Map<string, string[]>())
        : reader.rootTransactions(
            anchored.map(([root]) => root),
            Math.min(...blocks),
            Math.max(...blocks),
          ),
    ]);
  }
  return {
    chainId: chainId.toString(),
    contractAddress: reader.contractAddress,
    registryVersion,
    atBlock,
    anchors,
    heads,
    rootTransactions,
    recentRoots,
    confirmations,
  };
}

/**
 * The policy's anchorers, completed from the chain when none were pinned: the accounts among the
 * trail's anchorers that hold the anchorer role at the evidence's block.
 */
export async function completePolicy(reader: AnchorReader, evidence: ChainEvidence, policy: TrustPolicy): Promise<TrustPolicy> {
  if (policy.allowedAnchorers !== null || !reader.anchorerRoles) return policy;
  const anchorers = [...new Set([...evidence.anchors.values()].flatMap((a) => (a ? [a.anchorer] : [])))];
  if (anchorers.length === 0) return { ...policy, currentAnchorers: [] };
  const roles = await reader.anchorerRoles(anchorers, evidence.atBlock);
  return { ...policy, currentAnchorers: [...roles.entries()].filter(([, has]) => has).map(([a]) => a) };
}

/**
 * What the chain says about the key trails of the organisations a trail's signatures need (issue
 * 14): the anchor of each key event's root, and every head published under each organisation's
 * key, both at the trail's evidence block. Organisations whose trails were not given are asked
 * too: heads under their key mean a trail was withheld.
 */
export async function readKeyTrailEvidence(
  reader: AnchorReader,
  trails: readonly KeyTrail[],
  organizationIds: readonly string[],
  evidence: ChainEvidence,
  fromBlock = 0,
): Promise<KeyTrailEvidence> {
  const roots = [...new Set(trails.flatMap((t) => t.events.flatMap((e) => (e.root ? [e.root.toLowerCase()] : []))))];
  const anchors = roots.length > 0 ? await reader.anchorsOf(roots, evidence.atBlock) : new Map();
  if (evidence.registryVersion < 2 || !reader.creditHeads) return { anchors, heads: null };
  const ids = [...new Set([...organizationIds, ...trails.map((t) => t.organizationId)])];
  const heads = new Map<string, ChainHead[]>();
  await Promise.all(ids.map(async (id) => heads.set(id, await reader.creditHeads!(organizationKey(id), Math.max(0, fromBlock), evidence.atBlock))));
  return { anchors, heads };
}
