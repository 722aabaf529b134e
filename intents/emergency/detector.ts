import { type LocaleDetector, defaultLocaleDetector } from '../locale/detect-locale';
import { normalizeChars, splitSentences } from '../text/normalize';
import { ShorthandExpander, loadShorthand } from '../text/shorthand';
import { tokenize } from '../text/stem';
import { TypoCorrector } from '../text/typo-corrector';
import { loadTrainingSet, TRAIN_DIR } from '../training-data';
import { LOCALES, type EmergencyKind, type Locale } from '../types';
import { loadLexicon, loadRealWords, realWordsFile, SPANISH_CLITIC_WORDS_FILE, type CompiledLexicon, type CompiledRule } from './lexicon';

export interface EmergencyMatch {
  kind: EmergencyKind;
  /** Language of the message (the matched rule's language breaks a tie). */
  locale: Locale;
  /** Id of the lexicon rule that fired, e.g. "en.medical.breathing.cant" — never member text. */
  rule: string;
  /** A strong rule (first-person or present sign) rather than a contextual one. */
  strong?: boolean;
}

/**
 * Which kind wins when one message matches several (documented rule):
 *
 * 1. crisis — any expressed intent to die or to hurt oneself or others. "I took all my pills
 *    to end it" is crisis (988), even though it is also an overdose; the crisis reply must
 *    still say "if you have already taken something, call 911".
 * 2. medical — signs that need 911 now. "My son swallowed bleach and he is not breathing" is
 *    medical: Poison Control itself tells callers to dial 911 when someone is unconscious, not
 *    breathing or seizing.
 * 3. poison — ingestion, overdose or exposure without intent to self-harm ("took too many of
 *    my pills", kids swallowing things, carbon monoxide, bites and stings): Poison Control.
 */
export const KIND_PRIORITY: readonly EmergencyKind[] = ['crisis', 'medical', 'poison'];

export interface EmergencyResources {
  lexicons: CompiledLexicon[];
  shorthand: ShorthandExpander;
  /** Real words that must never be "corrected" into an emergency word (paid ≠ pain). */
  knownWords: ReadonlySet<string>;
  /**
   * Real words of one language, protected only in that language's lexicon: Spanish "conto" (told)
   * is not "corto" (cut), but "pian" in an English message is still a typo of "pain".
   */
  localWords?: Partial<Record<Locale, ReadonlySet<string>>>;
  localeDetector: LocaleDetector;
}

/** Loads the lexicons in intents/data/emergency and the known-word list (sync, ~10 ms). */
export function loadEmergencyResources(): EmergencyResources {
  const shorthand = new ShorthandExpander(loadShorthand());
  const known = shorthand.words();
  for (const example of loadTrainingSet(TRAIN_DIR, null)) for (const t of tokenize(normalizeChars(example.text))) known.add(t);
  const lexicons = LOCALES.map((l) => loadLexicon(l));
  for (const lex of lexicons) for (const w of lex.protectedWords) known.add(w);
  for (const w of loadRealWords([realWordsFile('en')])) known.add(w);
  const localWords = { es: new Set(loadRealWords([realWordsFile('es'), SPANISH_CLITIC_WORDS_FILE])) };
  return { lexicons, shorthand, knownWords: known, localWords, localeDetector: defaultLocaleDetector() };
}

interface PreparedLexicon {
  lexicon: CompiledLexicon;
  corrector: TypoCorrector;
}

/**
 * Emergency detection, separate from (and run before) the intent model. Every message is
 * checked against the English and the Spanish lexicon whatever its language, sentence by
 * sentence, after normalization, shorthand expansion ("kms", "cant breath") and typo
 * correction toward the lexicon's own words. See intents/data/emergency/*.json for the rules
 * and intents/README.md for how strong / contextual rules, frames and negation interact.
 *
 * When unsure, it says emergency: contextual rules are only silenced by an explicit frame
 * (a bill, a refill, records, the past, a question about symptoms) in the same sentence.
 */
export class EmergencyDetector {
  private readonly prepared: PreparedLexicon[];
  private readonly localeDetector: LocaleDetector;
  private readonly shorthand: ShorthandExpander;

  constructor(resources: EmergencyResources = loadEmergencyResources()) {
    this.shorthand = resources.shorthand;
    this.localeDetector = resources.localeDetector;
    this.prepared = resources.lexicons.map((lexicon) => {
      const known = new Set(resources.knownWords);
      for (const w of resources.localWords?.[lexicon.locale] ?? []) known.add(w);
      for (const w of lexicon.vocabulary) known.add(w);
      return { lexicon, corrector: new TypoCorrector(lexicon.vocabulary, known, { minLength: 4, twoEditsFrom: 8 }) };
    });
  }

  detect(text: string): EmergencyMatch | null {
    if (typeof text !== 'string' || text.trim().length === 0) return null;
    const sentences = splitSentences(text);
    if (sentences.length === 0) return null;
    let best: { rule: CompiledRule; locale: Locale } | null = null;
    for (const { lexicon, corrector } of this.prepared) {
      for (const sentence of sentences) {
        const tokens = this.shorthand.expand(tokenize(sentence), lexicon.locale).map((t) => corrector.correct(t));
        const hit = this.matchSentence(lexicon, tokens.join(' '));
        if (hit && (!best || outranks(hit, best.rule))) {
          best = { rule: hit, locale: lexicon.locale };
          if (hit.kind === KIND_PRIORITY[0] && hit.strong) break;
        }
      }
      if (best?.rule.kind === KIND_PRIORITY[0] && best.rule.strong) break;
    }
    if (!best) return null;
    return { kind: best.rule.kind, locale: this.localeDetector.detect(text, best.locale), rule: best.rule.id, strong: best.rule.strong };
  }

  /** The highest-priority rule that fires in one normalized sentence, or null. */
  private matchSentence(lexicon: CompiledLexicon, sentence: string): CompiledRule | null {
    let framed: boolean | undefined;
    let found: CompiledRule | null = null;
    for (const rule of lexicon.rules) {
      if (found && !outranks(rule, found)) continue;
      const pattern = rule.pattern;
      pattern.lastIndex = 0;
      let fired = false;
      // exec on the compiled pattern itself: matchAll would clone the RegExp on every call.
      for (let m = pattern.exec(sentence); m; m = pattern.exec(sentence)) {
        if (m[0] === '') pattern.lastIndex++;
        if (rule.unless && rule.unless.test(sentence)) break;
        if (!rule.strong) {
          framed ??= lexicon.frames.some((f) => f.pattern.test(sentence));
          if (framed) break;
        }
        if (rule.negatable && isNegated(lexicon, sentence, m.index, m[0])) continue;
        fired = true;
        break;
      }
      if (fired) found = rule;
    }
    return found;
  }
}

/**
 * Whether a rule that fires replaces the one found so far: a kind of higher priority, or a strong
 * rule of the same kind over a contextual one ("chest pains and my left arm is going numb, should
 * I wait for my appt": the bare chest-pain mention, framed by the question, had hidden the strong
 * rule after it).
 */
function outranks(rule: CompiledRule, found: CompiledRule): boolean {
  const a = KIND_PRIORITY.indexOf(rule.kind);
  const b = KIND_PRIORITY.indexOf(found.kind);
  return a < b || (a === b && rule.strong && !found.strong);
}

/**
 * NegEx-style check: a negator among the `negationWindow` tokens before the match (stopping at
 * "but", "and", "pero", "y"…) negates it, unless the negator starts an exception
 * phrase ("not sure", "can't stop", "no estoy seguro"; the last word of a phrase may be a prefix). Rules that spell out their own negation ("can't
 * breathe", "don't want to live") are not negatable.
 */
function isNegated(lexicon: CompiledLexicon, sentence: string, index: number, matched: string): boolean {
  const before = sentence.slice(0, index).split(' ').filter((t) => t.length > 0);
  const all = [...before, ...matched.split(' ')];
  const isException = (i: number): boolean => {
    for (const phrase of lexicon.negationExceptions) {
      const words = phrase.split(' ');
      if (words.every((w, k) => all[i + k] === w || (k === words.length - 1 && all[i + k]?.startsWith(w)))) return true;
    }
    return false;
  };
  for (let i = before.length - 1, seen = 0; i >= 0 && seen < lexicon.negationWindow; i--, seen++) {
    if (lexicon.scopeTerminators.has(all[i]!)) break;
    if (lexicon.negators.has(all[i]!) && !isException(i)) return true;
  }
  return false;
}
