import PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer');
import PorterStemmerEs = require('natural/lib/natural/stemmers/porter_stemmer_es');
import AggressiveTokenizer = require('natural/lib/natural/tokenizers/aggressive_tokenizer');
import type { Locale } from '../types';

const tokenizer = new AggressiveTokenizer();

/** Tokenizes normalized text (see normalizeChars) with natural's word tokenizer. */
export function tokenize(normalized: string): string[] {
  if (normalized.length === 0) return [];
  return tokenizer.tokenize(normalized);
}

/** Porter stemmer for English, Snowball-style Porter stemmer for Spanish (from natural). */
export function stem(token: string, locale: Locale): string {
  // Numbers and one-letter tokens are left alone; the stemmers are not meant for them.
  if (token.length < 3 || /^\d+$/.test(token)) return token;
  return locale === 'es' ? PorterStemmerEs.stem(token) : PorterStemmer.stem(token);
}
