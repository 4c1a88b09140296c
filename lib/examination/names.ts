// The one reading of a company's name for every comparison of parties in examination (ISBP 821
// A1, UCP 600 art. 14(j)): a generally accepted abbreviation of a legal form stands for the full
// word, and capitals, punctuation and spacing never make another party. Pure.

/** Each spelling of a legal form, as one word, mapped to the abbreviation it is compared as. */
const LEGAL_FORM_WORDS: Readonly<Record<string, string>> = {
  limited: "ltd",
  company: "co",
  corporation: "corp",
  incorporated: "inc",
  private: "pte",
  proprietary: "pty",
  "public limited company": "plc",
  "limited liability company": "llc",
  "besloten vennootschap": "bv",
  "naamloze vennootschap": "nv",
  "gesellschaft mit beschränkter haftung": "gmbh",
  aktiengesellschaft: "ag",
  "société anonyme": "sa",
  "sociedad anónima": "sa",
};

// Longest phrases first, so "public limited company" is read before "limited" and "company".
const PHRASES = Object.keys(LEGAL_FORM_WORDS).sort((a, b) => b.split(" ").length - a.split(" ").length);

/**
 * A name as the words it is compared by: lower case, "&" as "and", dots of abbreviations dropped
 * ("B.V." is "bv"), every other mark a word break, legal forms abbreviated.
 */
function companyNameWords(name: string): string[] {
  let words = name
    .toLowerCase()
    .normalize("NFC")
    .replace(/&/g, " and ")
    .replace(/\./g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  for (const phrase of PHRASES) {
    const parts = phrase.split(" ");
    const out: string[] = [];
    for (let i = 0; i < words.length; i++) {
      if (parts.every((part, j) => words[i + j] === part)) {
        out.push(LEGAL_FORM_WORDS[phrase]!);
        i += parts.length - 1;
      } else out.push(words[i]!);
    }
    words = out;
  }
  return words;
}

/** The key two names share when they name the same party: "Shanghai Widgets Co., Limited" and "SHANGHAI WIDGETS CO LTD" alike. */
export const companyNameKey = (name: string): string => companyNameWords(name).join("");

/** Whether a document names the party the credit names (ISBP 821 A1): abbreviations of the legal form, case and punctuation aside. */
export const sameCompanyName = (inCredit: string, onDocument: string): boolean => companyNameKey(inCredit) === companyNameKey(onDocument);
