import { recognizePick, type ListItem, type ListPick } from './listPick';
import { fold } from './text';

/**
 * An answer to a list that sets items aside as well as naming one: "the lab one, not the doctor",
 * "not the video one", "la del doctor, la de laboratorio sí voy" (newcomer run v20). Each clause
 * is read on its own; a clause that refuses an item ("not …", "… no") or says it is kept (the
 * caller's words: "keep", "I'm going to", "sí voy") removes the items it names, and the others
 * named (or, with none named, all the rest) are the pick. Null when no clause sets an item aside,
 * so the plain reading decides.
 */
export function setAsidePick(text: string, items: readonly ListItem[], kept: readonly string[] = []): ListPick {
  const clauses = clausesOf(text);
  const keptWords = kept.map(fold).filter(Boolean);
  const aside = new Set<string>();
  let named: Set<string> | null = null;
  for (const clause of clauses) {
    const refused = refuses(clause);
    const keeps = keptWords.some((k) => ` ${clause} `.includes(` ${k} `));
    const bare = refused || keeps ? strip(clause, keeps ? keptWords : []) : clause;
    const picked = bare ? recognizePick(bare, items) : null;
    const ids = !picked ? [] : picked.kind === 'one' ? [picked.id] : picked.ids;
    if (!ids.length) continue;
    if (refused || keeps) ids.forEach((id) => aside.add(id));
    else named = new Set([...(named ?? []), ...ids]);
  }
  if (!aside.size) return null;
  const left = items.filter((i) => !aside.has(i.id) && (!named || named.has(i.id)));
  if (!left.length || left.length === items.length) return null;
  return left.length === 1 ? { kind: 'one', id: left[0]!.id } : { kind: 'several', ids: left.map((i) => i.id) };
}

/** Words that refuse what follows them ("not the doctor", "no la del doctor", "ni la de ojos"). */
const REFUSE_BEFORE = new Set(['not', 'no', 'nope', 'never', 'dont', 'ni', 'nunca', 'except', 'excepto', 'menos']);
/** Words that refuse what comes before them ("la de laboratorio no", "the lab one no"). */
const REFUSE_AFTER = new Set(['no', 'not', 'nope']);

/** The answer's clauses, folded: split at punctuation, at "but" / "pero" / "sino", and before "not" / "no" inside one. */
function clausesOf(text: string): string[] {
  return text
    .split(/[,;.!?¡¿]+|\b(?:but|pero|sino|rather than|instead of|en vez de|en lugar de)\b/i)
    .flatMap((part) => fold(part).split(/ (?=(?:not|ni) )/))
    .map((c) => c.trim())
    .filter(Boolean);
}

function refuses(clause: string): boolean {
  const words = clause.split(' ');
  return REFUSE_BEFORE.has(words[0]!) || (words.length > 1 && REFUSE_AFTER.has(words.at(-1)!));
}

/** The clause without its refusing or keeping words, to name the items it sets aside. */
function strip(clause: string, kept: readonly string[]): string {
  let rest = ` ${clause} `;
  for (const k of kept) rest = rest.replaceAll(` ${k} `, ' ');
  const words = rest.trim().split(' ').filter(Boolean);
  while (words.length && REFUSE_BEFORE.has(words[0]!)) words.shift();
  while (words.length && REFUSE_AFTER.has(words.at(-1)!)) words.pop();
  return words.join(' ');
}
