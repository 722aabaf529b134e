import type { TurnInfo } from '../dialogs/turn';
import type { IntentResult } from '../intents/types';
import { isTaskIntent } from '../intents/types';
import { taskAsked } from './taskAfterSafety';

/** The change-of-mind reading it needs (dialogs/changeOfMindWords.ts). */
interface ChangeOfMindReader {
  read(text: string): { only: boolean; rest: string } | null;
}

/** Words a request must have before a change of mind for the words after it to be read alone. */
const MIN_WORDS_BEFORE = 3;

/**
 * "actually nvm, forget the appointment, can you just refill my meds", "olvida la cita, mejor
 * resurte mis medicinas": a message that drops the task in progress AND asks for another. The
 * recognizer hears the drop (a cancel, 0.99) and has the request as its runner-up (a refill, 0.99):
 * the request is what the member wants, so it is the turn's intent; the task in progress still ends
 * (dialogs/common/changedMind.ts reads the drop in the words) and the request starts (newcomer run
 * v20). Only a task named with a task word after the drop (pipeline/taskAfterSafety.ts); a drop with nothing
 * after it, or with words that name no task, stays as the recognizer read it.
 */
export class RequestAfterChange {
  constructor(private readonly changeOfMind: ChangeOfMindReader) {}

  /**
   * "how much is my copay for a specialist... actually nvm, which of my meds can i refill right now"
   * (newcomer run v22, Z10): a request, then a change of mind and another request. The words after
   * the change of mind, when they name a task, are what the member wants, and are read alone
   * (pipeline/understandTurn.ts); the recognizer hears the first request in the whole message.
   */
  requestAfter(text: string, taskWord: (words: string) => boolean): string | null {
    const mind = this.changeOfMind.read(text);
    if (!mind || mind.only || !mind.rest.trim()) return null;
    const at = text.toLowerCase().lastIndexOf(mind.rest.toLowerCase().split(', ')[0]!);
    const before = at > 0 ? text.slice(0, at) : '';
    if (before.split(/\s+/).filter((w) => /[a-z0-9]/i.test(w)).length < MIN_WORDS_BEFORE + 1) return null;
    return taskWord(mind.rest) ? mind.rest : null;
  }

  /** `taskWord`: whether words name a task (the safety triage's reading of them). */
  read(turn: TurnInfo, taskWord: (words: string) => boolean): IntentResult {
    const { result } = turn;
    if (isTaskIntent(result.intent) || !result.runnerUp) return result;
    const mind = this.changeOfMind.read(turn.text);
    if (!mind || mind.only || !mind.rest.trim()) return result;
    // The words after the drop must name a task themselves ("forget it, thank you" asks for nothing).
    const task = taskAsked(turn, taskWord(mind.rest));
    if (!task) return result;
    // The drop's reading gives way to the request; a medicine named in it is no safety signal by itself.
    const { safety, ...rest } = result;
    const kept = safety && !(safety.level === 'signal' && safety.rule === 'concept:substance') ? { safety } : {};
    return { ...rest, ...kept, intent: task, score: result.runnerUp.score, runnerUp: { intent: result.intent, score: result.score } };
  }
}
