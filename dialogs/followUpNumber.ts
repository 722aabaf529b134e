import type { TaskIntentId } from '../intents/types';
import type { PhoneLine } from '../services/portal/profile';
import { aspectOf } from './followUpAspects';
import { TOPIC_LINE } from './followUpOffers';
import { CLINIC, NUMBER_ASKED, PHARMACY } from './followUpPlaceWords';
import type { LineNames } from './lineNames';
import { SUB_TOPIC_TABLES } from './topics/tables';

/**
 * Whom to call, asked after an answer ("and who do i call if i think the 340 is wrong", "y a quien
 * llamo si esta mal"): that answer's line (Billing after a bill), never Member Services by default
 * (newcomer run v20). A number in the words is no phone number.
 */
const WHO_TO_CALL = /\b(who|whom|what number|which number|which line|where) (do|should|can|could|would|will|am i supposed to|do i need to|have to) ?(i |we )?(call|phone|ring|contact)\b|\bwho (to|i should|should i|do i) (call|contact)\b|\ba quien (le )?(llamo|llamar|debo llamar|tengo que llamar|puedo llamar|hay que llamar|le hablo|hablo|contacto)\b|\b(que|cual) numero (llamo|marco|debo llamar)\b/;

/**
 * Which phone number a follow-up asks for (dialogs/followUps.ts; newcomer run v14, YX01, YX10): a
 * clinic's ('clinic': Contact's clinic phone answer, unless that was just given), the line named
 * ("the pharmacy number"), else, in a message longer than a short question, the line of the answer
 * just given (a medicine's after a refill answer: the pharmacy). Null when no number is asked.
 */
export function numberAsked(folded: string, topic: TaskIntentId, sub: string | undefined, lines: Pick<LineNames, 'named'>, maxShort: number): 'clinic' | PhoneLine | null {
  if (WHO_TO_CALL.test(folded) && !CLINIC.test(folded)) return lines.named(folded) ?? answerLine(topic, sub) ?? null;
  if (aspectOf(folded) !== 'line' || !NUMBER_ASKED.test(folded)) return null;
  const named = lines.named(folded);
  if (!named && CLINIC.test(folded) && !PHARMACY.test(folded)) return topic === 'contact' && sub === 'clinicPhone' ? null : 'clinic';
  if (folded.split(' ').length <= maxShort) return null;
  return named ?? answerLine(topic, sub) ?? null;
}

/**
 * The line of the answer just given: its sub-topic's own ("wat hours r they open" after the ID
 * card answer is Member Services, not Billing; newcomer run v23, W11), else its task's.
 */
export function answerLine(topic: TaskIntentId, sub: string | undefined): PhoneLine | undefined {
  const table = sub ? SUB_TOPIC_TABLES.find((t) => t.intent === topic && sub in t.answers) : undefined;
  return (table ? (table.answers as Record<string, { phone?: PhoneLine }>)[sub!]!.phone : undefined) ?? TOPIC_LINE[topic];
}
