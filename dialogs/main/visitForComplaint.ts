import type { BookingWords } from '../bookingWords';
import type { OptionMatcher } from '../common/options';
import { fold } from '../common/text';
import { familyMention } from '../familyMention';
import type { TurnTriage } from '../turn';

/**
 * Triage concepts that keep the nurse line alone: severe words, breathing, a collapse, a stroke
 * sign, a serious injury, something swallowed, drowsiness, distress or fear. Such a complaint is not
 * a visit to book from the chat: the nurse (or 911) decides. Violence words are not among them:
 * the triage reads "me molesta" (it bothers me) as one, and a disclosure is its own urgent answer.
 */
const NOT_ROUTINE: ReadonlySet<string> = new Set(['severity', 'breathing', 'collapse', 'stroke_sign', 'injury', 'ingest', 'drowsy', 'death_wish', 'self_harm', 'fear']);

/** The member speaks of their own complaint ("my knee", "me duele"), no one else's. */
const OWN = /\b(?:i|im|ive|my|me|myself|mi|mis|yo)\b/;
const SOMEONE_ELSE = /\b(?:he|hes|she|shes|him|his|her|they|their|them|ella|ellas|ellos|su|sus|le|les)\b/;

/**
 * A visit plainly asked for about an everyday complaint the safety triage answers as symptoms ("i
 * need to see someone about my knee, its been sore for a couple weeks", "necesito que me vea
 * alguien por la rodilla"): after the nurse line, the booking starts with what the words say (a
 * new visit; whom it is for when they say), so the member need not ask again (newcomer run v16
 * W01). A question whether to go ("my knee is swollen and hot, should I see someone?") or severe
 * wording keeps the nurse line alone. The answers to start the booking with, or null.
 */
export function visitForComplaint(booking: Pick<BookingWords, 'asksToBeSeen'>, options: OptionMatcher, text: string, triage: TurnTriage): Record<string, string> | null {
  if (triage.match?.intent !== 'symptoms' || triage.answered) return null;
  if (triage.concepts?.some((concept) => NOT_ROUTINE.has(concept))) return null;
  if (!booking.asksToBeSeen(text)) return null;
  const folded = fold(text);
  const patient = familyMention(options, text) ? 'family' : OWN.test(folded) && !SOMEONE_ELSE.test(folded) ? 'self' : null;
  return { action: 'new', ...(patient ? { patient } : {}) };
}
