import { z } from 'zod';
import { readDataFile } from '../../common/dataFile';
import { StartupError } from '../../common/errors';
import { fromRoot } from '../../common/paths';
import { isUrgent } from '../../intents/types';
import { fold } from '../common/text';
import type { TopicPriorState } from '../memory';
import type { TurnInfo, TurnTriage } from '../turn';
import type { ConceptNames } from './followUpOverGuess';

export class PlainAfterTaskError extends StartupError {}

const fileSchema = z.strictObject({
  $comment: z.string().optional(),
  explained: z.array(z.string().min(1)).min(1),
});

/** Finds the triage's concepts in folded words (intents/triage/concepts.ts, ConceptMatcher). */
interface ConceptFinder extends ConceptNames {
  find(tokens: readonly string[]): string[];
}

/**
 * Right after a task's answer, a message that plainly says what the member wants ("so is it down
 * or not? can i just talk to someone", "wtf im not depressed, the WEBSITE is down. i want a real
 * person", "this is useless. i want a real person"; newcomer run v16, X09 and Z07) that the triage
 * reads as mental health or a safety signal only through words that are not about the member's
 * health: a site that is "down", a denial of the distress reading, frustration with the bot. The
 * triage's reading is dropped for the turn (no mental-health answer, no new safety line) when the
 * message asks for a person or says one of those things, and what is left once those words
 * (dialogs/data/plain-after-task.json) are taken out carries no safety concept at all.
 *
 * Never after a safety answer, never an emergency or abuse (answered by the triage gate before any
 * dialog), never when the triage is unsure whether it is an emergency or doubts abuse or a
 * poisoning: "i feel useless and want to die", "im not depressed but i have panic attacks every
 * night" keep their safety answer.
 */
export class PlainAfterTask {
  private constructor(
    private readonly concepts: ConceptFinder,
    private readonly explained: readonly RegExp[],
  ) {}

  static load(concepts: ConceptFinder, file: string = fromRoot('dialogs', 'data', 'plain-after-task.json')): PlainAfterTask {
    const data = readDataFile(file, fileSchema, 'Plain request after a task', (m) => new PlainAfterTaskError(m));
    const explained = data.explained.map((source) => {
      try {
        return new RegExp(source, 'g');
      } catch (err) {
        throw new PlainAfterTaskError(`Plain request after a task file ${file}: invalid expression "${source}": ${(err as Error).message}`);
      }
    });
    return new PlainAfterTask(concepts, explained);
  }

  /**
   * True when the turn's triage reading is dropped; `asksPerson`: the message asks for a person
   * (the phrase book's reading).
   */
  read(turn: TurnInfo, triage: TurnTriage, prior: TopicPriorState | undefined, asksPerson: boolean): boolean {
    if (!prior?.topics[0] || prior.safety || triage.answered || triage.reminded) return false;
    const match = triage.match;
    if (match && (isUrgent(match) || (match.intent !== 'mental_health' && match.intent !== 'symptoms'))) return false;
    const signals = [triage.safety, turn.result.safety].filter((s) => !!s);
    if (!match && !signals.length) return false;
    if (signals.some((s) => s!.level !== 'signal' || s!.abuseKind || s!.poisonDoubt)) return false;
    const text = fold(turn.text ?? '');
    let left = text;
    for (const re of this.explained) left = left.replace(re, ' ');
    if (!asksPerson && left === text) return false;
    const tokens = left.split(/\s+/).filter(Boolean);
    return !this.concepts.find(tokens).some((c) => this.concepts.signal.has(c));
  }
}
