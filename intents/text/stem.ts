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

/** Stems already computed, per language (cleared when full, like TypoCorrector's cache). */
const STEM_CACHE_SIZE = 20_000;
const stemsEn = new Map<string, string>();
const stemsEs = new Map<string, string>();

/**
 * Porter stemmer for English, Snowball-style Porter stemmer for Spanish (from natural). Both are
 * pure functions of the word, run on every word of every message (model features), and members
 * use a few hundred words: each language's stems are remembered by word.
 */
export function stem(token: string, locale: Locale): string {
  // Numbers and one-letter tokens are left alone; the stemmers are not meant for them.
  if (token.length < 3 || /^\d+$/.test(token)) return token;
  const spanish = locale === 'es';
  const cache = spanish ? stemsEs : stemsEn;
  let stemmed = cache.get(token);
  if (stemmed === undefined) {
    stemmed = spanish ? PorterStemmerEs.stem(token) : PorterStemmer.stem(token);
    if (cache.size >= STEM_CACHE_SIZE) cache.clear();
    cache.set(token, stemmed);
  }
  return stemmed;
}
