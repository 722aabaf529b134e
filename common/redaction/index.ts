import { findPii, PII_CATEGORIES, PII_TAGS, publicNumbers, redactPii, type PiiCategory, type PublicNumbers } from './pii';
import { MASK, maskSecrets, type SecretScanOptions } from './secrets';

/**
 * The one function every place that keeps or forwards member text goes through: logs, stored
 * transcripts, escalation summaries, cloud recognizers. It replaces passwords ("my password is …"
 * and everything after it on the line) with `********`, and SSNs, card numbers, dates of birth,
 * phone numbers, e-mail addresses, member ids, Rx numbers, one-time codes and other long numbers
 * with a tag (`[SSN]`, `[CARD]`, `[DOB]`, `[PHONE]`, `[EMAIL]`, `[MEMBER-ID]`, `[RX]`, `[CODE]`,
 * `[NUMBER]`). See pii.ts for the rules and test/fixtures/pii/ for the corpus that measures them.
 */
export function redactText(text: string, keep?: PublicNumbers): string {
  return redactPii(maskSecrets(text).text, PII_CATEGORIES, keep);
}

export interface SensitiveScan {
  text: string;
  /** The exact strings masked (to scrub copies in `value` / `channelData`). */
  secrets: string[];
  /** Which kinds were found (the member is told not to share them). */
  categories: PiiCategory[];
}

/**
 * Masks, on the member's own message, what the assistant must never keep even for the turn:
 * passwords (as before: the token after a disclosure, or a lone password-like token during sign-in
 * help), SSNs and card numbers. Other personal details (an Rx number, a phone number) stay in the
 * turn, where a dialog may need them, and are redacted wherever the text leaves it (redactText).
 */
export function maskSensitive(text: string, options: SecretScanOptions = {}): SensitiveScan {
  const passwords = maskSecrets(text, options);
  const categories = new Set<PiiCategory>(passwords.secrets.length ? ['password'] : []);
  const findings = findPii(passwords.text).filter((f) => f.category === 'ssn' || f.category === 'card');
  let out = passwords.text;
  const secrets = [...passwords.secrets];
  for (const finding of [...findings].reverse()) {
    secrets.push(out.slice(finding.start, finding.end));
    categories.add(finding.category);
    out = out.slice(0, finding.start) + PII_TAGS[finding.category] + out.slice(finding.end);
  }
  return { text: out, secrets: secrets.sort((a, b) => b.length - a.length), categories: [...categories] };
}

export { findPii, MASK, PII_CATEGORIES, PII_TAGS, publicNumbers, redactPii, type PiiCategory, type PublicNumbers };
