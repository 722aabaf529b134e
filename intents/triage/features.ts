import type { LocaleDetector } from '../locale/detect-locale';
import { normalizeChars, splitSentences } from '../text/normalize';
import type { ShorthandExpander } from '../text/shorthand';
import { stem, tokenize } from '../text/stem';
import { TypoCorrector } from '../text/typo-corrector';
import type { Locale } from '../types';
import type { ConceptMatcher } from './concepts';

/** What the triage reads of one sentence: its tokens and the concepts in them. */
export interface SentenceView {
  tokens: string[];
  concepts: string[];
}

/**
 * Turns a message into the triage model's sparse features:
 * - words (`w:`), stems in the message's language (`s:`) and stem bigrams (`b:`);
 * - concepts (`k:body`, `k:death_wish`, intents/data/triage/concepts.json) and every pair of
 *   concepts met in the same sentence (`kk:body+pain`), so the model learns ideas in any order
 *   and wording rather than the sentences it was trained on.
 * Tokens are expanded (text-message shorthand) and typo-corrected toward the training and
 * concept vocabularies first ("cant breth" → "cant breathe").
 */
export class TriageFeatures {
  private readonly corrector: TypoCorrector;

  constructor(
    private readonly concepts: ConceptMatcher,
    private readonly shorthand: ShorthandExpander,
    private readonly localeDetector: LocaleDetector,
    vocabulary: Iterable<string>,
    knownWords: Iterable<string>,
    private readonly maxChars = 4000,
  ) {
    const targets = new Set(vocabulary);
    for (const w of concepts.vocabulary) targets.add(w);
    const known = new Set(knownWords);
    for (const w of targets) known.add(w);
    for (const w of shorthand.words()) known.add(w);
    this.corrector = new TypoCorrector(targets, known, { minLength: 5, twoEditsFrom: 9 });
  }

  locale(text: string, hint?: Locale): Locale {
    return this.localeDetector.detect(text, hint);
  }

  /** The message's sentences, each normalized, expanded, corrected, with its concepts. */
  sentences(text: string, locale: Locale): SentenceView[] {
    const head = text.length > this.maxChars ? text.slice(0, this.maxChars) : text;
    const out: SentenceView[] = [];
    for (const sentence of splitSentences(head)) {
      const tokens = this.shorthand.expand(tokenize(sentence), locale).map((t) => this.corrector.correct(t));
      if (tokens.length > 0) out.push({ tokens, concepts: this.concepts.find(tokens) });
    }
    return out;
  }

  /** Features of a span of sentences (the whole message, or one sentence). */
  extract(sentences: readonly SentenceView[], locale: Locale): string[] {
    const out = new Set<string>();
    for (const { tokens, concepts } of sentences) {
      const stems = tokens.map((t) => stem(t, locale));
      for (let i = 0; i < tokens.length; i++) {
        out.add(`w:${tokens[i]}`);
        out.add(`s:${stems[i]}`);
        if (i + 1 < tokens.length) out.add(`b:${stems[i]}_${stems[i + 1]}`);
      }
      const sorted = [...concepts].sort();
      for (let a = 0; a < sorted.length; a++) {
        out.add(`k:${sorted[a]}`);
        for (let b = a + 1; b < sorted.length; b++) out.add(`kk:${sorted[a]}+${sorted[b]}`);
      }
    }
    if (sentences.length === 0) out.add('empty');
    return [...out];
  }

  /** Raw tokens of a text (before correction), for building the vocabulary. */
  static rawTokens(text: string): string[] {
    return tokenize(normalizeChars(text));
  }
}
