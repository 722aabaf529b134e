import type { TurnInfo } from '../dialogs/turn';
import type { Locale, TaskIntentId, TriageCheck, Understanding } from '../intents/types';
import { taskAsked } from './taskAfterSafety';

/** A task one clause of a message asks for, and that clause's own words. */
export interface ClauseTask {
  intent: TaskIntentId;
  text: string;
}

/** A sentence ends at a full stop, a question or exclamation mark, a semicolon or a new line. */
const SENTENCE_ENDS = /[.!?;\n]+/;
/** Within one sentence, a comma ends a clause ("ok called them, can we get her in tomorrow"). */
const COMMA = /,/;
/** A clause this short says too little to read a task in it alone. */
const MIN_WORDS = 3;

/**
 * The task one clause of a message asks for when the whole message reads as none: after a call
 * made, "ok called them, they said just watch her. can i get her in w her dr tmrw to be safe" is
 * no task as a whole (the call's words weigh on it), while its last sentence is a booking all but
 * certain (newcomer run v16 X13). Each clause is read by the recognizer with the turn's triage (an
 * urgent or health clause is the triage's, never a task); the first that asks for a task as surely
 * as a whole message must (pipeline/taskAfterSafety.ts: named with a task word, or all but
 * certain) is the one. Sentences first; a message of one sentence is split at its commas.
 */
export class ClauseTaskReader {
  constructor(private readonly understanding: Pick<Understanding, 'understand'>) {}

  async read(text: string, locale: Locale, triage: TriageCheck): Promise<ClauseTask | null> {
    for (const clause of clausesOf(text)) {
      const result = await this.understanding.understand(clause, { locale, triage });
      const turn: TurnInfo = { text: clause, result, locale };
      const intent = taskAsked(turn, triage.triage(clause).taskWord === true);
      if (intent) return { intent, text: clause };
    }
    return null;
  }
}

/** The message's clauses long enough to read alone, in order; none when it is one clause. */
function clausesOf(text: string): string[] {
  const long = (parts: string[]) => parts.map((part) => part.trim()).filter((part) => part.split(/\s+/).length >= MIN_WORDS);
  const sentences = text.split(SENTENCE_ENDS).filter((part) => part.trim());
  const clauses = sentences.length > 1 ? sentences : (sentences[0] ?? '').split(COMMA);
  return clauses.length > 1 ? long(clauses) : [];
}
