import type { LocaleDetector } from '../locale/detect-locale';
import { normalizeChars } from '../text/normalize';
import type { ShorthandExpander } from '../text/shorthand';
import { stem, tokenize } from '../text/stem';
import { TypoCorrector } from '../text/typo-corrector';
import type { Locale } from '../types';
import type { ModelConfig } from './config';
import type { Gazetteer } from './gazetteer';

/**
 * Turns a message into sparse binary features: normalized words ("w:refill"), stems from the
 * message language's Porter stemmer ("s:refil"), stem bigrams ("b:not_work") and character
 * n-grams inside words ("c:#ref"), plus word classes from the gazetteer ("g:medication"). Words are first expanded (shorthand) and typo-corrected
 * toward the training vocabulary, so "perscription" and "prescription" share features.
 * Stop-words are kept: "not", "can't" and "never" carry meaning here.
 */
export class FeatureExtractor {
  private readonly corrector: TypoCorrector;

  constructor(
    private readonly config: ModelConfig['features'],
    private readonly shorthand: ShorthandExpander,
    private readonly localeDetector: LocaleDetector,
    private readonly gazetteer: Gazetteer,
    /** Words of the training set: the typo corrector's targets and known words. */
    vocabulary: Iterable<string>,
  ) {
    const words = new Set(vocabulary);
    for (const w of shorthand.words()) words.add(w);
    // A gazetteer word the training lines never used ("geico", "metoprolol") is a real word:
    // without this it could be "corrected" into a training word and lose its class.
    for (const w of gazetteer.words()) if (w.length > 1) words.add(w);
    // A mistyped medicine name ("glucophaje") is corrected toward the medicine names too, so it
    // keeps its class even when no training line used that medicine.
    const targets = new Set(vocabulary);
    for (const w of gazetteer.wordsOf('medication')) if (w.length >= 6) targets.add(w);
    this.corrector = new TypoCorrector(targets, words, { minLength: 4, twoEditsFrom: 8 });
  }

  /** Normalized, expanded and corrected tokens of a message. */
  tokens(text: string, locale: Locale): string[] {
    const head = text.length > this.config.maxChars ? text.slice(0, this.config.maxChars) : text;
    return this.shorthand.expand(tokenize(normalizeChars(head)), locale).map((t) => this.corrector.correct(t));
  }

  locale(text: string, hint?: Locale): Locale {
    return this.localeDetector.detect(text, hint);
  }

  extract(text: string, locale: Locale): string[] {
    const tokens = this.tokens(text, locale);
    const out = new Set<string>();
    const stems = tokens.map((t) => stem(t, locale));
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (this.config.words) out.add(`w:${token}`);
      if (this.config.stems) out.add(`s:${stems[i]}`);
      if (this.config.bigrams && i + 1 < tokens.length) out.add(`b:${stems[i]}_${stems[i + 1]}`);
      const n = this.config.charNgrams;
      if (n > 0 && token.length >= n - 1) {
        const padded = `#${token}#`;
        for (let j = 0; j + n <= padded.length; j++) out.add(`c:${padded.slice(j, j + n)}`);
      }
    }
    if (this.config.gazetteer) for (const cls of this.gazetteer.classes(tokens)) out.add(`g:${cls}`);
    return [...out];
  }
}

/** Raw words of a training set, for the typo corrector (computed before correction). */
export function trainingVocabulary(shorthand: ShorthandExpander, texts: ReadonlyArray<{ text: string; locale: Locale }>): string[] {
  const words = new Set<string>();
  for (const { text, locale } of texts) for (const t of shorthand.expand(tokenize(normalizeChars(text)), locale)) words.add(t);
  return [...words].sort();
}
