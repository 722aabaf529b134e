import { MASK, maskSecrets } from './secrets';

/**
 * The one function every place that keeps or forwards member text goes through: logs, stored
 * transcripts, escalation summaries, cloud recognizers. Today it masks typed passwords; the PHI
 * work extends it (SSNs, card numbers, dates of birth, phone numbers, emails, member and Rx
 * numbers) behind the same signature.
 */
export function redactText(text: string): string {
  return maskSecrets(text).text;
}

export { MASK };
