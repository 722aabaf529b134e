import path from 'node:path';
import { z } from 'zod';
import { NluDataError, readJsonFile } from '../data-files';
import { loadMedicineNames } from '../local/gazetteer';
import { DATA_DIR } from '../paths';
import { EMERGENCY_KINDS, LOCALES, type EmergencyKind, type Locale } from '../types';

const normalizedWord = z.string().regex(/^[a-z0-9]+$/, 'must be a normalized word (a-z, 0-9)');
const normalizedPhrase = z.string().regex(/^[a-z0-9]+(?: [a-z0-9]+)*$/, 'must be normalized words separated by spaces');

const ruleSchema = z.object({
  /** Stable id, reported in EmergencyMatch.rule and logs (never the member's text). */
  id: z.string().regex(/^(en|es)\.(medical|crisis|poison)\.[a-z0-9.]+$/, 'ids look like en.medical.breathing.cant'),
  kind: z.enum(EMERGENCY_KINDS),
  strength: z.enum(['strong', 'contextual']),
  pattern: z.string().min(1),
  unless: z.string().min(1).optional(),
  negatable: z.boolean().default(true),
  /**
   * false: the rule's words are matched as typed and are not typo targets. For rules made of
   * everyday words ("looked", "stories", "survive"), which would otherwise "correct" real words
   * no list protects ("survived" into "survive", and a rule's exception would no longer match).
   */
  corrects: z.boolean().default(true),
});

export const lexiconSchema = z.object({
  $comment: z.string().optional(),
  locale: z.enum(LOCALES),
  negationWindow: z.int().min(0).max(8),
  negators: z.array(normalizedWord),
  negationExceptions: z.array(normalizedPhrase),
  scopeTerminators: z.array(normalizedWord),
  macros: z.record(z.string().regex(/^[A-Z]+$/), z.string()),
  frames: z.array(z.object({ id: z.string().min(1), pattern: z.string().min(1) })),
  vocabulary: z.array(normalizedWord),
  protectedWords: z.array(normalizedWord),
  rules: z.array(ruleSchema).min(1),
});
export type LexiconFile = z.output<typeof lexiconSchema>;

export interface CompiledRule {
  id: string;
  kind: EmergencyKind;
  strong: boolean;
  negatable: boolean;
  pattern: RegExp;
  unless: RegExp | null;
}

export interface CompiledLexicon {
  locale: Locale;
  negationWindow: number;
  negators: ReadonlySet<string>;
  /** "not sure" → the negator "not" followed by "sure" does not negate. */
  negationExceptions: ReadonlySet<string>;
  scopeTerminators: ReadonlySet<string>;
  frames: Array<{ id: string; pattern: RegExp }>;
  rules: CompiledRule[];
  /** Words the patterns are written with: the typo corrector's targets. */
  vocabulary: Set<string>;
  protectedWords: Set<string>;
}

export const lexiconFile = (locale: Locale): string => path.join(DATA_DIR, 'emergency', `${locale}.json`);

function expandMacros(file: string, where: string, source: string, macros: Record<string, string>): string {
  // A macro may name another ({PILLS} holds {MEDICINE}); two levels are enough and no loop is possible.
  let out = source;
  for (let depth = 0; depth < 3 && /\{[A-Z]+\}/.test(out); depth++) {
    out = out.replace(/\{([A-Z]+)\}/g, (_m, name: string) => {
      const value = macros[name];
      if (value === undefined) throw new NluDataError(file, `${where}: unknown macro {${name}}`);
      return value;
    });
  }
  return out;
}

function compile(file: string, where: string, source: string, flags: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (err) {
    throw new NluDataError(file, `${where}: invalid pattern (${(err as Error).message})`);
  }
}

/**
 * Whole words of four letters or more in a pattern (escapes like \b removed first). A stem
 * followed by a class or group ("equivocad[oa]s?", "hemorrhag(?:e|ing)") or a quantifier is
 * not a word: the typo corrector would otherwise "correct" equivocada into equivocad.
 */
function wordsOf(source: string): string[] {
  const cleaned = source.replace(/\\[a-zA-Z]/g, ' ');
  return [...cleaned.matchAll(/(?<![a-z\])])([a-z]{4,})(?=[\s|)]|$)/g)].map((m) => m[1]!);
}

/**
 * Macros the data files do not spell out: {MEDICINE} is every brand and generic name of
 * intents/data/lexicon/medicine-names.json ("took my lisinopril twice"), so a rule about medicines
 * knows the names a member types without a copy of the list in each lexicon.
 */
export function loadedMacros(names: readonly string[] = loadMedicineNames()): Record<string, string> {
  const escaped = [...new Set(names)].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { MEDICINE: `(?:${escaped.join('|')})` };
}

export function compileLexicon(raw: LexiconFile, file: string, loaded: Record<string, string> = loadedMacros()): CompiledLexicon {
  raw = { ...raw, macros: { ...loaded, ...raw.macros } };
  const unloaded = Object.fromEntries(Object.keys(loaded).map((name) => [name, '(?:)']));
  const seen = new Set<string>();
  const vocabulary = new Set<string>(raw.vocabulary);
  const rules = raw.rules.map((rule, i): CompiledRule => {
    const where = `rules[${i}] (${rule.id})`;
    if (seen.has(rule.id)) throw new NluDataError(file, `${where}: duplicate id`);
    seen.add(rule.id);
    if (!rule.id.startsWith(`${raw.locale}.${rule.kind}.`)) {
      throw new NluDataError(file, `${where}: id must start with "${raw.locale}.${rule.kind}."`);
    }
    const pattern = expandMacros(file, where, rule.pattern, raw.macros);
    // Medicine names are not typo targets: "camilo" must not become the pill "camila".
    if (rule.corrects) for (const w of wordsOf(expandMacros(file, where, rule.pattern, { ...raw.macros, ...unloaded }))) vocabulary.add(w);
    return {
      id: rule.id,
      kind: rule.kind,
      strong: rule.strength === 'strong',
      negatable: rule.negatable,
      pattern: compile(file, where, pattern, 'g'),
      unless: rule.unless ? compile(file, `${where}.unless`, expandMacros(file, where, rule.unless, raw.macros), '') : null,
    };
  });
  const frames = raw.frames.map((f, i) => ({
    id: f.id,
    pattern: compile(file, `frames[${i}] (${f.id})`, expandMacros(file, `frames[${i}]`, f.pattern, raw.macros), ''),
  }));
  return {
    locale: raw.locale,
    negationWindow: raw.negationWindow,
    negators: new Set(raw.negators),
    negationExceptions: new Set(raw.negationExceptions),
    scopeTerminators: new Set(raw.scopeTerminators),
    frames,
    rules,
    vocabulary,
    protectedWords: new Set(raw.protectedWords),
  };
}

/**
 * Real words one or two typing mistakes away from an emergency word of another meaning
 * ("painted" / "fainted", "conto" / "corto"): never typo-corrected. Generated by
 * `npm run build:real-words`: English from WordNet, Spanish from an-array-of-spanish-words.
 */
export function realWordsFile(locale: Locale): string {
  return path.join(DATA_DIR, 'emergency', `real-words.${locale}.json`);
}

/**
 * Spanish infinitives and gerunds with an attached pronoun ("calmarme", to calm down, is not a typo
 * of "matarme"; "correrme", to fire me, is not "cortarme"), which the dictionary behind
 * real-words.es.json does not list. Read by the emergency detector's corrector only: the triage
 * model's features were trained with the list above, and a change to them retrains it (and moves
 * about 1.5 % of its decisions), so this list joins theirs at the triage's next retrain.
 */
export const SPANISH_CLITIC_WORDS_FILE = path.join(DATA_DIR, 'emergency', 'real-words-clitics.es.json');

export function loadRealWords(files = LOCALES.map(realWordsFile)): string[] {
  const schema = z.object({ about: z.string(), words: z.array(z.string().regex(/^[a-z]+$/)) });
  return files.flatMap((file) => readJsonFile(file, schema).words);
}

export function loadLexicon(locale: Locale, file = lexiconFile(locale)): CompiledLexicon {
  const raw = readJsonFile(file, lexiconSchema);
  if (raw.locale !== locale) throw new NluDataError(file, `locale is "${raw.locale}", expected "${locale}"`);
  return compileLexicon(raw, file);
}
