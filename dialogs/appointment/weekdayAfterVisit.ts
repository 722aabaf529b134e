import type { Locale } from '../../intents/types';
import { addDays } from '../../services/time';

/** Weekday stems (folded), as getUTCDay counts them from Sunday. */
const STEMS: Record<Locale, readonly string[]> = {
  en: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
  es: ['domingo', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado'],
};

/** An English weekday and its short forms, by its first three letters. */
const EN_DAY = '(sun(?:day)?|mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?)';

/**
 * "the thurs after", "the thursday following", "el jueves siguiente", "el jueves después" (folded),
 * said about a visit being moved: that weekday after the visit, not the next one from today.
 * "the thursday after next" is another reading (left to the recognizers).
 */
const AFTER: Record<Locale, RegExp> = {
  en: new RegExp(`\\b(?:the\\s+)?${EN_DAY}\\s+(?:after|following)\\b(?!\\s+next)|\\bthe\\s+following\\s+${EN_DAY}\\b`),
  es: /\b(?:el\s+)?(domingo|lunes|martes|miercoles|jueves|viernes|sabado)\s+(?:siguiente|despues|de\s+despues|que\s+sigue)\b(?!\s+(?:de\s+la|a\s+la))/,
};

/** The weekday (0 = Sunday) said as "the <weekday> after", or null. */
export function weekdayAfter(folded: string, locale: Locale): number | null {
  const match = AFTER[locale].exec(folded);
  const stem = match?.[1] ?? match?.[2];
  return stem ? STEMS[locale].indexOf(locale === 'en' ? stem.slice(0, 3) : stem) : null;
}

/** The first such weekday after the visit's day (YYYY-MM-DD). */
export function firstWeekdayAfter(visitDay: string, weekday: number): string {
  const from = new Date(`${visitDay}T12:00:00Z`).getUTCDay();
  return addDays(visitDay, ((weekday - from + 6) % 7) + 1);
}
