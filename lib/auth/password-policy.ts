import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

// The password policy for every password a person sets (issue 12): long enough, not one of the
// 49,000 most common passwords from breaches (the list @zxcvbn-ts/language-common bundles), not
// built from the person's own name or address, and not guessable by zxcvbn's estimate.

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;
/** zxcvbn's score, 0 to 4: 3 is "safely unguessable: moderate protection from offline attacks". */
const MIN_SCORE = 3;

const common = new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
let estimator: ZxcvbnFactory | undefined;

/** Why `password` is refused for this person, or null when it is accepted. */
export function passwordProblem(password: string, person: { email: string; name?: string }): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong one.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (common.has(password.toLowerCase())) return "This password is on a list of passwords exposed in data breaches. Choose another.";
  const personal = [person.email, person.email.split("@")[0] ?? "", ...(person.name ?? "").split(/\s+/), "tradetrail"].map((w) => w.toLowerCase()).filter((w) => w.length >= 4);
  if (personal.some((word) => password.toLowerCase().includes(word))) return "Do not build the password from your name, your e-mail address or the site's name.";
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const { score, feedback } = estimator.check(password, personal);
  if (score < MIN_SCORE) return `This password is too easy to guess${feedback.warning ? ` (${feedback.warning.replace(/\.$/, "").toLowerCase()})` : ""}. Add words or make it longer.`;
  return null;
}
