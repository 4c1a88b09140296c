import { createHash } from "node:crypto";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { normaliseSha256 } from "@/lib/anchoring/document-commitment";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { type DocumentStorage, documentStorage } from "@/lib/storage";

// Re-hashing a credit's stored documents: every presented document's bytes are streamed from
// storage through SHA-256 (constant memory) and compared with the hash we recorded at upload and
// with the hashes the presentation's anchored milestones commit to. A file swapped on disk, a
// storage key pointed at another file, or a recorded hash rewritten to match a new file each
// shows up here, by file name. Documents of presentations still in draft are not evidence yet.

export type DocumentCheckStatus = "verified" | "altered" | "missing" | "not-anchored";

export interface DocumentCheckResult {
  documentId: string;
  fileName: string;
  kind: DocumentKind;
  status: DocumentCheckStatus;
  /** Why, in words an auditor can act on; names the file. */
  reason: string;
  /** SHA-256 of the bytes in storage now; null when the file is missing. */
  storedSha256: string | null;
  recordedSha256: string;
}

export interface CreditDocumentsCheck {
  documents: DocumentCheckResult[];
  counts: Partial<Record<DocumentCheckStatus, number>>;
  ok: boolean;
}

export interface CheckCreditDocumentsOptions {
  storage?: DocumentStorage;
  /**
   * Seqs of the milestones that verified against the chain. When given, only their document
   * hashes count as anchored, so a milestone row rewritten in our database cannot vouch for a file.
   */
  anchoredSeqs?: ReadonlySet<number>;
}

/** SHA-256 of a stored object, streamed; null when storage holds nothing under the key. */
export async function hashStoredFile(storage: DocumentStorage, key: string): Promise<string | null> {
  let file;
  try {
    file = await storage.get(key);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
  const hash = createHash("sha256");
  try {
    for await (const chunk of file.body) hash.update(chunk as Buffer);
  } finally {
    file.body.destroy();
  }
  return hash.digest("hex");
}

export async function checkCreditDocuments(creditId: string, options: CheckCreditDocumentsOptions = {}): Promise<CreditDocumentsCheck> {
  const storage = options.storage ?? documentStorage();
  const documents = await db().document.findMany({
    where: { creditId, presentationId: { not: null }, presentation: { status: { not: "DRAFT" } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, fileName: true, kind: true, sha256: true, storageKey: true, presentationId: true },
  });
  const milestones = await db().milestone.findMany({
    where: { creditId, status: "ANCHORED", subjectId: { in: [...new Set(documents.map((d) => d.presentationId!))] } },
    select: { seq: true, subjectId: true, documentHashes: true },
  });
  // The hashes each presentation's anchored milestones commit to.
  const anchored = new Map<string, Set<string>>();
  for (const m of milestones) {
    if (options.anchoredSeqs && !options.anchoredSeqs.has(m.seq)) continue;
    const set = anchored.get(m.subjectId!) ?? new Set<string>();
    for (const h of m.documentHashes) {
      const hash = normaliseSha256(h);
      if (hash) set.add(hash);
    }
    anchored.set(m.subjectId!, set);
  }
  const nameOfHash = new Map(documents.map((d) => [d.sha256, d.fileName]));

  const results: DocumentCheckResult[] = [];
  for (const d of documents) {
    let stored: string | null;
    try {
      stored = await hashStoredFile(storage, d.storageKey);
    } catch (error) {
      // Storage unreachable or refusing: the file cannot be vouched for, which is not "verified".
      results.push({ documentId: d.id, fileName: d.fileName, kind: d.kind, storedSha256: null, recordedSha256: d.sha256, status: "missing", reason: `${d.fileName}: the stored file could not be read (${error instanceof Error ? error.message.split("\n")[0] : String(error)}).` });
      continue;
    }
    const committed = anchored.get(d.presentationId!);
    const base = { documentId: d.id, fileName: d.fileName, kind: d.kind, storedSha256: stored, recordedSha256: d.sha256 };
    const result = (status: DocumentCheckStatus, reason: string) => results.push({ ...base, status, reason: `${d.fileName}: ${reason}` });
    if (stored === null) {
      result("missing", `the stored file is missing (storage key ${d.storageKey}); the recorded hash is ${d.sha256}.`);
      continue;
    }
    const elsewhere = stored !== d.sha256 && nameOfHash.has(stored) ? ` (the bytes of ${nameOfHash.get(stored)})` : "";
    if (!committed) {
      if (stored !== d.sha256) result("altered", `the stored file's SHA-256 is ${stored}${elsewhere} but the recorded hash is ${d.sha256}; no anchored milestone covers it yet.`);
      else result("not-anchored", `no anchored milestone of its presentation commits to it yet${options.anchoredSeqs ? " (or none that verified against the chain)" : ""}.`);
      continue;
    }
    if (stored !== d.sha256 && committed.has(d.sha256)) {
      result("altered", `the stored file's SHA-256 is ${stored}${elsewhere} but the anchored hash is ${d.sha256}.`);
    } else if (!committed.has(d.sha256) && committed.has(stored)) {
      result("altered", `the recorded hash was changed to ${d.sha256}; the stored file still hashes to the anchored ${stored}.`);
    } else if (!committed.has(d.sha256)) {
      const anchoredList = [...committed].sort().join(", ") || "none";
      result(
        "altered",
        stored === d.sha256
          ? `the recorded hash ${d.sha256} matches the stored file, but the presentation's anchored milestones commit to other hashes (${anchoredList}): the file and its record were replaced together.`
          : `the stored file's SHA-256 is ${stored}${elsewhere}, the recorded hash is ${d.sha256}, and neither is among the anchored hashes (${anchoredList}).`,
      );
    } else {
      result("verified", `the stored file's SHA-256 is the anchored hash ${d.sha256}.`);
    }
  }
  const counts: Partial<Record<DocumentCheckStatus, number>> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return { documents: results, counts, ok: results.every((r) => r.status === "verified") };
}
