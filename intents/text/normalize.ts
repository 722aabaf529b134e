/**
 * Character-level normalization shared by the emergency detector, locale detection and the
 * local model. Deterministic and linear in the input length.
 *
 * - Unicode NFKD, combining marks removed: "contraseña" → "contrasena", "médico" → "medico"
 *   (members often type Spanish without accents, so both spellings meet in one form).
 * - Lower case; apostrophes removed inside words: "can't" → "cant", "I'm" → "im", so the
 *   lexicons need one spelling (and "cant", typed without the apostrophe, is the same word).
 *   Negations are kept: nothing here drops "not", "never" or "cant".
 * - "w/" → "with", "w/o" → "without"; digits split by - or . are joined ("9-1-1" → "911").
 * - Runs of three or more identical letters become two ("heeelp" → "heelp", "soooo" → "soo");
 *   the typo corrector can take it from there.
 * - Anything else that is not a letter or a digit (punctuation, emoji, control characters)
 *   becomes a single space.
 */
export function normalizeChars(raw: string): string {
  if (typeof raw !== 'string' || raw.length === 0) return '';
  let s = raw.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  s = s.replace(/[\u2018\u2019\u02bc\u00b4`]/g, "'");
  s = s.replace(/\bw\/o\b/g, ' without ').replace(/\bw\//g, ' with ');
  s = s.replace(/(\d)[-.](?=\d)/g, '$1');
  s = s.replace(/([a-z])'(?=[a-z])/g, '$1');
  s = s.replace(/([a-z])\1{2,}/g, '$1$1');
  s = s.replace(/[^a-z0-9]+/g, ' ');
  return s.trim();
}

/**
 * Splits a message into sentences (on . ! ? ; and line breaks) before normalization, so the
 * emergency detector can judge each clause in its own context: "I need to pay my bill. My
 * dad has chest pain right now" must not let the billing sentence excuse the second one.
 */
export function splitSentences(raw: string): string[] {
  if (typeof raw !== 'string' || raw.length === 0) return [];
  return raw
    .split(/(?:[.!?;¡¿]+(?=\s|$)|[\r\n]+|[!?;¡¿]+)/u)
    .map(normalizeChars)
    .filter((s) => s.length > 0);
}

/** Characters that only Spanish text has (checked on the raw text, before normalization). */
export function countSpanishMarks(raw: string): number {
  if (typeof raw !== 'string') return 0;
  const m = raw.match(/[ñÑ¿¡áéíóúÁÉÍÓÚü]/g);
  return m ? m.length : 0;
}
