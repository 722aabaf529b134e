import type { Choice } from '../../channels/reply';
import type { ResponseCatalog } from '../../common/responses';
import { LOCALES, type Locale } from '../../intents/types';
import { conceptMatch, type PhraseBook } from '../phrases';
import { QUESTIONS, type QuestionKey } from '../questions';
import { containsPhrase, fold } from './text';

export type MatchMode = 'exact' | 'contains';

/** Shortest synonym used to pre-fill an answer from a member's opening sentence ("me" is too short). */
const PREFILL_MIN_LENGTH = 4;
/** A concept that matches outranks any plain phrase (a sub-topic named in other words). */
const CONCEPT_BONUS = 1000;

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

  /**
   * The options a message names, in the order it names them ("from video to in person": video,
   * then in person), by the first place one of each option's phrases occurs.
   */
  mentioned(text: string, question: QuestionKey, ids: readonly string[] = QUESTIONS[question]): string[] {
    const padded = ` ${fold(text)} `;
    const found = ids.map((id) => {
      const places = this.phrasesOf(question, id)
        .filter((p) => p.length >= PREFILL_MIN_LENGTH)
        .map((p) => padded.indexOf(` ${p} `))
        .filter((at) => at >= 0);
      return { id, at: places.length ? Math.min(...places) : -1 };
    });
    return found
      .filter((f) => f.at >= 0)
      .sort((a, b) => a.at - b.at)
      .map((f) => f.id);
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
        this.conceptScore(folded, question, id),
      );
      if (longest > bestLength) {
        bestId = id;
        bestLength = longest;
        tie = false;
      } else if (longest && longest === bestLength) tie = true;
    }
    return tie ? null : bestId;
  }

  /**
   * The option whose concept (a word set: "update|change + insurance") a message names, if exactly
   * one does: how a first message reaches a sub-topic whatever its wording.
   */
  concept(text: string, question: QuestionKey, ids: readonly string[] = QUESTIONS[question]): { id: string; score: number } | null {
    const folded = fold(text);
    const scored = ids.map((id) => ({ id, score: this.conceptScore(folded, question, id) })).filter((s) => s.score > 0);
    scored.sort((a, b) => b.score - a.score);
    if (!scored.length || (scored[1] && scored[1].score === scored[0]!.score)) return null;
    return scored[0]!;
  }

  /** How well the option's concepts cover the message; above any plain phrase's length when one matches. */
  private conceptScore(folded: string, question: QuestionKey, id: string): number {
    const covered = Math.max(0, ...this.phrases.conceptsOf(`${question}.${id}`).map((c) => conceptMatch(folded, c)));
    return covered ? CONCEPT_BONUS + covered : 0;
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
