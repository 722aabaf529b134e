import type { TurnInfo } from '../dialogs/turn';
import type { IntentResult } from '../intents/types';
import { isTaskIntent } from '../intents/types';
import { taskAsked } from './taskAfterSafety';

/** The change-of-mind reading it needs (dialogs/changeOfMindWords.ts). */
interface ChangeOfMindReader {
  read(text: string): { only: boolean; rest: string } | null;
}

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
