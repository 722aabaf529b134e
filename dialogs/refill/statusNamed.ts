import type { Prescription } from '../../services/pharmacy/prescriptionLookup';
import { fold } from '../common/text';

/**
 * A status named instead of a medicine ("how long does the approval usually take", "y cuánto
 * tarda la autorización?", "what about the one that's too soon"), right after the member's list:
 * the one prescription in that status, when only one is (newcomer run v22, W04: the whole list came
 * again). Several or none in that status: no one is chosen.
 */
const STATUS_WORDS: ReadonlyArray<[Prescription['status'], RegExp]> = [
  ['pendingAuthorization', /\b(?:approv\w*|authoriz\w*|sign off|aprob\w*|autoriz\w*)\b/],
  ['tooSoon', /\b(?:too soon|too early|demasiado pronto|muy pronto)\b/],
  ['noRefillsLeft', /\b(?:no refills left|out of refills|renew\w*|renovar|renovacion|sin resurtidos)\b/],
  ['inProgress', /\b(?:being filled|filling|en proceso|surtiendo)\b/],
];

export function prescriptionByStatusNamed(text: string | undefined, list: readonly Prescription[]): Prescription | null {
  if (!text) return null;
  const folded = fold(text);
  const statuses = STATUS_WORDS.filter(([, re]) => re.test(folded)).map(([status]) => status);
  if (statuses.length !== 1) return null;
  const inStatus = list.filter((p) => p.status === statuses[0]);
  return inStatus.length === 1 ? inStatus[0]! : null;
}
