import { fold } from './text';

/**
 * Small words that may stand between a negator and what it says no to: "not BY phone", "no quiero
 * UNA cita", "nothing ABOUT video".
 */
const GAP = new Set(['a', 'an', 'the', 'by', 'via', 'over', 'on', 'in', 'any', 'to', 'about', 'un', 'una', 'uno', 'el', 'la', 'los', 'las', 'por', 'de', 'en', 'con', 'sobre', 'mas']);

/** Said alone, "no" negates only the word right after it, in the same clause ("no video"; never "no, video"). */
const BARE_NO = 'no';

/**
 * The words a message says no to ("no, nada de video" → video; "not by phone" → phone; "sin
 * video" → video): each word right after a negator (`negators`, folded phrases), past the small
 * words between, within one clause (a comma or a full stop ends it: "no, video" says no to nothing).
 * A word also said elsewhere without a negator ("not the video one, video by phone") is not one.
 */
export function negatedWords(text: string, negators: readonly string[]): Set<string> {
  const negated = new Set<string>();
  const said = new Set<string>();
  const phrases = [...negators.map((n) => n.split(' ')), [BARE_NO]].sort((a, b) => b.length - a.length);
  for (const clause of text.split(/[,.;:!?¿¡()\n]+/)) {
    const words = fold(clause).split(' ').filter(Boolean);
    const after = new Set<number>();
    for (let at = 0; at < words.length; at++) {
      const negator = phrases.find((p) => p.every((w, i) => words[at + i] === w));
      if (!negator) continue;
      let next = at + negator.length;
      if (negator.length > 1 || negator[0] !== BARE_NO) while (next < words.length && GAP.has(words[next]!)) next++;
      if (next < words.length) after.add(next);
    }
    words.forEach((word, at) => (after.has(at) ? negated.add(word) : said.add(word)));
  }
  return new Set([...negated].filter((word) => !said.has(word)));
}
