import path from 'node:path';
import { z } from 'zod';
import { NluDataError, readJsonFile } from '../data-files';
import { DATA_DIR } from '../paths';
import type { SentenceView } from './features';

export const DENIALS_FILE = path.join(DATA_DIR, 'triage', 'denials.json');

const rule = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), pattern: z.string().min(1) });
const denialsSchema = z.object({
  $comment: z.string().optional(),
  contrast: z.object({ en: z.array(z.string().min(1)), es: z.array(z.string().min(1)) }),
  en: z.array(rule),
  es: z.array(rule),
});

/** Concepts that make a sentence a crisis sign of its own (intents/data/triage/concepts.json). */
const CRISIS_CONCEPTS: ReadonlySet<string> = new Set(['death_wish', 'self_harm', 'farewell', 'hopeless']);

/**
 * Reads a member's denial of suicidal thoughts or self-harm ("no, I'm not thinking of hurting
 * myself", "I'm not suicidal, I just need a refill", "no estoy pensando en matarme"). The triage
 * model sees the crisis words and, without this, answered such a message with the crisis script.
 *
 * Deliberately narrow, because a missed crisis costs far more than a needless 988 line:
 * - a sentence is a denial only when a pattern matches it and it holds no contrast word ("I'm
 *   not suicidal but I wish I could disappear", "no me voy a matar pero ya no aguanto");
 * - a message is a denial only when every sentence with a crisis concept is a denial (or, with
 *   no crisis concept anywhere, when one sentence is).
 * The answer is then mental health (with the 988 line), never nothing (intents/triage/safetyTriage.ts).
 */
export class DenialReader {
  private readonly rules: Record<'en' | 'es', Array<{ id: string; re: RegExp }>>;
  private readonly contrast: RegExp;

  constructor(file: z.output<typeof denialsSchema>) {
    const compile = (rules: Array<{ id: string; pattern: string }>): Array<{ id: string; re: RegExp }> =>
      rules.map(({ id, pattern }) => {
        try {
          return { id, re: new RegExp(pattern) };
        } catch (err) {
          throw new NluDataError(DENIALS_FILE, `rule ${id}: ${(err as Error).message}`);
        }
      });
    this.rules = { en: compile(file.en), es: compile(file.es) };
    const words = [...file.contrast.en, ...file.contrast.es].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.contrast = new RegExp(`\\b(?:${words.join('|')})\\b`);
  }

  /** The id of the denial rule when the whole message is a denial (see above), else null. */
  denial(sentences: readonly SentenceView[]): string | null {
    const signs = sentences.filter((s) => s.concepts.some((c) => CRISIS_CONCEPTS.has(c)));
    // No crisis concept at all ("nunca me haría daño"): the model read the words; one denial is enough.
    if (signs.length === 0) {
      for (const s of sentences) {
        const id = this.sentenceDenial(s.tokens.join(' '));
        if (id) return id;
      }
      return null;
    }
    let found: string | null = null;
    for (const s of signs) {
      const id = this.sentenceDenial(s.tokens.join(' '));
      if (!id) return null;
      found ??= id;
    }
    return found;
  }

  private sentenceDenial(sentence: string): string | null {
    if (this.contrast.test(sentence)) return null;
    for (const locale of ['en', 'es'] as const) {
      const hit = this.rules[locale].find((r) => r.re.test(sentence));
      if (hit) return `${locale}.${hit.id}`;
    }
    return null;
  }
}

export function loadDenials(file = DENIALS_FILE): DenialReader {
  return new DenialReader(readJsonFile(file, denialsSchema));
}
