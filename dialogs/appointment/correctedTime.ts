import type { Locale } from '../../intents/types';
import type { Parsed } from '../common/questions';

/**
 * A time said, then corrected in the same message ("i said next week.. actually thursday afternoon
 * is better", "next week. no wait, friday morning instead", "el lunes, mejor el martes"): the words
 * of the correction (`after`) and the words before it (`before`). The recognizers read the first
 * time they find, so the member's change of mind was dropped (newcomer run v16, X01). A correction
 * that names only a part of the day ("next week, mornings better") refines the day said before it.
 */
export interface CorrectedTime {
  before: string;
  after: string;
}

/** Words that open the correction ("actually thursday", "no wait, friday", "mejor el martes"). */
const OPENS: Record<Locale, RegExp> = {
  en: /\b(?:actually|no\s+wait|wait\s+no|wait|scratch\s+that|i\s+mean|on\s+second\s+thought|or\s+rather|rather|better\s+yet|make\s+(?:it|that)|change\s+(?:it|that)\s+to)\b/g,
  es: /\b(?:en\s+realidad|mejor|m[aá]s\s+bien|perd[oó]n|no\s+espera|espera|o\s+sea|siempre\s+no|bueno\s+no)\b/g,
};

/** Words that close a clause as the one preferred ("thursday is better", "friday instead"). */
const PREFERRED: Record<Locale, RegExp> = {
  en: /\b(?:instead|better|preferably|prefer(?:red)?|rather)\b/,
  es: /\b(?:en\s+vez|en\s+lugar|mejor|de\s+preferencia|preferible|prefiero)\b/,
};

const CLAUSE_ENDS = /\s*(?:[,;:!?]+|\.+|\s[-–—]+\s)\s*/u;

export function correctedTime(text: string, locale: Locale): CorrectedTime | null {
  let opening: RegExpExecArray | null = null;
  for (const match of text.matchAll(OPENS[locale])) {
    if (match.index > 0 && text.slice(match.index + match[0].length).trim()) opening = match as RegExpExecArray;
  }
  if (opening) {
    const before = text.slice(0, opening.index).trim();
    const after = text.slice(opening.index + opening[0].length).trim();
    if (before) return { before, after };
  }
  const clauses = text.split(CLAUSE_ENDS).map((clause) => clause.trim()).filter(Boolean);
  for (let index = clauses.length - 1; index > 0; index -= 1) {
    if (PREFERRED[locale].test(clauses[index]!)) return { before: clauses.slice(0, index).join(', '), after: clauses.slice(index).join(', ') };
  }
  return null;
}

/** The fields of a preferred time (dialogs/appointment/when.ts) that a correction reads and keeps. */
export interface CorrectableTime {
  date?: unknown;
  time?: unknown;
  partOfDay?: unknown;
  after?: unknown;
}

/**
 * The time of a message with a correction in it, read with `parse`: the correction wins; one naming
 * only a part of the day ("next week, mornings better") keeps the day said before it. Null when the
 * message has no correction, or it says no time (the whole message is read then).
 */
export function readCorrected<T extends CorrectableTime>(text: string, locale: Locale, parse: (words: string) => Parsed<T>): Parsed<T> | null {
  const words = correctedTime(text, locale);
  if (!words) return null;
  const after = parse(words.after);
  if (!after.ok) return null;
  if (after.value.date) return after;
  const before = parse(words.before);
  if (!before.ok || !before.value.date) return null;
  const { time, partOfDay } = after.value;
  return { ok: true, value: { ...before.value, time, partOfDay, ...(after.value.after ? { after: after.value.after } : {}) } };
}
