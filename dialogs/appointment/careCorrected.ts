import type { OptionMatcher } from '../common/options';
import { fold } from '../common/text';
import type { TopicPriorState } from '../memory';
import { atPage, PORTAL_WHEN, type OpenTimesAsked } from './openTimesAsked';

/** A correction of the page's kind of care is this short at most ("wait why does it say urgent, its not urgent just a regular appt"). */
const MAX_WORDS = 16;
/** Words that correct what the page says ("no", "wait", "i meant", "not urgent", "mejor", "quise decir"), folded. */
export const CORRECTS = /\b(?:no|not|nope|nah|wait|actually|meant|instead|wrong|isnt|should be|why does it say|rather|mejor|quise decir|en vez|en lugar|equivoc\w*)\b/;
/** "not urgent" / "no es urgente" / "nothing urgent" (folded): the urgent care said no to. */
const NOT_URGENT = /\b(?:not|isnt|aint|nothing|non|no es|no es nada|nada)\s+(?:that\s+|so\s+|really\s+|tan\s+|muy\s+)?(?:urgent|urgente)\b/;
/** A regular visit, once the urgent care is said no to. */
const REGULAR = 'primary';

/**
 * Right after a new visit's scheduling page, a kind of care said as a correction of the page's
 * ("wait why does it say urgent, its not urgent just a regular appt", "no es urgente, es una cita
 * normal"): the page again with that kind of care, every other detail kept (whom, mode, day and
 * time; newcomer run v20), never a booking started over. Null when the words are no such correction.
 */
export function careCorrected(options: OptionMatcher, text: string, prior: TopicPriorState | undefined): OpenTimesAsked | null {
  const before = prior?.answers;
  if (!prior || prior.topics[0] !== 'appointment' || prior.safety || before?.action !== 'new' || !before.care || before[PORTAL_WHEN] === undefined) return null;
  const folded = fold(text);
  if (!folded || folded.split(' ').length > MAX_WORDS || !CORRECTS.test(folded)) return null;
  const named = options.prefill(text, 'appointment.care');
  const care = named ?? (before.care === 'urgent' && NOT_URGENT.test(folded) ? REGULAR : null);
  if (!care || care === before.care) return null;
  return { ...atPage(prior, { asks: false, saidAgain: false, timeSaid: false, careSaid: true }), care };
}
