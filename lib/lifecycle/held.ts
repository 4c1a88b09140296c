import type { Tx } from "@/lib/db/client";
import { invalid } from "@/lib/errors";
import { formatMoney, toMilli } from "@/lib/money";
import { diffTerms } from "@/lib/terms/diff";
import { currencyDecimals, toleranceBounds } from "@/lib/terms/schema";
import type { ActionName } from "./definition";
import { loadTerms } from "./handlers/terms";
import { examinerTimeZone } from "./handlers/presentation";
import { planCorrection } from "@/lib/presentations/corrections";
import type { LockedCredit, LockedSubject } from "./perform";
import { STATUS_WORDS } from "./words";
import type { InputOf } from "./inputs";
import { DOCUMENT_DISPOSALS, assertNoticeInTime } from "@/lib/presentations/notice";
import { assertExaminationRunning } from "@/lib/presentations/eucp";

// What a checker approves when a maker's step is held under four eyes: one line saying what the
// step does, and each thing it changes from what to what (amounts included), worked out when the
// maker prepares it and stored with the pending approval, so the checker sees exactly what the
// maker saw. The step's own checks run here too: a maker cannot prepare what could not be done.

export interface HeldChange {
  label: string;
  before: string;
  after: string;
}

export interface HeldDescription {
  summary: string;
  changes: HeldChange[];
}

const capital = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`;
const presentationWords = (status: string) => capital(STATUS_WORDS.presentation[status as keyof typeof STATUS_WORDS.presentation] ?? status);

async function presentationFacts(tx: Tx, credit: LockedCredit, subjectId: string) {
  const presentation = await tx.presentation.findUniqueOrThrow({
    where: { id: subjectId },
    include: { findings: { where: { dismissed: false }, orderBy: { createdAt: "asc" } } },
  });
  const decimals = currencyDecimals(credit.currency);
  const claimed = presentation.claimedAmount ? formatMoney(credit.currency, toMilli(presentation.claimedAmount.toString()), decimals) : "Nothing claimed";
  return { presentation, claimed };
}

export async function describeHeldStep(tx: Tx, name: ActionName, credit: LockedCredit, subject: LockedSubject | null, input: unknown, now = new Date()): Promise<HeldDescription> {
  const decimals = currencyDecimals(credit.currency);
  const money = (value: bigint) => formatMoney(credit.currency, value, decimals);
  switch (name) {
    case "adviseCredit": {
      const terms = await loadTerms(tx, credit.currentTermsId);
      if (terms.terms.confirmation === "WITHOUT") {
        throw invalid("The credit's confirmation instructions (field 49) say WITHOUT: confirmation cannot be added.", { addConfirmation: "Not allowed by field 49" });
      }
      const bank = await tx.organization.findUniqueOrThrow({ where: { id: credit.advisingBankId }, select: { name: true } });
      const max = toleranceBounds(terms.terms).max;
      return {
        summary: `Advise the credit and add ${bank.name}'s confirmation (UCP 600 art. 8)`,
        changes: [
          { label: "Credit", before: "Issued, not yet advised", after: "Advised to the beneficiary" },
          { label: "Confirming bank", before: "None", after: bank.name },
          { label: "Our undertaking to honour, up to", before: money(0n), after: money(max) },
        ],
      };
    }
    case "adviseAmendment": {
      const amendment = await tx.amendment.findUniqueOrThrow({ where: { id: subject!.id }, include: { baseTerms: true, proposedTerms: true } });
      const base = await loadTerms(tx, amendment.baseTermsId);
      const proposed = amendment.proposedTermsId ? await loadTerms(tx, amendment.proposedTermsId) : null;
      const terms = proposed ? diffTerms(base.terms, proposed.terms) : [];
      return {
        summary: `Advise amendment ${amendment.number} and extend our confirmation to it (UCP 600 art. 10(b))`,
        changes: [
          { label: `Amendment ${amendment.number}`, before: "Issued, not yet advised", after: "Advised to the beneficiary" },
          { label: "Our confirmation covers it", before: "No", after: "Yes" },
          ...(amendment.cancellation ? [{ label: "Credit", before: "In force", after: "Cancelled once the beneficiary consents" }] : []),
          ...terms.map((change) => ({ label: `${change.tag} ${change.label}`, before: change.before ?? "—", after: change.after ?? "—" })),
        ],
      };
    }
    case "dismissFinding": {
      const { findingId, reason } = input as { findingId: string; reason: string };
      const { presentation, claimed } = await presentationFacts(tx, credit, subject!.id);
      const finding = presentation.findings.find((f) => f.id === findingId);
      if (!finding) throw invalid("That finding is not an open finding of this presentation.", { findingId: "Choose an open finding" });
      return {
        summary: `Dismiss the finding “${finding.message}” (art. ${finding.article}) on presentation ${presentation.number}: ${reason}`,
        changes: [
          { label: `Finding art. ${finding.article}`, before: "Open discrepancy", after: `Dismissed: ${reason}` },
          { label: "Open findings", before: String(presentation.findings.length), after: String(presentation.findings.length - 1) },
          { label: "Amount claimed", before: claimed, after: claimed },
        ],
      };
    }
    case "correctDocumentData": {
      const correction = input as InputOf<"correction">;
      const plan = await planCorrection(tx, subject!.id, correction, now);
      const shown = (v: unknown) => (v === null || v === undefined || v === "" ? "Not captured" : String(v));
      return {
        summary: `Correct ${plan.what}, then run the automatic examination again: ${correction.reason}`,
        changes: [{ label: plan.label, before: shown(plan.before), after: shown(plan.after) }],
      };
    }
    case "determineCompliant": {
      await assertExaminationRunning(tx, subject!.id, now, await examinerTimeZone(tx, credit, subject!));
      const { presentation, claimed } = await presentationFacts(tx, credit, subject!.id);
      const open = presentation.findings.length;
      if (open > 0) throw invalid(`${open} discrepanc${open === 1 ? "y is" : "ies are"} still open: dismiss each with a reason, or send a notice of discrepancies.`);
      return {
        summary: `Declare presentation ${presentation.number} complying: the bank must honour it (UCP 600 art. 15)`,
        changes: [
          { label: `Presentation ${presentation.number}`, before: presentationWords(presentation.status), after: "Complying" },
          { label: "Amount claimed, to be honoured", before: claimed, after: claimed },
        ],
      };
    }
    case "notifyDiscrepancies": {
      const { presentation, claimed } = await presentationFacts(tx, credit, subject!.id);
      if (presentation.findings.length === 0) throw invalid("There is no open discrepancy to notify: determine the presentation complying instead.");
      // A late notice is refused when it is prepared too, not only when the checker would send it.
      assertNoticeInTime(presentation.examinationDeadline, now, await examinerTimeZone(tx, credit, presentation));
      await assertExaminationRunning(tx, subject!.id, now, await examinerTimeZone(tx, credit, presentation));
      const { disposal } = input as InputOf<"notice">;
      return {
        summary: `Send one notice of ${presentation.findings.length} discrepanc${presentation.findings.length === 1 ? "y" : "ies"} on presentation ${presentation.number} (UCP 600 art. 16(c))`,
        changes: [
          { label: `Presentation ${presentation.number}`, before: presentationWords(presentation.status), after: "Discrepant" },
          ...presentation.findings.map((f) => ({ label: `Discrepancy art. ${f.article}`, before: "Open", after: `Notified: ${f.message}` })),
          { label: "The documents (art. 16(c)(iii))", before: "With the bank", after: DOCUMENT_DISPOSALS[disposal] },
          { label: "Amount claimed", before: claimed, after: claimed },
        ],
      };
    }
    case "acceptWaiver": {
      const { presentation, claimed } = await presentationFacts(tx, credit, subject!.id);
      return {
        summary: `Accept the applicant's waiver of the discrepancies in presentation ${presentation.number}: the bank will honour it (UCP 600 art. 16(b))`,
        changes: [
          { label: `Presentation ${presentation.number}`, before: presentationWords(presentation.status), after: "Accepted despite discrepancies" },
          { label: "Discrepancies waived", before: String(presentation.findings.length), after: String(presentation.findings.length) },
          { label: "Amount claimed, to be honoured", before: claimed, after: claimed },
        ],
      };
    }
    case "refusePresentation": {
      const { reason } = input as { reason: string };
      const { presentation, claimed } = await presentationFacts(tx, credit, subject!.id);
      return {
        summary: `Refuse presentation ${presentation.number} and return the documents: ${reason}`,
        changes: [
          { label: `Presentation ${presentation.number}`, before: presentationWords(presentation.status), after: "Refused" },
          { label: "Amount claimed", before: claimed, after: `${claimed}, not honoured` },
        ],
      };
    }
    default:
      throw new Error(`${name} is not a step held for a checker`);
  }
}
