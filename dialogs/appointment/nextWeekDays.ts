import type { Locale } from '../../intents/types';
import { addDays } from '../../services/time';
import type { Parsed } from '../common/questions';

/**
 * Weekdays said with "next week" ("sometime next week, tues or wed afternoon?", "el martes o el
 * miércoles de la próxima semana"): those days of the following calendar week (Monday to Sunday,
 * as "next week" alone is), never the ones still to come this week. The recognizers read the
 * weekdays alone and drop the week, so a Monday's "next week, tuesday" was tomorrow (v17 W01).
 */

/** "next week" / "the following week" / "la próxima semana" / "la semana que viene" (folded), with the words that join it. */
const NEXT_WEEK: Record<Locale, RegExp> = {
  en: /\b(?:of |for |in |during )?(?:the )?(?:next|following) week\b/g,
  es: /\b(?:de |para |en )?(?:la )?(?:proxima semana|semana (?:que viene|proxima|siguiente)|siguiente semana)\b/g,
};

/**
 * "el otro martes" / "pal otro martes" (folded; Mexican Spanish for "para el otro martes"): not this
 * week's Tuesday, next week's (v21). Read as that weekday of next week.
 */
const OTHER_WEEKDAY: Partial<Record<Locale, RegExp>> = {
  es: /\b(?:(?:para |pa )?el |pal )?otro (lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b/g,
};

/** "not this week" said beside it: a contrast, not the days meant. */
const THIS_WEEK: Record<Locale, RegExp> = {
  en: /\b(?:not |no )?(?:this|the current) week\b/g,
  es: /\b(?:no )?(?:de |en )?esta semana\b/g,
};

/** A weekday named (folded): only then are the days read moved ("next week in the afternoon" is the whole week). */
const WEEKDAY: Record<Locale, RegExp> = {
  en: /\b(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b/,
  es: /\b(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)\b/,
};

/** The days read (a first day, and a last one for "tues or wed"). */
interface Days {
  date: string | null;
  until: string | null;
}

/**
 * The preferred time of words that name next week and weekdays, read with `parse` on the words
 * without the week: the days moved a week on when they fall before next Monday. Null when the
 * words do not name next week and a weekday, name a date by its number ("next week, the 15th"), or
 * the days read are already next week or later (the message is read as usual then).
 */
export function nextWeekDays<T extends Days>(said: string, locale: Locale, today: string, parse: (words: string) => Parsed<T>): T | null {
  const other = OTHER_WEEKDAY[locale];
  const folded = other ? said.replace(other, 'el $1 de la proxima semana') : said;
  if (!new RegExp(NEXT_WEEK[locale].source).test(folded)) return null;
  const rest = folded.replace(NEXT_WEEK[locale], ' ').replace(THIS_WEEK[locale], ' ').replace(/\s+/g, ' ').trim();
  if (!WEEKDAY[locale].test(rest) || /\d/.test(rest)) return null;
  const days = parse(rest);
  if (!days.ok || !days.value.date) return null;
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
  const nextMonday = addDays(today, 7 - ((weekday + 6) % 7));
  if (days.value.date >= nextMonday) return null;
  return { ...days.value, date: addDays(days.value.date, 7), until: days.value.until ? addDays(days.value.until, 7) : null };
}
