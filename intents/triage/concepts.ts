import path from 'node:path';
import { z } from 'zod';
import { NluDataError, readJsonFile } from '../data-files';
import { DATA_DIR } from '../paths';

export const CONCEPTS_FILE = path.join(DATA_DIR, 'triage', 'concepts.json');

const entry = z.string().regex(/^[a-z0-9]+\*?(?: [a-z0-9]+\*?)*$/, 'must be normalized words (a-z, 0-9) separated by spaces, each optionally ending in *');
const conceptName = z.string().regex(/^[a-z_]+$/);

export const conceptsSchema = z.object({
  $comment: z.string().optional(),
  /** Concepts whose presence is a health, distress or safety signal (DESIGN.md safety rule 2). */
  signal: z.array(conceptName),
  concepts: z.record(conceptName, z.object({ what: z.string().min(1), en: z.array(entry), es: z.array(entry) })),
});
export type ConceptsFile = z.output<typeof conceptsSchema>;

interface Pattern {
  concept: string;
  /** The languages whose list has this entry (a word in both lists says nothing of the language). */
  langs: 'en' | 'es' | 'both';
  /** Each word of the phrase; `prefix` words match any word that starts with them. */
  words: Array<{ text: string; prefix: boolean }>;
}

/** Shortest prefix that indexes a prefix pattern ("hurt*" is found under "hur"). */
const PREFIX_KEY = 3;

/**
 * Finds concepts in a sentence's tokens: single words, prefixes ("suicid*") and phrases ("end my
 * life"), in both languages (members switch language mid-sentence). Linear in the number of
 * tokens; each token looks up its exact form and its 3-letter key.
 */
export class ConceptMatcher {
  private readonly exact = new Map<string, Pattern[]>();
  private readonly byPrefix = new Map<string, Pattern[]>();
  readonly names: readonly string[];
  readonly signal: ReadonlySet<string>;
  /** Whole words of every pattern (the typo corrector's targets). */
  readonly vocabulary: ReadonlySet<string>;

  constructor(file: ConceptsFile) {
    this.names = Object.keys(file.concepts).sort();
    this.signal = new Set(file.signal);
    for (const s of file.signal) if (!file.concepts[s]) throw new NluDataError(CONCEPTS_FILE, `signal: unknown concept "${s}"`);
    const vocabulary = new Set<string>();
    for (const [concept, { en, es }] of Object.entries(file.concepts)) {
      const enSet = new Set(en);
      const esSet = new Set(es);
      for (const raw of new Set([...en, ...es])) {
        const words = raw.split(' ').map((w) => ({ text: w.replace(/\*$/, ''), prefix: w.endsWith('*') }));
        for (const w of words) if (!w.prefix && w.text.length >= 4) vocabulary.add(w.text);
        const first = words[0]!;
        const langs: Pattern['langs'] = enSet.has(raw) && esSet.has(raw) ? 'both' : enSet.has(raw) ? 'en' : 'es';
        const pattern = { concept, words, langs };
        if (first.prefix && first.text.length >= PREFIX_KEY) push(this.byPrefix, first.text.slice(0, PREFIX_KEY), pattern);
        else push(this.exact, first.text, pattern);
      }
    }
    this.vocabulary = vocabulary;
  }

  /**
   * Which language the concept words of the tokens belong to: English and Spanish entries met
   * (an entry in both lists counts for neither). For short messages with no other evidence
   * ("me violaron").
   */
  languageVotes(tokens: readonly string[]): { en: number; es: number } {
    const votes = { en: 0, es: 0 };
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const candidates = [...(this.exact.get(token) ?? NONE), ...(token.length >= PREFIX_KEY ? (this.byPrefix.get(token.slice(0, PREFIX_KEY)) ?? NONE) : NONE)];
      const langs = new Set(candidates.filter((p) => matchesAt(p, tokens, i)).map((p) => p.langs));
      if (langs.has('both') || (langs.has('en') && langs.has('es'))) continue;
      if (langs.has('en')) votes.en++;
      else if (langs.has('es')) votes.es++;
    }
    return votes;
  }

  /** Concepts present in the tokens (deduplicated, in order of first appearance). */
  find(tokens: readonly string[]): string[] {
    const found = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      for (const p of this.exact.get(token) ?? NONE) if (!found.has(p.concept) && matchesAt(p, tokens, i)) found.add(p.concept);
      if (token.length >= PREFIX_KEY) {
        for (const p of this.byPrefix.get(token.slice(0, PREFIX_KEY)) ?? NONE) if (!found.has(p.concept) && matchesAt(p, tokens, i)) found.add(p.concept);
      }
    }
    return [...found];
  }
}

const NONE: readonly Pattern[] = [];

function push(map: Map<string, Pattern[]>, key: string, p: Pattern): void {
  const list = map.get(key);
  if (list) list.push(p);
  else map.set(key, [p]);
}

function matchesAt(p: Pattern, tokens: readonly string[], at: number): boolean {
  if (at + p.words.length > tokens.length) return false;
  for (let k = 0; k < p.words.length; k++) {
    const w = p.words[k]!;
    const t = tokens[at + k]!;
    if (w.prefix ? !t.startsWith(w.text) : t !== w.text) return false;
  }
  return true;
}

export function loadConcepts(file = CONCEPTS_FILE): ConceptMatcher {
  return new ConceptMatcher(readJsonFile(file, conceptsSchema));
}
