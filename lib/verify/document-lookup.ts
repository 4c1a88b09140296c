import { db } from "@/lib/db/client";
import { documentCommitment, normaliseSha256 } from "@/lib/anchoring/document-commitment";
import { invalid } from "@/lib/errors";

// The public answer to "was this document anchored?", for anyone holding a file: where its
// commitment sits in a confirmed batch tree, and nothing else. No milestone kind or outcome, no
// credit, no times from our database: the time is the chain's (anchorOf(root)), read by the
// verifier itself. The answer is a claim to check, not a verdict: lib/verify/document-proof.ts
// recomputes the commitment, follows the proof to the root and asks the registry about the root.

export interface DocumentLookup {
  sha256: string;
  commitment: string;
  anchors: { chainId: string; contractAddress: string; root: string; proof: string[] }[];
}

export async function lookupDocumentHash(sha256: string): Promise<DocumentLookup> {
  const hash = normaliseSha256(sha256);
  if (hash === null) throw invalid("A document hash is 64 hexadecimal digits (its SHA-256).");
  const rows = await db().documentAnchor.findMany({
    where: { sha256: hash, batch: { status: "CONFIRMED" } },
    orderBy: { createdAt: "asc" },
    // Stryker disable next-line ObjectLiteral: the select only narrows what is read; the whole batch holds the same root, chain and address
    select: { proof: true, batch: { select: { root: true, chainId: true, contractAddress: true } } },
  });
  return {
    sha256: hash,
    commitment: documentCommitment(hash),
    anchors: rows.map((r) => ({ chainId: r.batch.chainId.toString(), contractAddress: r.batch.contractAddress, root: r.batch.root, proof: r.proof })),
  };
}
