import { checkByHand, finding, withDetails } from "../context";
import { compareGoods } from "../goods";
import { sameCompanyName } from "../names";
import type { Rule, RuleOutcome } from "../types";

// Documents other than transport, insurance and invoice are accepted as presented when their
// content appears to fulfil the function of the document the credit requires (art. 14(f)).

/**
 * A beneficiary's certificate: issued by the beneficiary, stating what 46A requires it to state.
 * A number or code the requirement states and the certificate does not ("within 2 days") is a
 * discrepancy; words worded otherwise are the examiner's (the data need not be identical, 14(d)).
 */
/** The requirement without its framing: "Beneficiary's certificate certifying that X" is X. */
const whatIsCertified = (required: string) =>
  required.replace(/^\s*(?:(?:signed\s+)?beneficiary'?s?\s+certificate\s+)?(?:(?:certifying|certify|stating|confirming|declaring|evidencing)\s+)?(?:that\s+)?/i, "");

export const beneficiaryCertificateAsRequired: Rule = ({ terms, beneficiaryCertificates }) => {
  const required = terms.documentsRequired.find((d) => d.kind === "BENEFICIARY_CERTIFICATE")?.details?.trim() ?? "";
  return beneficiaryCertificates.flatMap((c): RuleOutcome[] => {
    const out: RuleOutcome[] = [];
    if (c.data.issuer !== undefined && !sameCompanyName(terms.beneficiary.name, c.data.issuer))
      out.push(finding(c, { rule: "beneficiary-certificate-issuer", article: "14(f)", message: "The beneficiary's certificate is not issued by the beneficiary.", found: c.data.issuer, expected: terms.beneficiary.name }));
    if (required === "" || c.data.wording === undefined) return out;
    const { conflicts, missingWords } = compareGoods(whatIsCertified(required), c.data.wording);
    const hard = conflicts.filter((line) => !missingWords.some((w) => line === `"${w}" is not shown`));
    const fields = { rule: "beneficiary-certificate-content", article: "14(f)", found: c.data.wording, expected: required };
    if (hard.length > 0) out.push(finding(c, { ...fields, message: `The beneficiary's certificate does not state what the credit requires: ${hard.join("; ")}.` }));
    else if (missingWords.length > 0) out.push(checkByHand(c, { ...fields, message: `The beneficiary's certificate words the requirement otherwise (${missingWords.map((w) => `"${w}"`).join(", ")} not shown): check by hand that it states what the credit requires.` }));
    return out;
  });
};

// An inspection result that declares the goods not as required ("not in conformity", "rejected").
const ADVERSE = /\b(?:not\s+(?:in\s+)?(?:conform\w*|accordance|compliance|satisfactory|acceptable)|non[- ]?conform\w*|reject\w*|fail(?:ed|s)?|defective|damaged|unsatisfactory|deviations?\s+found|discrepanc(?:y|ies)\s+found|short(?:age)?\s+found)\b/i;
const DENIED = /\b(?:no|without|free\s+(?:of|from))\s+(?:\w+\s+){0,2}$/i;

/** An inspection certificate whose result is adverse does not fulfil its function (art. 14(f)). */
export const inspectionResultFavourable: Rule = ({ inspectionCertificates }) =>
  withDetails(inspectionCertificates, "result").flatMap((c): RuleOutcome[] => {
    for (const sentence of c.data.result.split(/[.;\n]+/)) {
      const match = ADVERSE.exec(sentence);
      if (match && !DENIED.test(sentence.slice(0, match.index)))
        return [finding(c, { rule: "inspection-result-adverse", article: "14(f)", message: "The inspection certificate states an adverse result: it does not show the goods inspected as required.", found: sentence.trim(), expected: "A result showing the goods as required" })];
    }
    return [];
  });
