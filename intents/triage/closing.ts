import path from 'node:path';
import { z } from 'zod';
import { NluDataError, readJsonFile } from '../data-files';
import { DATA_DIR } from '../paths';
import type { SentenceView } from './features';

export const CLOSINGS_FILE = path.join(DATA_DIR, 'triage', 'closings.json');

const rule = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), pattern: z.string().min(1) });
const closingsSchema = z.object({ $comment: z.string().optional(), en: z.array(rule), es: z.array(rule) });

/** The only crisis concept a chat-ending "done" carries ("done here", "im done"). */
const DONE_CONCEPT = 'hopeless';
/** Concepts that make a message a crisis sign whatever closes it. */
const OTHER_CRISIS = new Set(['death_wish', 'self_harm', 'farewell']);

/**
 * Reads a member ending the chat with "done" ("I'm all done here, goodbye", "ok I'm done",
 * "ya terminé, gracias"): the words of hopelessness ("done here", "im done") in a goodbye. The
 * whole message must be a closing (intents/data/triage/closings.json: every word is a closing
 * word, "done" or "finished"), so "I'm done with everything", "I'm so done, I can't anymore" or a
 * bare "I'm done" are never read as one. Deliberately narrow: a missed crisis costs far more.
 */
export class ClosingReader {
  private readonly rules: Array<{ id: string; re: RegExp }>;

  constructor(file: z.output<typeof closingsSchema>) {
    this.rules = [...file.en, ...file.es].map(({ id, pattern }) => {
      try {
        return { id, re: new RegExp(pattern) };
      } catch (err) {
        throw new NluDataError(CLOSINGS_FILE, `rule ${id}: ${(err as Error).message}`);
      }
    });
  }

  /**
   * The sentences with the hopelessness concept of "done" taken out when the message is a
   * chat-ending "done" and carries no other crisis concept (`closing`); else as they are.
   */
  withoutClosing(sentences: readonly SentenceView[]): { sentences: SentenceView[]; closing: boolean } {
    const same = { sentences: [...sentences], closing: false };
    if (!sentences.some((s) => s.concepts.includes(DONE_CONCEPT))) return same;
    if (sentences.some((s) => s.concepts.some((c) => OTHER_CRISIS.has(c)))) return same;
    const whole = sentences.map((s) => s.tokens.join(' ')).join(' ');
    if (!this.rules.some((r) => r.re.test(whole))) return same;
    return { sentences: sentences.map((s) => ({ tokens: s.tokens, concepts: s.concepts.filter((c) => c !== DONE_CONCEPT) })), closing: true };
  }
}

export function loadClosings(file = CLOSINGS_FILE): ClosingReader {
  return new ClosingReader(readJsonFile(file, closingsSchema));
}
