import path from 'node:path';
import { z } from 'zod';
import { readJsonFile } from '../data-files';
import { DATA_DIR } from '../paths';
import { countSpanishMarks, normalizeChars } from '../text/normalize';
import type { Locale } from '../types';

const wordList = z.array(z.string().regex(/^[a-z0-9]+$/, 'words must be normalized: a-z and 0-9 only')).min(1);

export const localeWordsSchema = z.object({
  $comment: z.string().optional(),
  /** Weight of one Spanish word against one English word (code-switching favours Spanish). */
  spanishWeight: z.number().positive(),
  /** Weight of each Spanish-only character (ñ, accents, ¿ ¡) in the raw text. */
  spanishMarkWeight: z.number().min(0),
  en: wordList,
  es: wordList,
});
export type LocaleWords = z.output<typeof localeWordsSchema>;

/** Words drawn from the training lines by scripts/build-locale-words.ts (npm run build:locale-words). */
export const corpusWordsSchema = z.object({
  $comment: z.string().optional(),
  en: wordList,
  es: wordList,
});
export type CorpusWords = z.output<typeof corpusWordsSchema>;

export const LOCALE_WORDS_FILE = path.join(DATA_DIR, 'locale', 'words.json');
export const CORPUS_WORDS_FILE = path.join(DATA_DIR, 'locale', 'corpus-words.json');

/**
 * Per-message language identification between English and Spanish by word evidence. Each
 * word found only in one list counts for that language (Spanish words weigh more, because
 * Spanish speakers borrow English nouns — "necesito un refill" — far more than the reverse);
 * Spanish-only characters in the raw text add to Spanish. A tie (no evidence: "ok", "911",
 * emoji) follows the hint, the conversation's language so far, else English. The word lists
 * are the hand-kept ones (words.json: text-speak, short words) and, when given, those drawn from
 * the training lines (corpus-words.json); a word in both languages' lists is ignored.
 */
export class LocaleDetector {
  private readonly en: ReadonlySet<string>;
  private readonly es: ReadonlySet<string>;

  constructor(
    private readonly words: LocaleWords,
    corpus?: CorpusWords,
  ) {
    const en = new Set([...words.en, ...(corpus?.en ?? [])]);
    const es = new Set([...words.es, ...(corpus?.es ?? [])]);
    for (const w of [...en]) {
      if (!es.has(w)) continue;
      en.delete(w);
      es.delete(w);
    }
    this.en = en;
    this.es = es;
  }

  /** Evidence for each language: positive favours Spanish, negative English. */
  score(text: string): number {
    if (typeof text !== 'string' || text.length === 0) return 0;
    // Long messages: the first 2 000 characters are plenty to tell the language.
    const head = text.length > 2000 ? text.slice(0, 2000) : text;
    let score = countSpanishMarks(head) * this.words.spanishMarkWeight;
    for (const token of normalizeChars(head).split(' ')) {
      if (this.es.has(token)) score += this.words.spanishWeight;
      else if (this.en.has(token)) score -= 1;
    }
    return score;
  }

  detect(text: string, hint?: Locale): Locale {
    const score = this.score(text);
    if (score > 0) return 'es';
    if (score < 0) return 'en';
    return hint ?? 'en';
  }
}

let defaultDetector: LocaleDetector | undefined;

/** The detector over intents/data/locale/words.json and corpus-words.json (loaded on first use). */
export function defaultLocaleDetector(): LocaleDetector {
  defaultDetector ??= new LocaleDetector(readJsonFile(LOCALE_WORDS_FILE, localeWordsSchema), readJsonFile(CORPUS_WORDS_FILE, corpusWordsSchema));
  return defaultDetector;
}

/** Locale of one message; short ambiguous messages ("ok", "911") follow `hint`. */
export function detectLocale(text: string, hint?: Locale): Locale {
  return defaultLocaleDetector().detect(text, hint);
}
