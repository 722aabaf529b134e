import path from 'node:path';
import { z } from 'zod';
import { NluDataError, readJsonFile } from '../data-files';
import { DATA_DIR } from '../paths';
import type { SentenceView } from './features';

export const HARMLESS_FILE = path.join(DATA_DIR, 'triage', 'harmless.json');

const rule = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), pattern: z.string().min(1) });
const lookalike = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** The token that looks like a concept word ("ill" for "I'll"). */
    token: z.string().regex(/^[a-z0-9]+$/),
    /**
     * It is the other word when the next tokens are one of these ("ill call", "ill do it"; a phrase
     * of several words, "me with", is matched against as many next tokens)…
     */
    before: z.array(z.string().regex(/^[a-z0-9]+( [a-z0-9]+)*$/)).default([]),
    /** …or the tokens before it end with one of these ("la medicina de la presion": the medicine's name)… */
    after: z.array(z.string().regex(/^[a-z0-9]+( [a-z0-9]+)*$/)).default([]),
    /** …and the token before it is none of these ("i feel ill", "so ill"). */
    notAfter: z.array(z.string().regex(/^[a-z0-9]+$/)),
  })
  .refine((l) => l.before.length + l.after.length > 0, { message: 'a lookalike needs the words before or after it' });
const harmlessSchema = z.object({
  $comment: z.string().optional(),
  messages: z.object({ en: z.array(rule), es: z.array(rule) }),
  lookalikes: z.array(lookalike),
  /** Emergency services named inside a portal task ("the bill for my er visit"): no sign there. */
  servicesInTask: z.array(z.string().regex(/^[a-z0-9]+( [a-z0-9]+)*$/)).min(1),
  /** A service after one of these words ("go to the er", "llamar al 911") is still a sign. */
  goingWords: z.array(z.string().regex(/^[a-z0-9]+$/)).min(1),
});

/**
 * Two narrow readings of messages the triage model or its concepts took for a sign, though plain
 * (intents/data/triage/harmless.json; not in the model's data hash: changing it needs no retraining):
 * - `messages`: a whole message that only says someone feels better or asks the assistant why it
 *   cannot do a task ("ya se siente bien", "why cant you just do it"); each pattern must match the
 *   WHOLE normalized message, so any other word (a symptom, "pero ya no aguanto") is never one;
 * - `lookalikes`: a token that only looks like a signal word ("ill" in "ok ill call", written for
 *   "I'll"; the plea "help me" when it asks for help WITH something, "help me with my bill"): it
 *   does not count as a signal there (the model still reads the message as it is).
 * - `servicesInTask`: an emergency service named in a sentence about a portal task ("question about
 *   the bill for my er visit", "la factura de la ambulancia"): no sign there (the model still reads
 *   the message; a sign word beside it still counts).
 * Deliberately narrow: a missed sign costs far more than a needless safety line.
 */
export class HarmlessReader {
  private readonly rules: Array<{ id: string; re: RegExp }>;
  private readonly lookalikes: z.output<typeof lookalike>[];
  private readonly services: string[][];
  private readonly goingWords: ReadonlySet<string>;

  constructor(file: z.output<typeof harmlessSchema>) {
    this.rules = [...file.messages.en, ...file.messages.es].map(({ id, pattern }) => {
      try {
        return { id, re: new RegExp(pattern) };
      } catch (err) {
        throw new NluDataError(HARMLESS_FILE, `rule ${id}: ${(err as Error).message}`);
      }
    });
    this.lookalikes = file.lookalikes;
    this.services = file.servicesInTask.map((p) => p.split(' '));
    this.goingWords = new Set(file.goingWords);
  }

  /** The id of the rule the whole message matches (its sentences' tokens), or null. */
  message(sentences: readonly SentenceView[]): string | null {
    const whole = sentences.map((s) => s.tokens.join(' ')).join(' ');
    return this.rules.find((r) => r.re.test(whole))?.id ?? null;
  }

  /**
   * The sentence's tokens with every lookalike token blanked out (to find its real concepts), and,
   * in a sentence about a portal task (`inTask`), every emergency service named ("er", "ambulance").
   */
  withoutLookalikes(tokens: readonly string[], inTask = false): string[] | null {
    let changed = false;
    const out = tokens.map((t, i) => {
      const hit = this.lookalikes.some(
        (l) => l.token === t && (l.before.some((b) => followedBy(tokens, i, b)) || l.after.some((a) => precededBy(tokens, i, a))) && !l.notAfter.includes(tokens[i - 1] ?? ''),
      );
      if (hit) changed = true;
      return hit ? '_' : t;
    });
    if (inTask) {
      for (let i = 0; i < out.length; i++) {
        const service = this.services.find((words) => words.every((w, k) => out[i + k] === w));
        // "should i go to the er", "¿lo llevo a urgencias?", "call 911": going there is a worry, not a place.
        if (!service || out.slice(Math.max(0, i - 3), i).some((w) => this.goingWords.has(w))) continue;
        for (let k = 0; k < service.length; k++) out[i + k] = '_';
        changed = true;
      }
    }
    return changed ? out : null;
  }
}

/** Whether the tokens before position i end with the phrase's words. */
function precededBy(tokens: readonly string[], i: number, phrase: string): boolean {
  const words = phrase.split(' ');
  return i >= words.length && words.every((w, k) => tokens[i - words.length + k] === w);
}

/** Whether the tokens after position i start with the phrase's words. */
function followedBy(tokens: readonly string[], i: number, phrase: string): boolean {
  const words = phrase.split(' ');
  return words.every((w, k) => tokens[i + 1 + k] === w);
}

export function loadHarmless(file = HARMLESS_FILE): HarmlessReader {
  return new HarmlessReader(readJsonFile(file, harmlessSchema));
}
