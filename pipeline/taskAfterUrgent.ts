import type { TurnContext } from 'botbuilder';
import type { TurnInfo } from '../dialogs/turn';
import type { PausedTask } from '../dialogs/common/taskDialog';
import { resumeThisTurn } from '../dialogs/common/runningTask';
import { TASK_INTENTS } from '../intents/types';
import { asksBack } from './followUpReading';
import { taskAsked } from './taskAfterSafety';
import type { UrgentMemory } from './urgentWindow';
import type { UrgentWords } from './urgentWords';

/**
 * The task that goes on after an urgent answer, once the call is made or help came: the one a 911
 * or Poison Control answer ended ("si gracias. y la cita?", "ok back to the booking"), or the one
 * asked for with it ("they took her. can u cancel the appt").
 */
export class TaskAfterUrgent {
  constructor(private readonly words: Pick<UrgentWords, 'cancels'>) {}

  /**
   * After a call made or help come, the task asked for goes on: the one the 911 or Poison Control
   * answer ended when it is that task and no other action ("can u cancel the appt" is a cancel, not
   * the booking it ended), else as routed. True when a task goes on.
   */
  goOn(context: TurnContext, kept: UrgentMemory, turn: TurnInfo, taskWord: boolean): boolean {
    const text = context.activity.text ?? '';
    const asked = taskAsked(turn, taskWord, kept.interrupted?.intent);
    const back = !!kept.interrupted && asksBack(text) && !this.otherTask(turn, kept.interrupted);
    if (kept.interrupted && (back || (asked === kept.interrupted.intent && !this.words.cancels(text)))) {
      this.resume(context, kept, text);
      return true;
    }
    if (asked !== null && asked !== turn.result.intent) resumeThisTurn(context, { intent: asked, text, answers: {} });
    return asked !== null;
  }

  /** The task a 911 or Poison Control answer ended, asked for again with no other task ("y la cita?"). */
  asksBack(kept: UrgentMemory, turn: TurnInfo, text: string): boolean {
    return !!kept.interrupted && asksBack(text) && !this.otherTask(turn, kept.interrupted);
  }

  /** The task a 911 or Poison Control answer ended goes on this turn, with these words; once. */
  resume(context: TurnContext, kept: UrgentMemory, text: string): void {
    const task = kept.interrupted!;
    delete kept.interrupted;
    resumeThisTurn(context, { ...task, text: [task.text, text].filter(Boolean).join(' '), added: text });
  }

  /** The recognizer sure of another task than the one ended (plain reading of the turn). */
  private otherTask(turn: TurnInfo, task: PausedTask): boolean {
    const { intent } = turn.result;
    return (TASK_INTENTS as readonly string[]).includes(intent) && intent !== task.intent && taskAsked(turn, false, task.intent) !== null;
  }
}
