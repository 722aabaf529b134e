import path from 'node:path';
import { z } from 'zod';
import { NluDataError, readJsonFile } from '../data-files';
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
  return source.replace(/\{([A-Z]+)\}/g, (_m, name: string) => {
    const value = macros[name];
    if (value === undefined) throw new NluDataError(file, `${where}: unknown macro {${name}}`);
    return value;
  });
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

export function compileLexicon(raw: LexiconFile, file: string): CompiledLexicon {
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
    for (const w of wordsOf(pattern)) vocabulary.add(w);
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
 * ("painted" / "fainted"): never typo-corrected. Generated from WordNet by
 * `npm run build:real-words` (English only; Spanish relies on the training vocabulary).
 */
export function loadRealWords(file = path.join(DATA_DIR, 'emergency', 'real-words.en.json')): string[] {
  return readJsonFile(file, z.object({ about: z.string(), words: z.array(z.string().regex(/^[a-z]+$/)) })).words;
}

export function loadLexicon(locale: Locale, file = lexiconFile(locale)): CompiledLexicon {
  const raw = readJsonFile(file, lexiconSchema);
  if (raw.locale !== locale) throw new NluDataError(file, `locale is "${raw.locale}", expected "${locale}"`);
  return compileLexicon(raw, file);
}
