import type { Locale } from '../../intents/types';
import { fold } from '../common/text';
import { nextDayOfMonth } from './dayOfMonth';

/** Weekdays (folded, full and short), as getUTCDay counts them from Sunday. */
const WEEKDAYS: Record<Locale, ReadonlyArray<readonly string[]>> = {
  en: [['sunday', 'sun'], ['monday', 'mon'], ['tuesday', 'tue', 'tues'], ['wednesday', 'wed'], ['thursday', 'thu', 'thur', 'thurs'], ['friday', 'fri'], ['saturday', 'sat']],
  es: [['domingo', 'dom'], ['lunes', 'lun'], ['martes', 'mar'], ['miercoles', 'mie'], ['jueves', 'jue'], ['viernes', 'vie'], ['sabado', 'sab']],
};

/** "<weekday> [the|el] <day>" with no month after it ("martes 17", "tue the 17th", "el viernes 18 en la tarde"). */
function pattern(locale: Locale): RegExp {
  const days = WEEKDAYS[locale].flat().join('|');
  return locale === 'en'
    ? new RegExp(`\\b(${days}) (?:the (\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th))\\b(?! ?(?:am|pm|a m|p m|oclock)\\b| \\d{2}\\b| of )`)
    : new RegExp(`\\b(${days}) (?:el |dia )?(\\d{1,2})\\b(?! ?(?:am|pm|a m|p m|hrs|horas)\\b| \\d{2}\\b| de (?!la\\b)| de la (?:manana|tarde|noche)\\b| y (?:media|cuarto)\\b)`);
}
const PATTERNS: Record<Locale, RegExp> = { en: pattern('en'), es: pattern('es') };

/**
 * A weekday and a day of the month said together ("reprogramar la del martes 17", "tuesday the
 * 17th"): the date wins, since the recognizers read only the weekday (the next Tuesday, often of
 * another week). `agrees` is false when the date falls on another weekday (then ask which day).
 * Null when no such pair is said (a month named, or a bare number after an English weekday, "tuesday 10", often a time, is left to the recognizers).
 */
export function weekdayAndDate(text: string, locale: Locale, today: string): { date: string; agrees: boolean; rest: string } | null {
  const folded = fold(text);
  const match = PATTERNS[locale].exec(folded);
  if (!match) return null;
  const date = nextDayOfMonth(Number(match[2] ?? match[3]), today);
  if (!date) return null;
  const weekday = WEEKDAYS[locale].findIndex((names) => names.includes(match[1]!));
  const agrees = new Date(`${date}T12:00:00Z`).getUTCDay() === weekday;
  return { date, agrees, rest: folded.replace(match[0], ' ').replace(/\s+/g, ' ').trim() };
}
