import type { TaskIntentId } from '../intents/types';
import type { PhoneLine } from '../services/portal/profile';
import { aspectOf } from './followUpAspects';
import { TOPIC_LINE } from './followUpOffers';
import { CLINIC, NUMBER_ASKED, PHARMACY } from './followUpPlaceWords';
import type { LineNames } from './lineNames';

/**
 * Which phone number a follow-up asks for (dialogs/followUps.ts; newcomer run v14, YX01, YX10): a
 * clinic's ('clinic': Contact's clinic phone answer, unless that was just given), the line named
 * ("the pharmacy number"), else, in a message longer than a short question, the line of the answer
 * just given (a medicine's after a refill answer: the pharmacy). Null when no number is asked.
 */
export function numberAsked(folded: string, topic: TaskIntentId, sub: string | undefined, lines: Pick<LineNames, 'named'>, maxShort: number): 'clinic' | PhoneLine | null {
  if (aspectOf(folded) !== 'line' || !NUMBER_ASKED.test(folded)) return null;
  const named = lines.named(folded);
  if (!named && CLINIC.test(folded) && !PHARMACY.test(folded)) return topic === 'contact' && sub === 'clinicPhone' ? null : 'clinic';
  if (folded.split(' ').length <= maxShort) return null;
  return named ?? TOPIC_LINE[topic] ?? null;
}
