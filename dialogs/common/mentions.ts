import { fold } from './text';

/**
 * Which of the member's own records a message names: "my metformin", "the albuterol", "my visit
 * with Dr. Chen". The message's words are matched against the words of each record's names (the
 * medicine, the clinician, the description), tolerating case, accents and a typing mistake or two
 * in a long word ("metfromin"); only words that tell records apart count, so "refill my tablet"
 * names none of several tablets. Plain TypeScript: the dialogs pass the member's own list.
 */

/** Words that say nothing about which record (function words, dosage forms and units). */
const GENERIC = new Set([
  'the', 'and', 'for', 'with', 'from', 'that', 'this', 'your', 'mine', 'please', 'about', 'why', 'what', 'where', 'when', 'which',
  'tablet', 'tablets', 'capsule', 'capsules', 'pill', 'pills', 'oral', 'solution', 'suspension', 'extended', 'release', 'delayed',
  'dose', 'doses', 'medicine', 'medication', 'medications', 'prescription', 'prescriptions', 'refill', 'refills', 'visit', 'visits',
  'appointment', 'appointments', 'care', 'doctor', 'clinic', 'para', 'con', 'por', 'una', 'uno', 'las', 'los', 'mis', 'del', 'que',
  'receta', 'recetas', 'cita', 'citas', 'visita', 'medicamento', 'medicamentos', 'pastilla', 'pastillas', 'tableta', 'tabletas',
]);

/** Everyday words a message about a prescription uses that are no medicine's name. */
const EVERYDAY = new Set([
  'can', 'you', 'need', 'want', 'get', 'got', 'has', 'have', 'had', 'how', 'still', 'not', 'yet', 'been', 'its', 'did', 'does',
  'will', 'would', 'could', 'should', 'there', 'here', 'today', 'now', 'new', 'more', 'some', 'any', 'again', 'help', 'check',
  'know', 'tell', 'see', 'show', 'ready', 'pick', 'waiting', 'approved', 'approval', 'drug', 'drugs', 'taking', 'take', 'out',
  'run', 'ran', 'running', 'almost', 'just', 'long', 'taking', 'why', 'isnt', 'wasnt', 'hasnt', 'havent', 'dont', 'doesnt',
  'filled', 'refilled', 'renew', 'renewed', 'order', 'ordered', 'send', 'sent', 'mail', 'approve', 'doctors', 'next', 'last',
  'esta', 'estan', 'sigue', 'siguen', 'necesito', 'quiero', 'puedo', 'como', 'cuando', 'donde', 'porque', 'todavia', 'aun',
  'lista', 'listo', 'surtir', 'surtido', 'pendiente', 'pendientes', 'nueva', 'nuevo', 'otra', 'otro', 'favor',
]);

const MIN_WORD = 3;

/** The words of a name that can tell it apart: letters only, long enough, not generic. */
export function nameWords(name: string): string[] {
  return [...new Set(fold(name).split(' ').filter((w) => w.length >= MIN_WORD && /^\p{L}+$/u.test(w) && !GENERIC.has(w)))];
}

/** Typing mistakes tolerated in a word of this length (none in short words: "chen" is not "chan"). */
function tolerance(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

/** Edit distance with transpositions (optimal string alignment), stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** True when the member's word is the name's word, perhaps mistyped. */
export function sameWord(typed: string, word: string): boolean {
  if (typed === word) return true;
  const allowed = tolerance(Math.min(typed.length, word.length));
  return allowed > 0 && editDistance(typed, word, allowed) <= allowed;
}

/**
 * The items the message names best: each item scores the words of its names the message has; the
 * items with the highest score (none when no word matched). One item: the member named it.
 */
export function named<T>(text: string, items: readonly T[], names: (item: T) => readonly (string | undefined)[]): T[] {
  const typed = nameWords(text);
  if (!typed.length) return [];
  const scored = items.map((item) => {
    const words = names(item).flatMap((n) => (n ? nameWords(n) : []));
    return { item, score: words.filter((w) => typed.some((t) => sameWord(t, w))).length };
  });
  const top = Math.max(0, ...scored.map((s) => s.score));
  return top ? scored.filter((s) => s.score === top).map((s) => s.item) : [];
}

/**
 * Words of the message that may name a medicine the assistant cannot check yet (the member is not
 * signed in): what is left once the words of the question itself are set aside. Kept only to
 * find the prescription after sign-in.
 */
export function candidateWords(text: string, known: (word: string) => boolean): string[] {
  return nameWords(text)
    .filter((w) => !EVERYDAY.has(w) && !known(w))
    .slice(0, 3);
}
