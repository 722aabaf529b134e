import type { Locale } from '../../intents/types';
import { addDays } from '../../services/time';

/**
 * A day of the month said alone ("the 21st morning", "on the 3rd", "el 21 en la mañana", "el día
 * 21"), which the recognizers miss (they keep only "morning", or read "21 en la mañana" as 9 a.m.).
 */
const DAY_OF_MONTH: Record<Locale, RegExp> = {
  en: /\b(?:on\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of|week|time|visit|appointment|appt))/,
  es: /\b(?:el\s+)?(?:d[ií]a\s+)?(?<=\bel\s+|\bd[ií]a\s+)(\d{1,2})\b(?![:.]\d|\s*(?:de\s+(?!la\b)|del\b|a\.?\s?m|p\.?\s?m|hrs|horas))/,
};

/** The date (YYYY-MM-DD) of the next such day from today (this month, else the next), and the words left. */
export function dayOfMonth(text: string, locale: Locale, today: string): { date: string; rest: string } | null {
  const match = DAY_OF_MONTH[locale].exec(text);
  if (!match) return null;
  const date = nextDayOfMonth(Number(match[1]), today);
  return date ? { date, rest: text.replace(match[0], ' ').replace(/\s+/g, ' ').trim() } : null;
}

/** The date (YYYY-MM-DD) of the next such day of the month from today (this month, else the next ones), or null. */
export function nextDayOfMonth(day: number, today: string): string | null {
  if (day < 1 || day > 31) return null;
  const [year, month] = today.split('-').map(Number) as [number, number];
  for (let ahead = 0; ahead < 3; ahead += 1) {
    const first = new Date(Date.UTC(year, month - 1 + ahead, 1));
    const date = addDays(first.toISOString().slice(0, 10), day - 1);
    if (date.slice(5, 7) !== first.toISOString().slice(5, 7) || date < today) continue;
    return date;
  }
  return null;
}
