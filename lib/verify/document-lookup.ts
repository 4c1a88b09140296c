import { db } from "@/lib/db/client";

/**
 * Public answer to "is this document hash anchored?": for each confirmed milestone that committed
 * to it, the milestone kind and where on chain. Nothing about the credit, its parties or terms.
 */
export async function lookupDocumentHash(sha256: string) {
  const hash = sha256.toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hash)) return { sha256: hash, anchored: false, anchors: [] };
  const rows = await db().milestone.findMany({
    where: { documentHashes: { has: hash }, status: "ANCHORED", batch: { status: "CONFIRMED" } },
    orderBy: { createdAt: "asc" },
    select: { kind: true, batch: { select: { root: true, txHash: true, blockNumber: true, blockTime: true, chainId: true, contractAddress: true } } },
  });
  return {
    sha256: hash,
    anchored: rows.length > 0,
    anchors: rows.map((r) => ({
      milestoneKind: r.kind,
      chainId: r.batch!.chainId.toString(),
      contractAddress: r.batch!.contractAddress,
      root: r.batch!.root,
      txHash: r.batch!.txHash,
      blockNumber: r.batch!.blockNumber?.toString() ?? null,
      anchoredAt: r.batch!.blockTime?.toISOString() ?? null,
    })),
  };
}
