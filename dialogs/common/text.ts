/**
 * Folds what a member typed into a form that is easy to compare: lower case, no accents, no
 * punctuation ("¿Cuándo es mi cita?" → "cuando es mi cita", "I don't know" → "i dont know").
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when `phrase` (folded) occurs in `text` (folded) as whole words. */
export function containsPhrase(text: string, phrase: string): boolean {
  if (!phrase) return false;
  return ` ${text} `.includes(` ${phrase} `);
}

/** Words with at least two letters: how much a message says about its own language. */
export function wordCount(text: string): number {
  return fold(text)
    .split(' ')
    .filter((w) => /\p{L}{2,}/u.test(w)).length;
}
