import type { TaskIntentId } from '../intents/types';
import { ABOUT, TOPIC_LINE, type About } from './followUpOffers';
import { POINTS_BACK } from './followUpWords';

/**
 * When or how long, asked about the answer just given (dialogs/followUps.ts; newcomer run v19,
 * Z01, Z04, Z14). Texts are folded (lower case, no accents or apostrophes).
 * - asked at length ("ok and how long does it usually take once i ask for a refill", "how long
 *   will they hold it for me at the pharmacy", "cuanto tarda en que aparezcan ahi mis resultados"):
 *   a plain how long, never a bare "when" inside a longer request of its own;
 * - how long the pharmacy holds a filled prescription ("how long will they hold it", "cuanto tiempo
 *   me la guardan"): the profile has no figure, so the pharmacy's line, never a number made up;
 * - the same timing asked again right after it ("so like a day? a week?"): the usual times stand,
 *   and whom to ask for one's own, never the same paragraph word for word.
 */

/** A plain "how long" ("roughly how many days until", "when will they be ready", "en cuanto tiempo"). */
const HOW_LONG = new RegExp(
  [
    '\\b(how long|how soon|how many (days|hours|weeks)|how much time|roughly when|about when)\\b',
    '\\bwhen (will|do|does|would|should|can|is|are)\\b.*\\b(ready|show up|show|come in|come back|done|arrive|appear|posted|available|released|processed)\\b',
    '\\b(cuanto (tarda|tardan|tiempo|demora|demoran|se tarda|se tardan|se demora)|en cuanto tiempo|cuantos dias|cuantas horas|cuantas semanas)\\b',
    '\\bcuando (estara|estaran|salen|sale|aparecen|aparece|llegan|llega|estan listos|esta lista|esta listo)\\b',
  ].join('|'),
);

/** How long a filled prescription is kept for pickup ("hold it", "before they put it back", "me la guardan"). */
const HOLD =
  /\b(hold|holds|holding|held|keep it|keep them|keeps it|save it|saved|put (it|them) back|restock\w*|return (it|them) to (stock|the shelf)|back on the shelf|before (it|they) (expires?|goes back|go back|gets returned)|guardan|guarda|guardar\w*|guardad[ao]s?|apartan|apartad[ao]s?|regresan|devuelven|la (quitan|regresan)|se regresa|se devuelve)\b/;

/** How long the pharmacy keeps a filled prescription: up to each pharmacy, so its line. */
export const PHARMACY_HOLD: About = { text: 'followUp.about.pharmacyHold', line: 'pharmacy', links: ['pharmacy.prescriptions'] };

const TIMING_AGAIN = 'followUp.about.timingAgain';

/** The timing answers (each answer's `timing` in ABOUT, and the pharmacy's hold). */
const TIMING_TEXTS = new Set([...Object.values(ABOUT).flatMap((entry) => (entry.timing ? [entry.timing.text] : [])), PHARMACY_HOLD.text]);

/**
 * A timing asked in a message longer than a short follow-up: a plain how long, and no medicine
 * named unless it points back at the answer ("how long will my metformin take" asks its own status).
 */
export function asksHowLongAtLength(folded: string, namesMedicine: boolean): boolean {
  return HOW_LONG.test(folded) && (!namesMedicine || POINTS_BACK.test(folded));
}

/** A timing of its own in the words (the pharmacy's hold, after a refill answer), before the answer's own timing. */
export function timingOf(topic: TaskIntentId, folded: string): About | undefined {
  return topic === 'refill' && HOLD.test(folded) ? PHARMACY_HOLD : undefined;
}

/** The timing just answered asked again: the usual times stand, and the answer's line for one's own. */
export function timingAgain(offered: About, last: string | undefined, topic: TaskIntentId): About | undefined {
  if (last !== offered.text || !TIMING_TEXTS.has(offered.text)) return undefined;
  return { text: TIMING_AGAIN, line: offered.line ?? TOPIC_LINE[topic] ?? 'memberServices' };
}
