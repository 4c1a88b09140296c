import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { type Tx, db } from "@/lib/db/client";
import { AppError, invalid } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/ids";
import { type CreditImport, type ImportProblem, importCreditFin, sameBank } from "@/lib/swift/import";
import { addTermsVersion } from "@/lib/lifecycle/handlers/terms";
import { assertDatesStillOpen } from "@/lib/lifecycle/handlers/issuance";

// An advising bank imports a credit it received as an MT700 (or MT710) from an issuing bank that
// does not use TradeTrail (issue 15, item 3). The credit starts ISSUED, with the importing bank as
// advising bank, the issuing bank and the applicant as external organisations (no members: nobody
// acts for them in TradeTrail), and the message as received kept in credit_imports. From there the
// advising bank advises it as usual; the advice's milestone anchors the message's SHA-256.
// docs/SWIFT.md "Import" says which steps an external issuing bank's credit has and why.

/** The most FIN text an import takes (an MT700 with seven MT701s is about 80,000 characters). */
export const MAX_FIN_LENGTH = 100_000;

/** A refusal with the message's problems, each with its line: 400 with `error.problems`. */
export class ImportRefused extends AppError {
  constructor(
    message: string,
    readonly problems: ImportProblem[],
    code: "INVALID_REQUEST" | "FORBIDDEN" = "INVALID_REQUEST",
  ) {
    super(code, message);
  }

  override toJSON() {
    const base = super.toJSON();
    return { error: { ...base.error, problems: this.problems } };
  }
}

/** The import's role rule: a bank officer (maker or checker) of a bank, as for advising. */
function assertBankOfficer(actor: Actor): void {
  if (actor.organizationKind !== "BANK") throw new AppError("FORBIDDEN", "Only an advising bank imports a credit it received by SWIFT.");
  if (!actor.roles.some((role) => role === "MAKER" || role === "CHECKER")) throw new AppError("FORBIDDEN", "Importing a credit needs the maker or checker role.");
}

export function finText(raw: unknown): string {
  if (typeof raw !== "string" || raw.trim() === "") throw invalid("Paste or upload the FIN text of the MT700 or MT710.", { fin: "Paste the message" });
  if (raw.length > MAX_FIN_LENGTH) throw invalid(`The text is longer than ${MAX_FIN_LENGTH.toLocaleString("en")} characters: it is not one credit's messages.`, { fin: "Too long" });
  return raw;
}

/** The importing bank as the parser needs it; refused when it has no BIC to be named by. */
async function importingBank(client: Tx | ReturnType<typeof db>, actor: Actor): Promise<{ id: string; name: string; bic: string }> {
  const bank = await client.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { id: true, name: true, bic: true } });
  if (!bank.bic) throw new AppError("FORBIDDEN", "Your bank has no BIC in TradeTrail: a message can name it as receiver only by its BIC. An administrator of the platform can record it.");
  return { id: bank.id, name: bank.name, bic: bank.bic };
}

/** The receiver must be the importing bank: a bank imports only what was sent to it. */
function assertReceiver(parsed: Pick<CreditImport, "receiver">, bank: { bic: string; name: string }): void {
  if (parsed.receiver && !sameBank(parsed.receiver, bank.bic)) {
    throw new ImportRefused(
      `The message is addressed to ${parsed.receiver}, not to your bank (${bank.bic}): only the advising bank it was sent to may import it.`,
      [{ line: 1, tag: "block 2", message: `the receiver ${parsed.receiver} is not your bank (${bank.bic})` }],
      "FORBIDDEN",
    );
  }
}

/** "credit X of BIC was already imported as TT-…" (to the bank that imported it), "… by another bank" (to anyone else). */
const alreadyImported = (creditNumber: string, issuingBic: string, reference: string | null) =>
  `credit ${creditNumber} of ${issuingBic} was already imported ${reference ? `as ${reference}` : "into TradeTrail by another bank"}`;

export interface ImportPreview extends CreditImport {
  /** The external issuing bank as TradeTrail already knows it from an earlier import, if so. */
  knownIssuingBank: { name: string } | null;
  /** The credit TradeTrail already holds for this issuing bank's credit number, if any. */
  duplicateOf: { reference: string } | null;
}

/** Reads the message for the import page and the API's preview: the mapping and every problem, nothing stored. */
export async function previewCreditImport(actor: Actor, input: { fin: unknown; issuingBankName?: unknown }): Promise<ImportPreview> {
  assertBankOfficer(actor);
  const fin = finText(input.fin);
  const bank = await importingBank(db(), actor);
  const parsed = importCreditFin(fin, { advisingBankBic: bank.bic, advisingBankName: bank.name, issuingBankName: typeof input.issuingBankName === "string" ? input.issuingBankName : null });
  // A message addressed to another bank is not read for this one: the receiver is the one problem.
  if (parsed.receiver && !sameBank(parsed.receiver, bank.bic)) {
    const problem = { line: 1, tag: "block 2", message: `the receiver ${parsed.receiver} is not your bank (${bank.bic}): only the advising bank it was sent to may import it` };
    return { ...parsed, ok: false, terms: null, mapping: [], problems: [problem], knownIssuingBank: null, duplicateOf: null };
  }
  const problems = [...parsed.problems];
  const issuer = parsed.issuingBankBic ? await db().organization.findUnique({ where: { bic: parsed.issuingBankBic }, select: { name: true, external: true } }) : null;
  if (issuer && !issuer.external) problems.unshift({ line: 1, tag: "block 1", message: `${issuer.name} (${parsed.issuingBankBic}) uses TradeTrail: its credits reach you through TradeTrail, not as an imported message` });
  const duplicate = parsed.issuingBankBic && parsed.creditNumber ? await db().creditImport.findUnique({ where: { issuingBankBic_creditNumber: { issuingBankBic: parsed.issuingBankBic, creditNumber: parsed.creditNumber } }, select: { credit: { select: { reference: true, advisingBankId: true } } } }) : null;
  // The reference only to the bank that imported it: another bank learns no more than that it exists.
  const mine = duplicate?.credit.advisingBankId === actor.organizationId;
  if (duplicate) problems.unshift({ tag: parsed.messageType === "710" ? "21" : "20", message: alreadyImported(parsed.creditNumber!, parsed.issuingBankBic!, mine ? duplicate.credit.reference : null) });
  return { ...parsed, ok: problems.length === 0, terms: problems.length === 0 ? parsed.terms : null, problems, knownIssuingBank: issuer?.external ? { name: issuer.name } : null, duplicateOf: duplicate && mine ? { reference: duplicate.credit.reference } : null };
}

export interface ImportCreditInput {
  fin: unknown;
  /** The TradeTrail organisation the credit is advised to (59 names it in words only). */
  beneficiaryId: unknown;
  /** The issuing bank's name: a FIN header names a bank by its BIC only. Needed the first time a bank is imported from. */
  issuingBankName?: unknown;
}

/**
 * Creates the credit from the message: ISSUED, advised by the importing bank, issued by the
 * external bank the message names (found or recorded by its BIC), for the external applicant of
 * field 50, to the beneficiary the bank chose. Nothing is created when anything is wrong.
 */
export async function importCredit(actor: Actor, input: ImportCreditInput, now = new Date()): Promise<{ creditId: string; reference: string; creditNumber: string }> {
  assertBankOfficer(actor);
  const fin = finText(input.fin);
  const issuingBankName = typeof input.issuingBankName === "string" ? input.issuingBankName.trim() : "";
  if (typeof input.beneficiaryId !== "string" || !isUuid(input.beneficiaryId)) throw invalid("Choose the beneficiary: the company in TradeTrail the credit is advised to.", { beneficiaryId: "Choose the beneficiary" });
  const beneficiaryId = input.beneficiaryId;

  try {
    return await db().$transaction(async (tx) => {
      const bank = await importingBank(tx, actor);
      const parsed = importCreditFin(fin, { advisingBankBic: bank.bic, advisingBankName: bank.name, issuingBankName: issuingBankName || null });
      assertReceiver(parsed, bank);
      if (!parsed.ok || !parsed.terms || !parsed.issuingBankBic || !parsed.creditNumber) {
        throw new ImportRefused(`The message has ${parsed.problems.length === 1 ? "a problem" : `${parsed.problems.length} problems`}: nothing was created.`, parsed.problems);
      }
      const terms = parsed.terms;
      // A credit past its expiry or latest shipment date cannot be advised as a live undertaking.
      assertDatesStillOpen(terms, now, "The credit");

      const beneficiary = await tx.organization.findUnique({ where: { id: beneficiaryId }, select: { id: true, kind: true, external: true } });
      if (!beneficiary || beneficiary.kind !== "CORPORATE" || beneficiary.external) throw invalid("Choose the beneficiary: a trading company that uses TradeTrail.", { beneficiaryId: "Choose the beneficiary" });

      const issuingBic = parsed.issuingBankBic;
      if (sameBank(issuingBic, bank.bic)) throw new ImportRefused("The message names your own bank as issuing bank: issue the credit in TradeTrail instead.", [{ line: 1, tag: "block 1", message: `the issuing bank ${issuingBic} is your bank` }]);
      let issuer = await tx.organization.findUnique({ where: { bic: issuingBic }, select: { id: true, name: true, external: true } });
      if (issuer && !issuer.external) {
        throw new AppError("CONFLICT", `${issuer.name} (${issuingBic}) uses TradeTrail: its credits reach you through TradeTrail, not as an imported message.`);
      }
      const duplicate = await tx.creditImport.findUnique({ where: { issuingBankBic_creditNumber: { issuingBankBic: issuingBic, creditNumber: parsed.creditNumber } }, select: { credit: { select: { reference: true, advisingBankId: true } } } });
      if (duplicate) throw new AppError("CONFLICT", `${alreadyImported(parsed.creditNumber, issuingBic, duplicate.credit.advisingBankId === bank.id ? duplicate.credit.reference : null)}.`);
      if (!issuer) {
        if (!issuingBankName) throw invalid(`Give the name of the issuing bank ${issuingBic}: the message names it by its BIC only.`, { issuingBankName: "Enter the issuing bank's name" });
        if (issuingBankName.length > 140) throw invalid("The issuing bank's name is at most 140 characters.", { issuingBankName: "At most 140 characters" });
        issuer = await tx.organization.create({ data: { name: issuingBankName, kind: "BANK", bic: issuingBic, country: issuingBic.slice(4, 6), external: true }, select: { id: true, name: true, external: true } });
      }
      // The applicant (field 50) is the issuing bank's customer: recorded for this credit, in the issuing bank's country.
      const applicant = await tx.organization.create({
        data: { name: terms.applicant.name, address: terms.applicant.address, kind: "CORPORATE", country: issuingBic.slice(4, 6), external: true },
        select: { id: true },
      });

      const [{ next }] = (await tx.$queryRaw<{ next: bigint }[]>`SELECT nextval('credit_reference_seq') AS next`) as [{ next: bigint }];
      const reference = `TT-${now.getUTCFullYear()}-${String(next).padStart(6, "0")}`;
      const credit = await tx.credit.create({
        data: {
          reference,
          creditNumber: parsed.creditNumber,
          status: "ISSUED",
          applicantId: applicant.id,
          beneficiaryId: beneficiary.id,
          issuingBankId: issuer.id,
          advisingBankId: bank.id,
          currency: terms.currency,
          amount: terms.amount,
          expiryDate: new Date(`${terms.expiryDate}T00:00:00Z`),
          submittedAt: now,
          issuedAt: now,
        },
        select: { id: true },
      });
      const version = await addTermsVersion(tx, { creditId: credit.id, parentId: null, terms, author: actor, comment: `Imported from the MT${parsed.messageType} of ${parsed.sender}` });
      await tx.credit.update({ where: { id: credit.id }, data: { currentTermsId: version.id, agreedTermsId: version.id } });
      const sha256 = createHash("sha256").update(fin, "utf8").digest("hex");
      await tx.creditImport.create({
        data: { creditId: credit.id, messageType: parsed.messageType!, senderBic: parsed.sender!, issuingBankBic: issuingBic, creditNumber: parsed.creditNumber, finText: fin, sha256, importedById: actor.userId, createdAt: now },
      });
      await tx.creditEvent.create({
        data: {
          creditId: credit.id,
          action: "importCredit",
          actorId: actor.userId,
          actorOrgId: actor.organizationId,
          data: { messageType: `MT${parsed.messageType}`, sender: parsed.sender!, issuingBank: issuingBic, creditNumber: parsed.creditNumber, sha256, termsVersion: version.number },
          createdAt: now,
        },
      });
      return { creditId: credit.id, reference, creditNumber: parsed.creditNumber };
    });
  } catch (error) {
    // Two imports of the same credit at the same moment: the unique index refuses the second.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", "This credit was imported at the same moment by someone else: look for it in your credits.");
    throw error;
  }
}

/** The message a credit was imported from, for its advising bank only (it carries bank-to-bank fields, 49H and 72Z); null otherwise. */
export async function receivedMessageOf(actor: Actor, creditId: string): Promise<{ messageType: string; senderBic: string; sha256: string; finText: string; createdAt: Date } | null> {
  if (!isUuid(creditId)) return null;
  const row = await db().creditImport.findUnique({ where: { creditId }, select: { messageType: true, senderBic: true, sha256: true, finText: true, createdAt: true, credit: { select: { advisingBankId: true } } } });
  if (!row || row.credit.advisingBankId !== actor.organizationId) return null;
  return { messageType: row.messageType, senderBic: row.senderBic, sha256: row.sha256, finText: row.finText, createdAt: row.createdAt };
}
