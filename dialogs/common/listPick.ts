import { dayOfMonthSaid } from './daySaid';
import { leadingNumber } from './leadingNumber';
import { sameWord } from './mentions';
import { containsPhrase, fold } from './text';

/**
 * Which item of a list the bot showed a typed answer names, for every list (open times, the
 * member's appointments, prescriptions, menus): a title, a place in the list ("the first one",
 * "2nd", "#3", "the last one", "la segunda", a lone digit), a time of day ("the 2pm one", "3:30",
 * "la de las 3") and words that tell one item from the others ("the one with dr chen", "the video
 * one", "la del laboratorio"). What the answer says is combined: "the 3:30 one with dr chen".
 * Plain data in, plain data out: the questions keep their items in dialog state.
 */

export interface ListItem {
  id: string;
  title: string;
  /** Other words or phrases that describe the item, in any language (folded or not). */
  words?: readonly string[];
  /** Its time of day, "HH:MM" (24 h), when it has one. */
  at?: string;
  /** When it starts (ISO), for a list of visits or open times: "the next one" is the earliest. */
  startsAt?: string;
  /** Its day of the month (1–31, the member's), for a list of visits or open times: "la del viernes 11". */
  day?: number;
}

/** One item, several that fit equally (ask which), or nothing named. */
export type ListPick = { kind: 'one'; id: string } | { kind: 'several'; ids: string[] } | null;

export interface PickScope {
  /** Only a place in the list or the exact title (a menu whose titles another matcher reads). */
  positionsOnly?: boolean;
  /**
   * The ids of the items shown again after "which of these?": words and times are read among them,
   * but a number is still the item's number in the whole list (the numbers are never changed).
   */
  among?: readonly string[];
}

const ORDINALS: Record<string, number> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5, sixth: 6, '6th': 6,
  seventh: 7, '7th': 7, eighth: 8, '8th': 8, ninth: 9, '9th': 9, tenth: 10, '10th': 10,
  primero: 1, primera: 1, primer: 1, '1o': 1, '1a': 1, segundo: 2, segunda: 2, '2o': 2, '2a': 2, tercero: 3, tercera: 3, tercer: 3, '3o': 3, '3a': 3,
  cuarto: 4, cuarta: 4, '4o': 4, '4a': 4, quinto: 5, quinta: 5, '5o': 5, '5a': 5, sexto: 6, sexta: 6, septimo: 7, septima: 7, octavo: 8, octava: 8,
};
/** A place in a longer sentence ("is this my first visit?") is not a pick: only in a short answer. */
const POSITION_MAX_WORDS: Record<'list' | 'menu', number> = { list: 8, menu: 4 };
const LAST = new Set(['last', 'ultimo', 'ultima', 'final']);
const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6 };
/** "number 3", "option 2", "#3", "opción 2", "la 2". */
const NUMBERED = /^(?:(?:the|la|el|number|option|no|num|numero|opcion|choice|item|#)\s*)*(\d{1,2}|one|two|three|four|five|six|uno|una|dos|tres|cuatro|cinco|seis)(?:\s+(?:one|please|por favor|pls|porfa))?$/;
/** Words that say nothing about which item. */
const FILLERS = new Set([
  'the', 'one', 'ones', 'that', 'this', 'please', 'pls', 'for', 'with', 'and', 'want', 'like', 'take', 'pick', 'choose', 'book', 'its', 'thats', 'option', 'number', 'time',
  'para', 'con', 'por', 'favor', 'una', 'uno', 'ese', 'esa', 'esta', 'este', 'las', 'los', 'del', 'quiero', 'opcion', 'numero', 'hora', 'porfa',
  'visit', 'appointment', 'appt', 'cita', 'consulta', 'dra', 'can', 'you', 'will', 'ill', 'mine', 'eso',
]);

type SaidTime = { hour: number; minute: number | null; half: 'am' | 'pm' | null };

/** Words said before an hour that make a number a time ("at 2", "la de las 3", "the 330"). */
const HOUR_BEFORE = '(a las|las|la de las|el de las|at|@|a la|around|about|the)';
/** "y media" / "and a half" / "thirty": the minutes said in words after the hour. */
const MINUTE_WORDS: Array<[RegExp, number]> = [
  [/^\s*(?:y|and a|n a)\s+(?:media|half)\b/, 30],
  [/^\s*y\s+cuarto\b/, 15],
  [/^\s*(?:y|and)\s+(?:30|treinta)\b/, 30],
  [/^\s*(?:thirty|treinta)\b/, 30],
  [/^\s*(?:fifteen|quince)\b/, 15],
  [/^\s*(?:forty five|cuarenta y cinco)\b/, 45],
  [/^\s*(?:o ?clock|en punto)\b/, 0],
];

/**
 * A time of day in the answer as members type it: "2pm", "3:30", "10 am", "a las 3", "at 2",
 * "2 p.m.", "15:00", and without the colon ("330", "330pm", "10.30", "1030am"), with the minutes
 * in words ("las 3 y media", "half past 2", "2 thirty", "the 2 o'clock").
 */
function timesSaid(text: string): SaidTime[] {
  // "10.30" is "10:30"; other dots go ("p.m." is "pm"); "o'clock" is one word.
  const lower = text.toLowerCase().replace(/\b(\d{1,2})\.(\d{2})\b/g, '$1:$2').replace(/\./g, '').replace(/[\u2019']/g, ' ');
  const found: SaidTime[] = [];
  const pattern = new RegExp(`(?:\\b${HOUR_BEFORE}\\s*)?\\b(?:(half past|half after)\\s+)?(\\d{1,2})(?::(\\d{2})|(\\d{2}))?\\s*(am|pm|a m|p m)?\\b`, 'g');
  for (const m of lower.matchAll(pattern)) {
    const hour = Number(m[3]);
    const rest = lower.slice((m.index ?? 0) + m[0].length);
    const inWords = m[2] ? 30 : (MINUTE_WORDS.find(([words]) => words.test(rest))?.[1] ?? null);
    const compact = m[5] !== undefined;
    const minute = m[4] ? Number(m[4]) : compact ? Number(m[5]) : inWords;
    const half = m[6] ? (m[6].startsWith('a') ? 'am' : 'pm') : null;
    // A bare number is a time only when said as one ("at 2", "las 3", "the 330") or with minutes
    // or am/pm; "330" alone is a time too (no list is that long), "2" alone is a place in the list.
    const alone = compact && lower.trim() === m[0].trim();
    if (!m[1] && !m[2] && minute === null && !half) continue;
    if (compact && !m[1] && !half && !alone) continue;
    // "the 2" is the second item; "the 2 o'clock", "the 2pm" and "the 330" are times.
    if (m[1] === 'the' && minute === null && !half) continue;
    if (hour > 23 || (minute !== null && minute > 59)) continue;
    found.push({ hour, minute, half });
  }
  return found;
}

function fitsTime(at: string | undefined, said: SaidTime, exactMinute: boolean): boolean {
  if (!at) return false;
  const [hour, minute] = at.split(':').map(Number) as [number, number];
  const hours = said.half === 'pm' ? [said.hour % 12 + 12] : said.half === 'am' ? [said.hour % 12] : said.hour > 12 ? [said.hour] : [said.hour, (said.hour % 12) + 12];
  if (!hours.includes(hour)) return false;
  if (said.minute !== null) return minute === said.minute;
  return exactMinute ? minute === 0 : true;
}

/** The place in the list the answer names (1-based; -1 the last), or null. */
function position(folded: string, raw: string, maxWords: number): number | null {
  if (folded.split(' ').length > maxWords) return null;
  const hash = /#\s*(\d{1,2})\b/.exec(raw);
  if (hash) return Number(hash[1]);
  const numbered = NUMBERED.exec(folded);
  if (numbered) return NUMBER_WORDS[numbered[1]!] ?? Number(numbered[1]);
  // An ordinal names a place when it is the answer ("second", "la primera") or is said as one ("the
  // first one", "the 2nd option", "la segunda cita"); as an adverb ("can i check my refills first")
  // it is not.
  const words = folded.split(' ');
  for (const [i, word] of words.entries()) {
    const place = ORDINALS[word] ?? (LAST.has(word) ? -1 : undefined);
    if (place === undefined) continue;
    if (words.length === 1 || ORDINAL_BEFORE.has(words[i - 1] ?? '') || ORDINAL_AFTER.has(words[i + 1] ?? '')) return place;
  }
  return null;
}

/** Words before a list number said with more words ("la 3 con la dra chen", "number 2, the 9am", "opción 1: video"). */
const NUMBER_BEFORE = /^\s*(?:(?:the|la|el|number|option|opci[oó]n|n[uú]mero|num|choice|item)\b\.?\s*)*/iu;

/** The list number an answer opens with when more words follow ("la 3 con la dra chen"); not a time ("2 pm", "3 y media"). */
function numberWithWords(text: string, count: number): number | null {
  return leadingNumber(text.replace(NUMBER_BEFORE, ''), count)?.place ?? null;
}

/** Words for the earliest of a list of times anywhere in a short answer ("the earliest", "soonest"). */
const EARLIEST = /\b(?:earliest|soonest|(?:la|el|lo) mas (?:pronto|temprano|temprana))\b/;
/** "next" or "próxima" names the earliest when said alone or as an item ("the next one", "la próxima cita"), not "next week". */
const NEXT = new Set(['next', 'upcoming', 'proxima', 'proximo']);
const NEXT_AFTER = new Set(['available', 'open', 'disponible', 'libre']);

/** Whether a short answer asks for the earliest item of a list of times ("the next one", "la próxima"). */
function saysEarliest(folded: string, maxWords: number): boolean {
  const words = folded.split(' ');
  if (words.length > maxWords) return false;
  if (EARLIEST.test(folded)) return true;
  return words.some((word, i) => NEXT.has(word) && (i === words.length - 1 || ORDINAL_AFTER.has(words[i + 1]!) || NEXT_AFTER.has(words[i + 1]!)));
}

/** Words before an ordinal that make it a place in the list ("the first", "la primera", "el último"). */
const ORDINAL_BEFORE = new Set(['the', 'la', 'el', 'lo', 'my', 'mi', 'that', 'esa', 'ese', 'number', 'numero', 'its', 'thats']);
/** Words after an ordinal that make it a place in the list ("first one", "second option", "primera cita"). */
const ORDINAL_AFTER = new Set(['one', 'ones', 'option', 'choice', 'item', 'time', 'slot', 'appointment', 'appt', 'visit', 'opcion', 'cita', 'hora', 'consulta', 'please', 'pls', 'por', 'porfa', 'available', 'disponible']);

/**
 * An item's words: those of its title and its one-word descriptions; a description of several words
 * ("check up", "follow up visit") counts only as a whole phrase, so "can i check my refills" does not
 * pick the check-up.
 */
function vocabulary(item: ListItem): { words: Set<string>; phrases: string[] } {
  const title = fold(item.title);
  const described = (item.words ?? []).map(fold).filter(Boolean);
  const words = new Set([...title.split(' '), ...described.filter((p) => !p.includes(' '))].filter(Boolean));
  return { words, phrases: described.filter((p) => p.includes(' ')) };
}

/**
 * A long word is matched across its English and Spanish spellings and a slip of typing
 * ("omeprazol" is the list's "Omeprazole", "cetirizina" its "Cetirizine", "metfromin" its
 * "Metformin"); a short one only as it is ("chen" is not "chan").
 */
const LONG_WORD = 7;

function has(words: ReadonlySet<string>, said: string): boolean {
  if (words.has(said)) return true;
  if (said.length < LONG_WORD) return false;
  for (const word of words) if (word.length >= LONG_WORD && sameWord(said, word)) return true;
  return false;
}

/** The items the answer's descriptive words fit best; null when it has none that tell items apart. */
function byWords(folded: string, items: readonly ListItem[]): ListItem[] | null {
  const vocab = items.map(vocabulary);
  const said = [...new Set(folded.split(' '))].filter((w) => w.length >= 3 && !FILLERS.has(w) && !/^\d/.test(w) && !ORDINALS[w] && !LAST.has(w));
  // Only words that tell items apart count ("video" when every visit is by video says nothing).
  const telling = said.filter((w) => {
    const having = vocab.filter((v) => has(v.words, w)).length;
    return having > 0 && having < items.length;
  });
  const phrases = [...new Set(vocab.flatMap((v) => v.phrases))].filter((p) => containsPhrase(folded, p) && vocab.some((v) => !v.phrases.includes(p)));
  if (!telling.length && !phrases.length) return null;
  const scores = vocab.map((v) => telling.filter((w) => has(v.words, w)).length + 2 * phrases.filter((p) => v.phrases.includes(p)).length);
  const best = Math.max(...scores);
  return best > 0 ? items.filter((_, i) => scores[i] === best) : null;
}

export function recognizePick(text: string, items: readonly ListItem[], scope: PickScope = {}): ListPick {
  const folded = fold(text);
  if (!folded || !items.length) return null;
  const same = items.filter((item) => fold(item.title) === folded);
  if (same.length === 1) return { kind: 'one', id: same[0]!.id };
  const among = scope.among ? items.filter((i) => scope.among!.includes(i.id)) : items;
  let fitting: readonly ListItem[] = among;
  let named = false;
  let byDay = false;
  if (!scope.positionsOnly) {
    const times = timesSaid(text);
    if (times.length) {
      const exact = fitting.filter((i) => times.some((t) => fitsTime(i.at, t, true)));
      fitting = exact.length ? exact : fitting.filter((i) => times.some((t) => fitsTime(i.at, t, false)));
      if (!fitting.length) return null;
      named = true;
    }
    // "la del viernes 11", "the one on the 18th": the items on that day (a number no item's day is
    // read as before: "the 3 one" may be a time).
    const onDay = fitting.some((i) => i.day) ? dayOfMonthSaid(text, items.length) : null;
    const onThatDay = onDay === null ? [] : fitting.filter((i) => i.day === onDay);
    if (onThatDay.length) {
      fitting = onThatDay;
      named = byDay = true;
    }
    const described = byWords(folded, fitting);
    if (described) {
      fitting = described;
      named = true;
    }
  }
  // A list of times: "the next one", "the earliest", "la próxima" is the one that starts first (of those named).
  if (!scope.positionsOnly && fitting.every((i) => i.startsAt) && saysEarliest(folded, POSITION_MAX_WORDS.list)) {
    const first = [...fitting].sort((a, b) => Date.parse(a.startsAt!) - Date.parse(b.startsAt!))[0]!;
    return { kind: 'one', id: first.id };
  }
  const said = (named && /^\d+$/.test(folded)) || byDay ? null : position(folded, text, POSITION_MAX_WORDS[scope.positionsOnly ? 'menu' : 'list']);
  // "la 3 con la dra chen": a number with words that name items too.
  const place = said ?? (named ? numberWithWords(text, items.length) : null);
  const last = fitting[fitting.length - 1];
  if (place === -1) return last ? { kind: 'one', id: last.id } : null;
  if (place !== null) return numbered(items[place - 1], named ? fitting : null, items);
  if (!named || fitting.length === among.length) return fitting.length === 1 && named ? { kind: 'one', id: fitting[0]!.id } : null;
  return fitting.length === 1 ? { kind: 'one', id: fitting[0]!.id } : { kind: 'several', ids: fitting.map((i) => i.id) };
}

/**
 * A number is the item with that number in the list as it was shown first, never its place among
 * the items the other words name. With words that agree ("la 3 con la dra chen", option 3 being
 * Dr. Chen's) it is that item; with words that name others ("the 2nd with chen", option 2 being Dr.
 * Haddad's) the member is asked which: that item and the ones the words name, each keeping its number.
 */
function numbered(item: ListItem | undefined, fitting: readonly ListItem[] | null, items: readonly ListItem[]): ListPick {
  if (!item) return null;
  if (!fitting || fitting.includes(item)) return { kind: 'one', id: item.id };
  return { kind: 'several', ids: items.filter((i) => i === item || fitting.includes(i)).map((i) => i.id) };
}
