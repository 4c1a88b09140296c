import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { type Tx, db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/ids";
import { type AmendmentImport, importAmendmentFin, sameBank } from "@/lib/swift/import";
import { addTermsVersion, loadTerms } from "@/lib/lifecycle/handlers/terms";
import { assertDatesStillOpen } from "@/lib/lifecycle/handlers/issuance";
import { amendedFields } from "@/lib/terms/amend";
import type { Terms } from "@/lib/terms/schema";
import { ImportRefused, finText } from "./import-credit";

// An incoming MT707 on a credit imported from an issuing bank outside TradeTrail (issue 15, item
// 3): the advising bank pastes it, and it becomes an amendment in the state an issued amendment
// has (ISSUED), awaiting the advising bank's advice and then the beneficiary's consent (UCP 600
// art. 10(c)): until the beneficiary accepts, the credit's terms stay as they were. The advice's
// milestone anchors the message's SHA-256.

interface Located {
  credit: { id: string; status: string; creditNumber: string | null; currentTermsId: string | null; advisingBankId: string };
  issuer: { bic: string; name: string };
  bank: { bic: string };
  nextNumber: number;
}

/** The credit, locked when in a transaction, with what the import needs; refuses whoever is not its advising bank. */
async function locate(client: Tx | ReturnType<typeof db>, actor: Actor, creditId: string, lock: boolean): Promise<Located> {
  if (actor.organizationKind !== "BANK") throw notFound("The credit");
  if (!isUuid(creditId)) throw notFound("The credit");
  if (lock) await client.$executeRaw`SELECT 1 FROM credits WHERE id = ${creditId}::uuid FOR UPDATE`;
  const credit = await client.credit.findUnique({
    where: { id: creditId },
    select: { id: true, status: true, creditNumber: true, currentTermsId: true, advisingBankId: true, issuedAt: true, issuingBank: { select: { bic: true, name: true, external: true } }, advisingBank: { select: { bic: true } } },
  });
  // Only the credit's advising bank receives the issuing bank's MT707; anyone else learns nothing.
  if (!credit || credit.advisingBankId !== actor.organizationId || !credit.issuedAt) throw notFound("The credit");
  if (!actor.roles.some((role) => role === "MAKER" || role === "CHECKER")) throw new AppError("FORBIDDEN", "Importing an amendment needs the maker or checker role.");
  if (!credit.issuingBank.external || !credit.issuingBank.bic) throw new AppError("INVALID_STATE", `${credit.issuingBank.name} uses TradeTrail: it issues its amendments here.`);
  if (credit.status !== "ISSUED" && credit.status !== "ADVISED") throw new AppError("INVALID_STATE", "An amendment applies only to a credit in force (issued or advised).");
  const last = await client.amendment.findFirst({ where: { creditId }, orderBy: { number: "desc" }, select: { number: true } });
  return { credit, issuer: { bic: credit.issuingBank.bic, name: credit.issuingBank.name }, bank: { bic: credit.advisingBank.bic ?? "" }, nextNumber: (last?.number ?? 0) + 1 };
}

function read(fin: string, located: Located, current: Parameters<typeof importAmendmentFin>[1]): AmendmentImport {
  const parsed = importAmendmentFin(fin, current, { creditNumber: located.credit.creditNumber ?? "", issuingBankBic: located.issuer.bic, nextNumber: located.nextNumber });
  if (parsed.receiver && located.bank.bic && !sameBank(parsed.receiver, located.bank.bic)) {
    parsed.problems.unshift({ line: 1, tag: "block 2", message: `the receiver ${parsed.receiver} is not your bank (${located.bank.bic})` });
    parsed.ok = false;
  }
  return parsed;
}

/** What the credit page's MT707 form needs to read a message as the server will, or null when the actor may not import one here. */
export async function amendmentImportContext(actor: Actor, creditId: string): Promise<{ issuer: { name: string; bic: string }; bankBic: string; creditNumber: string; nextNumber: number; terms: Terms } | null> {
  try {
    const located = await locate(db(), actor, creditId, false);
    const current = await loadTerms(db() as unknown as Tx, located.credit.currentTermsId);
    return { issuer: located.issuer, bankBic: located.bank.bic, creditNumber: located.credit.creditNumber ?? "", nextNumber: located.nextNumber, terms: current.terms };
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

/** The MT707 read against the credit's terms, for the page and the API's preview: nothing stored. */
export async function previewAmendmentImport(actor: Actor, creditId: string, input: { fin: unknown }): Promise<AmendmentImport> {
  const fin = finText(input.fin);
  const located = await locate(db(), actor, creditId, false);
  const current = await loadTerms(db() as unknown as Tx, located.credit.currentTermsId);
  return read(fin, located, current.terms);
}

/** Applies the MT707 as an issued amendment awaiting advice and the beneficiary's consent. */
export async function importAmendment(actor: Actor, creditId: string, input: { fin: unknown }, now = new Date()): Promise<{ amendmentId: string; number: number; cancellation: boolean }> {
  const fin = finText(input.fin);
  try {
    return await db().$transaction(async (tx) => {
      const located = await locate(tx, actor, creditId, true);
      const current = await loadTerms(tx, located.credit.currentTermsId);
      const parsed = read(fin, located, current.terms);
      if (!parsed.ok || parsed.number === null) {
        throw new ImportRefused(`The MT707 has ${parsed.problems.length === 1 ? "a problem" : `${parsed.problems.length} problems`}: nothing was applied.`, parsed.problems);
      }
      let proposedTermsId: string | null = null;
      if (!parsed.cancellation) {
        const changed = amendedFields(current.terms, parsed.terms!);
        if (changed.length === 0) throw new ImportRefused("The MT707 changes none of the terms TradeTrail holds: nothing was applied.", [{ line: 1, message: "no term changes" }]);
        assertDatesStillOpen(parsed.terms!, now, `Amendment ${parsed.number}`, changed, "terms.");
        const proposed = await addTermsVersion(tx, { creditId, parentId: current.id, terms: parsed.terms!, author: actor, comment: `MT707 no. ${parsed.number} of ${parsed.sender}` });
        proposedTermsId = proposed.id;
      }
      const amendment = await tx.amendment.create({
        data: {
          creditId,
          number: parsed.number,
          status: "ISSUED",
          cancellation: parsed.cancellation,
          baseTermsId: current.id,
          proposedTermsId,
          requestedById: actor.userId,
          note: `Issued by ${located.issuer.name} (${located.issuer.bic}) by MT707${parsed.dateOfAmendment ? ` of ${parsed.dateOfAmendment}` : ""}`,
          issuedAt: now,
        },
        select: { id: true },
      });
      const sha256 = createHash("sha256").update(fin, "utf8").digest("hex");
      await tx.amendmentImport.create({ data: { amendmentId: amendment.id, senderBic: parsed.sender!, finText: fin, sha256, importedById: actor.userId, createdAt: now } });
      await tx.credit.update({ where: { id: creditId }, data: { version: { increment: 1 } } });
      await tx.creditEvent.create({
        data: { creditId, action: "importAmendment", actorId: actor.userId, actorOrgId: actor.organizationId, data: { amendmentNumber: parsed.number, cancellation: parsed.cancellation, sha256, subjectId: amendment.id }, createdAt: now },
      });
      return { amendmentId: amendment.id, number: parsed.number, cancellation: parsed.cancellation };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", "This amendment was imported at the same moment by someone else.");
    throw error;
  }
}
