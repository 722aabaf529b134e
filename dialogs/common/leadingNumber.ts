import { fold } from './text';

/**
 * A numbered list answered with its number and more words ("1, el jueves en la tarde", "2. friday
 * morning", "1 in person. tmrw or wed"): the number is the pick, and the rest of the message is
 * details for what comes next (v17 X02). A number that is a time, a date or a count ("1 pm",
 * "1:30", "2 weeks", "3 de diciembre", "1st") is no pick.
 */

/** A leading number, then a separator and more words (never a digit right after: "1.5", "1-800"). */
const LEADING = /^\s*#?\s*([1-9])\s*(?:[.,;:)-]\s*|\s+)(?=\S)(?!\d)/u;

/** Words right after a number that make it a time, a date, an amount or a count, not a place in the list. */
const NOT_A_PICK = new Set([
  'am', 'pm', 'a', 'p', 'oclock', 'h', 'hr', 'hrs', 'hour', 'hours', 'min', 'mins', 'minute', 'minutes', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years',
  'st', 'nd', 'rd', 'th', 'of', 'more', 'or', 'and', 'to', 'x', 'times', 'kids', 'people', 'visits', 'appointments', 'pills', 'tablets', 'dollars',
  'de', 'del', 'o', 'y', 'a', 'mas', 'hora', 'horas', 'minuto', 'minutos', 'dia', 'dias', 'semana', 'semanas', 'mes', 'meses', 'ano', 'anos', 'veces', 'citas', 'pastillas', 'dolares', 'personas', 'ninos',
]);

/** The place picked (1-based) and the rest of the words, when the message opens with a list number and says more. */
export function leadingNumber(text: string, count: number): { place: number; rest: string } | null {
  const match = LEADING.exec(text);
  if (!match) return null;
  const place = Number(match[1]);
  if (place > count) return null;
  const rest = text.slice(match[0].length).trim();
  const next = fold(rest).split(' ')[0] ?? '';
  if (!next || NOT_A_PICK.has(next)) return null;
  // "1:30", "1.30", "1,5": a time or an amount.
  if (/^[:.,]\s*\d/.test(text.slice(text.indexOf(match[1]!) + 1))) return null;
  return { place, rest };
}
