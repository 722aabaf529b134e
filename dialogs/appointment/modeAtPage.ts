import { IN_PERSON_ONLY, type CareKind } from '../../services/appointments/appointmentLookup';
import { namesDayOrTime } from '../common/dayWords';
import { fold } from '../common/text';
import type { TopicPriorState } from '../memory';
import type { BookingRequest } from './bookingRequest';
import { CORRECTS } from './careCorrected';
import { atPage, PORTAL_WHEN, type OpenTimesAsked } from './openTimesAsked';

/** A change of the kind of visit right after the page is this short at most ("hmm can we do it by phone instead please"). */
const MAX_WORDS = 12;

/**
 * Right after a new visit's scheduling page, another kind of visit wanted ("actually could it be
 * video instead", "mejor en persona", "no!! in person, NOT video"): the page again at once with that
 * kind, every other detail kept (the day, the time of day, the kind of care, whom; newcomer run
 * v21), never "When would you prefer?" again. A day or time said with it changes that too (the
 * answer reads both). A question with no word of correction ("is it by video?") is no change; a
 * blood draw or a shot stays in person. Null when the words are no such change.
 */
export function modeAtPage(modes: Pick<BookingRequest, 'wantedModes'>, text: string, prior: TopicPriorState | undefined): OpenTimesAsked | null {
  const before = prior?.answers;
  if (!prior || prior.topics[0] !== 'appointment' || prior.safety || before?.action !== 'new' || !before.care || before[PORTAL_WHEN] === undefined) return null;
  if (IN_PERSON_ONLY.includes(before.care as CareKind)) return null;
  const folded = fold(text);
  const words = folded.split(' ').filter(Boolean).length;
  if (!words || words > MAX_WORDS || (/[?¿]/.test(text) && !CORRECTS.test(folded))) return null;
  const mode = modes.wantedModes(text).at(-1);
  if (!mode || mode === before.mode) return null;
  return atPage(prior, { asks: false, saidAgain: false, timeSaid: namesDayOrTime(folded) });
}
