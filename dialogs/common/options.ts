import type { Choice } from '../../bot/channels/reply';
import type { ResponseCatalog } from '../../common/responses';
import { LOCALES, type Locale } from '../../intents/types';
import type { PhraseBook } from '../phrases';
import { QUESTIONS, type QuestionKey } from '../questions';
import { containsPhrase, fold } from './text';

export type MatchMode = 'exact' | 'contains';

/** Shortest synonym used to pre-fill an answer from a member's opening sentence ("me" is too short). */
const PREFILL_MIN_LENGTH = 4;

/**
 * Turns closed questions into choices and what a member typed back into an option id. A typed
 * answer matches an option when it is the option's title (in any locale) or one of its synonyms;
 * in `contains` mode also when exactly one option's phrase occurs in it (the longest phrase wins).
 */
export class OptionMatcher {
  /** Folded titles and synonyms per option, computed once. */
  private readonly cache = new Map<string, string[]>();

  constructor(
    private readonly catalog: ResponseCatalog,
    private readonly phrases: PhraseBook,
  ) {}

  /** `options.<question>.<id>`; the topics menu reuses the welcome's `topics.<id>`. */
  titleKey(question: QuestionKey, id: string): string {
    return question === 'topics' ? `topics.${id}` : `options.${question}.${id}`;
  }

  title(question: QuestionKey, id: string, locale: Locale): string {
    return this.catalog.text(locale, this.titleKey(question, id));
  }

  /** The options as choices; the value is the title, so a pick reads naturally in transcripts. */
  choices(question: QuestionKey, locale: Locale, ids: readonly string[] = QUESTIONS[question]): Choice[] {
    return ids.map((id) => {
      const title = this.title(question, id, locale);
      return { title, value: title };
    });
  }

  match(text: string, question: QuestionKey, mode: MatchMode = 'contains', ids: readonly string[] = QUESTIONS[question]): string | null {
    const folded = fold(text);
    if (!folded) return null;
    const exact = ids.filter((id) => this.phrasesOf(question, id).includes(folded));
    if (exact.length === 1) return exact[0]!;
    if (exact.length > 1 || mode === 'exact') return null;
    return this.best(folded, question, ids, 1);
  }

  /** An option named in a longer sentence ("I need to reschedule my appointment" → reschedule). */
  prefill(text: string, question: QuestionKey, ids: readonly string[] = QUESTIONS[question]): string | null {
    return this.best(fold(text), question, ids, PREFILL_MIN_LENGTH);
  }

  private best(folded: string, question: QuestionKey, ids: readonly string[], minLength: number): string | null {
    let bestId: string | null = null;
    let bestLength = 0;
    let tie = false;
    for (const id of ids) {
      const longest = Math.max(
        0,
        ...this.phrasesOf(question, id)
          .filter((p) => p.length >= minLength && containsPhrase(folded, p))
          .map((p) => p.length),
      );
      if (longest > bestLength) {
        bestId = id;
        bestLength = longest;
        tie = false;
      } else if (longest && longest === bestLength) tie = true;
    }
    return tie ? null : bestId;
  }

  private phrasesOf(question: QuestionKey, id: string): string[] {
    const key = `${question}.${id}`;
    let phrases = this.cache.get(key);
    if (!phrases) {
      const titles = LOCALES.map((locale) => fold(this.catalog.text(locale, this.titleKey(question, id))));
      phrases = [...new Set([...titles, ...this.phrases.synonyms(key)])];
      this.cache.set(key, phrases);
    }
    return phrases;
  }
}
