import { ADDRESS, AREA_ALONE, NAMED_ONE, ONE_PLACE, OPEN_HOURS, PHARMACY } from './followUpPlaceWords';

/** Contact sub-topics about the clinics (their phone numbers, where they are), not a phone line of ours. */
const CLINIC_TOPICS = new Set(['clinicPhone', 'location']);

/**
 * A short follow-up right after a clinic's phone number or where the clinics are (newcomer run
 * v20): one clinic named ("the one on main st", "la del centro") keeps the question asked, that
 * clinic's number (`phone`), never its hours; a day asked ("are they open saturday?") is the
 * clinic's hours that day from the clinic finder (`hours`), never the Member Services line's
 * hours. `sub` is the contact sub-topic just answered; `day`: the message names a day. Folded text.
 */
export function clinicFollowUp(folded: string, sub: string, day: boolean): 'phone' | 'hours' | null {
  if (!CLINIC_TOPICS.has(sub) || PHARMACY.test(folded)) return null;
  if (day) return 'hours';
  const oneClinic = NAMED_ONE.test(folded) || AREA_ALONE.test(folded) || (ONE_PLACE.test(folded) && !ADDRESS.test(folded));
  return sub === 'clinicPhone' && oneClinic && !OPEN_HOURS.test(folded) ? 'phone' : null;
}
