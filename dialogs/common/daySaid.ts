import { fold } from './text';

/**
 * The day of the month a short answer names a visit by ("la del viernes 11", "the one on the 18th",
 * "el 18 de diciembre", "la del 18"), over the folded text. A small number alone ("the 2", "la
 * segunda") stays a place in the list: a day only when a weekday or a month is said with it, or it
 * has an ordinal's ending, or it is past the list's length. Plain data in, plain data out.
 */
const CALENDAR_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'lunes', 'martes', 'miercoles', 'jueves', 'viernes', 'sabado', 'domingo', 'lun', 'mar', 'mie', 'jue', 'vie', 'sab', 'dom',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'setiembre', 'octubre', 'noviembre', 'diciembre',
  'ene', 'abr', 'ago', 'dic',
]);

/** A number followed by a clock's marks is a time of day ("3 pm", "3:30"), not a day. */
const NOT_A_TIME = /^(?:am|pm|a m|p m|oclock|hrs|horas)\b/;

/** The day of the month (1–31) the answer names, or null. `listLength` keeps small numbers as places. */
export function dayOfMonthSaid(raw: string, listLength: number): number | null {
  // A clock time ("10:30", "3.15", "9h30") holds no day.
  const words = fold(raw.replace(/\d{1,2}\s*[:.h]\s*\d{2}/gi, ' ')).split(' ');
  const dated = words.some((w) => CALENDAR_WORDS.has(w));
  for (const [i, word] of words.entries()) {
    const m = /^(\d{1,2})(st|nd|rd|th)?$/.exec(word);
    if (!m) continue;
    const day = Number(m[1]);
    if (day < 1 || day > 31) continue;
    if (NOT_A_TIME.test(words.slice(i + 1).join(' '))) continue;
    if (['las', 'la', 'at', 'around', 'about'].includes(words[i - 1] ?? '') && !dated) continue;
    if (dated || day > listLength) return day;
  }
  return null;
}
