import { AppError } from "@/lib/errors";
import { addBankingDays, examinationDeadline, nextBankingDayFrom } from "@/lib/calendar/banking-days";
import { presentationDay } from "@/lib/calendar/presentation-day";
import { bankingHours } from "@/lib/credits/place-of-presentation";
import { isIsp, isStandby } from "@/lib/terms/schema";
import type { Handler } from "../perform";
import { loadTerms } from "./terms";

// Art. 15(c): a nominated or confirming bank that determines a presentation complying (and
// honours or negotiates) forwards the documents to the issuing bank. The issuing bank is not
// bound by the nominated bank's determination: it examines the documents within five banking days
// of its own following the day it receives them (art. 14(b)), on its own calendar, cut-off and
// holidays. This step records the forwarding, the issuing bank's day of receipt and its deadline
// as an anchored milestone. What the issuing bank then does with them: lib/examination/README.md.

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

export const forwardDocuments: Handler<"forwardDocuments"> = async ({ tx, credit, subject, now }) => {
  const presentation = await tx.presentation.findUniqueOrThrow({ where: { id: subject!.id }, include: { documents: { orderBy: { createdAt: "asc" } } } });
  const examiner = presentation.examiningBankId ?? credit.issuingBankId;
  if (examiner === credit.issuingBankId) {
    throw new AppError("INVALID_STATE", "The issuing bank itself received and examined these documents: there is no nominated or confirming bank to forward them (UCP 600 art. 15(c)).");
  }
  if (presentation.forwardedAt) {
    throw new AppError("INVALID_STATE", `The documents were already forwarded to the issuing bank, which received them on ${isoDay(presentation.forwardedOn ?? presentation.forwardedAt)}.`);
  }
  const terms = (await loadTerms(tx, presentation.termsId)).terms;
  // The issuing bank's day of receipt and its five banking days (three business days under ISP98, as for any examination).
  const issuer = await bankingHours(credit.issuingBankId, tx);
  const receivedOn = presentationDay(now, issuer);
  const deadline = isStandby(terms) && isIsp(terms.applicableRules) ? addBankingDays(nextBankingDayFrom(receivedOn, issuer.holidays), 3, issuer.holidays) : examinationDeadline(receivedOn, issuer.holidays);
  await tx.presentation.update({ where: { id: presentation.id }, data: { forwardedAt: now, forwardedOn: asDate(receivedOn), issuerExaminationDeadline: asDate(deadline) } });
  const capacity = examiner === credit.confirmingBankId ? "CONFIRMING" : "NOMINATED";
  return {
    milestone: {
      content: { presentationNumber: presentation.number, forwardedBy: capacity, receivedByIssuingBankOn: receivedOn, issuingBankExaminationDeadline: deadline },
      documentHashes: presentation.documents.map((d) => d.sha256),
    },
    event: { presentationNumber: presentation.number, forwardedBy: capacity, receivedOn, issuerExaminationDeadline: deadline },
  };
};
