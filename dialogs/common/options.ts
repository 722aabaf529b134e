import type { Choice } from '../../channels/reply';
import type { ResponseCatalog } from '../../common/responses';
import { LOCALES, type Locale } from '../../intents/types';

/** Rewrites text-message shorthand in folded words ("appt" → "appointment"); the same for every language. */
export type ShorthandWords = (words: readonly string[]) => string[];

/** Finds a medicine's name in a message (folded), for concepts that speak of "a medicine". */
export interface MedicineNameFinder {
  nameIn(text: string): string | null;
}
import { conceptMatch, type PhraseBook } from '../phrases';
import { QUESTIONS, type QuestionKey } from '../questions';
import { negatedWords } from './negatedWords';
import { containsPhrase, fold } from './text';

export type MatchMode = 'exact' | 'contains';

/** Shortest synonym used to pre-fill an answer from a member's opening sentence ("me" is too short). */
const PREFILL_MIN_LENGTH = 4;
/** A concept that matches outranks any plain phrase (a sub-topic named in other words). */
const CONCEPT_BONUS = 1000;
/** A short answer ("y el telefono?", "whats the number") may pick an option by one word of its title. */
const TITLE_WORD_MAX_WORDS = 4;
/** Title words shorter than this ("my", "de", "us") name no option. */
const TITLE_WORD_MIN_LENGTH = 4;

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
    /**
     * Members on Teams and SMS write "cancel my appt", "a q hora es mi cita": matched as "cancel my
     * appointment", "a que hora es mi cita" too; one reading per language's shorthand ("k" is "okay"
     * in English, "que" in Spanish).
     */
    private readonly shorthand: readonly ShorthandWords[] = [],
    /**
     * A medicine named by its name ("is my lisinopril ready", "mi plan cubre ozempic") is read as
     * the phrase book's `medicineWords` by the concepts (not by plain phrases, nor exact answers).
     */
    private readonly medicines?: MedicineNameFinder,
  ) {}

  /** The folded message, and the same with its shorthand written out when that differs. */
  readings(text: string): string[] {
    return this.variants(text);
  }

  private variants(text: string): string[] {
    const folded = fold(text);
    if (!folded) return [];
    const expanded = this.shorthand.map((expand) => expand(folded.split(' ')).join(' '));
    return [...new Set([folded, ...expanded])];
  }

  /** The variants, then each with the medicine it names written as a medicine word: what concepts read. */
  private conceptVariants(text: string): string[] {
    const variants = this.variants(text);
    const name = this.medicines?.nameIn(text);
    if (!name) return variants;
    const named = variants.filter((v) => containsPhrase(v, name));
    return [...variants, ...named.flatMap((v) => this.phrases.medicineWords.map((word) => ` ${v} `.replace(` ${name} `, ` ${word} `).trim()))];
  }

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
    const variants = this.variants(text);
    if (!variants.length) return null;
    const exact = ids.filter((id) => variants.some((v) => this.phrasesOf(question, id).includes(v)));
    if (exact.length === 1) return exact[0]!;
    if (exact.length > 1 || mode === 'exact') return null;
    return this.best(variants, question, ids, 1, this.conceptVariants(text));
  }

  /** The one option a whole short answer means in the conversation's language ("y" in English), if any. */
  shortAnswer(text: string, question: QuestionKey, locale: Locale, ids: readonly string[] = QUESTIONS[question]): string | null {
    const meant = ids.filter((id) => this.phrases.isShortAnswer(`${question}.${id}`, locale, text));
    return meant.length === 1 ? meant[0]! : null;
  }

  /**
   * A short answer naming a word that is in exactly one shown option's title (in any locale):
   * "y el telefono?" with "Teléfono de la clínica" on the menu. Only the titles the member saw count.
   */
  titleWord(text: string, question: QuestionKey, ids: readonly string[] = QUESTIONS[question]): string | null {
    const words = fold(text).split(' ').filter((w) => w.length >= TITLE_WORD_MIN_LENGTH);
    if (!words.length || fold(text).split(' ').length > TITLE_WORD_MAX_WORDS) return null;
    const named = ids.filter((id) => {
      const titleWords = new Set(LOCALES.flatMap((locale) => fold(this.title(question, id, locale)).split(' ')));
      return words.some((w) => titleWords.has(w));
    });
    return named.length === 1 ? named[0]! : null;
  }

  /** An option named in a longer sentence ("I need to reschedule my appointment" → reschedule). */
  prefill(text: string, question: QuestionKey, ids: readonly string[] = QUESTIONS[question]): string | null {
    return this.best(this.variants(text), question, ids, PREFILL_MIN_LENGTH, this.conceptVariants(text));
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

  private best(variants: readonly string[], question: QuestionKey, ids: readonly string[], minLength: number, conceptVariants: readonly string[] = variants): string | null {
    let bestId: string | null = null;
    let bestLength = 0;
    let tie = false;
    for (const id of ids) {
      const longest = Math.max(
        0,
        ...variants.flatMap((folded) =>
          this.phrasesOf(question, id)
            .filter((p) => p.length >= minLength && this.affirmed(folded, p))
            .map((p) => p.length),
        ),
        ...conceptVariants.map((folded) => this.conceptScore(folded, question, id)),
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
   * The phrase occurs in the (folded) message at least once without a negator right before it:
   * "my knee is sore, not urgent" / "no es urgente" names no urgent visit. A bare acknowledgement
   * ("ok", "okay", "está bien") said of how things are ("no, that's ok", "nah it's okay", "así
   * está bien") is no assent: it says there is no need, so it never answers yes to an offer.
   */
  private affirmed(folded: string, phrase: string): boolean {
    if (!containsPhrase(folded, phrase)) return false;
    const negators = this.phrases.shortAnswerWords('option.negator');
    const stated = this.phrases.shortAnswerWords('ack.bare').includes(phrase) ? this.phrases.shortAnswerWords('ack.stateLeadIn') : [];
    const padded = ` ${folded} `;
    for (let at = padded.indexOf(` ${phrase} `); at >= 0; at = padded.indexOf(` ${phrase} `, at + 1)) {
      const before = padded.slice(0, at + 1);
      if (!negators.some((n) => before.endsWith(` ${n} `)) && !stated.some((s) => before.endsWith(` ${s} `))) return true;
    }
    return false;
  }

  /**
   * The member says no to the option ("no, nada de video" to "Book a video visit", "not by phone",
   * "no quiero cita"): a word of its title (in any language) is said only right after a negator
   * (dialogs/common/negatedWords.ts). Never for an option that is itself a no ("No, change it").
   */
  negated(text: string, question: QuestionKey, id: string): boolean {
    const negators = this.phrases.shortAnswerWords('option.negator');
    const own = this.phrasesOf(question, id);
    if (own.some((p) => p.split(' ')[0] === 'no' || negators.some((n) => containsPhrase(p, n)))) return false;
    const said = negatedWords(text, negators);
    if (!said.size) return false;
    return LOCALES.some((locale) =>
      fold(this.title(question, id, locale))
        .split(' ')
        .some((word) => word.length >= TITLE_WORD_MIN_LENGTH && said.has(word)),
    );
  }

  /**
   * The option whose concept (a word set: "update|change + insurance") a message names, if exactly
   * one does: how a first message reaches a sub-topic whatever its wording.
   */
  concept(text: string, question: QuestionKey, ids: readonly string[] = QUESTIONS[question]): { id: string; score: number } | null {
    const variants = this.conceptVariants(text);
    const scored = ids
      .map((id) => ({ id, score: Math.max(0, ...variants.map((folded) => this.conceptScore(folded, question, id))) }))
      .filter((s) => s.score > 0);
    scored.sort((a, b) => b.score - a.score);
    if (!scored.length || (scored[1] && scored[1].score === scored[0]!.score)) return null;
    return scored[0]!;
  }

  /** How well the option's concepts cover the message; above any plain phrase's length when one matches. */
  private conceptScore(folded: string, question: QuestionKey, id: string): number {
    const covered = Math.max(0, ...this.phrases.conceptsOf(`${question}.${id}`).map((c) => conceptMatch(folded, c)));
    return covered ? CONCEPT_BONUS + covered : 0;
  }

  /** An option's titles (every locale) and synonyms, folded: words that describe an item of a list. */
  optionPhrases(question: QuestionKey, id: string): readonly string[] {
    return this.phrasesOf(question, id);
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
