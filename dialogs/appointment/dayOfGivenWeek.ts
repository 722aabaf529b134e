import { addDays } from '../../services/time';
import { fold } from '../common/text';
import type { PreferredTime } from './when';

/**
 * A day said as a correction of the day just given (at the scheduling page, or at the open times):
 * "mejor el miércoles", "make it wednesday instead", "actually friday" is that weekday in the same
 * week as the day it replaces (Tuesday the 15th, next week: Wednesday the 16th, not this week's
 * 9th), never a day before today; "same day", "same as before", "el mismo día" is the day already
 * given (newcomer run v21). A weekday with its own week or date ("next friday", "el jueves 17",
 * "este viernes", "el otro martes") is left as read. Plain data in, plain data out.
 */

/** Weekdays (folded, English and Spanish), as getUTCDay counts them from Sunday. */
const WEEKDAYS: readonly RegExp[] = [
  /\b(?:sun|sunday|domingo)\b/,
  /\b(?:mon|monday|lunes)\b/,
  /\b(?:tue|tues|tuesday|martes)\b/,
  /\b(?:wed|weds|wednesday|miercoles)\b/,
  /\b(?:thu|thur|thurs|thursday|jueves)\b/,
  /\b(?:fri|friday|viernes)\b/,
  /\b(?:sat|saturday|sabado)\b/,
];

/** Words that place the weekday themselves: another week, this one, tomorrow, after the visit. */
const OWN_WEEK =
  /\b(?:next|this|following|after|week|wk|tomorrow|tmrw|today|proxim[oa]|que viene|este|esta|otro|otra|siguiente|despues|semana|hoy|pasado)\b|\d/;

/** The day given said again: "same day", "same as before", "that day", "el mismo día", "ese día", "igual que antes". */
const SAME_DAY =
  /\b(?:(?:the |that )?same (?:day|date)|same as (?:before|last time|earlier)|(?:el |ese |aquel )?mismo dia|(?:la )?misma fecha|igual que antes|el mismo de antes|ese dia)\b/;

/** The weekday (0 = Sunday) a date falls on. */
const weekdayOf = (date: string): number => new Date(`${date}T12:00:00Z`).getUTCDay();

/** The preferred time said, with its day read against the day given before (see above). */
export function dayOfGivenWeek(before: PreferredTime | null, said: PreferredTime, text: string, today: string): PreferredTime {
  if (!before?.date || !said.date || said.until) return said;
  const folded = fold(text);
  if (SAME_DAY.test(folded)) return { ...said, date: before.date, until: before.until };
  const named = WEEKDAYS.flatMap((re, day) => (re.test(folded) ? [day] : []));
  if (named.length !== 1 || OWN_WEEK.test(folded) || weekdayOf(said.date) !== named[0]) return said;
  const monday = addDays(before.date, -((weekdayOf(before.date) + 6) % 7));
  const date = addDays(monday, (named[0]! + 6) % 7);
  return date < today ? said : { ...said, date, until: null };
}
