import type { TurnContext } from 'botbuilder';
import type { TurnInfo } from '../dialogs/turn';
import type { PausedTask } from '../dialogs/common/taskDialog';
import { resumeThisTurn, startThisTurn } from '../dialogs/common/runningTask';
import { TASK_INTENTS } from '../intents/types';
import type { ClauseTask } from './clauseTask';
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
   * the booking it ended), else as routed. True when a task goes on. `clause`: the task one clause
   * asks for when the whole message asks for none ("ok called them. can i get her in w her dr
   * tmrw"): started from that clause's words, a new task (v16 X13).
   */
  goOn(context: TurnContext, kept: UrgentMemory, turn: TurnInfo, taskWord: boolean, clause: ClauseTask | null = null): boolean {
    const text = context.activity.text ?? '';
    const whole = taskAsked(turn, taskWord, kept.interrupted?.intent);
    const asked = whole ?? clause?.intent ?? null;
    const back = !!kept.interrupted && asksBack(text) && !this.otherTask(turn, kept.interrupted);
    if (kept.interrupted && (back || (asked === kept.interrupted.intent && !this.words.cancels(text)))) {
      this.resume(context, kept, text);
      return true;
    }
    if (whole === null && clause) startThisTurn(context, { intent: clause.intent, text: clause.text, answers: {} });
    else if (asked !== null && asked !== turn.result.intent) resumeThisTurn(context, { intent: asked, text, answers: {} });
    return asked !== null;
  }

  /**
   * The task an urgent answer ended, asked for again with no other task: after 911 or Poison
   * Control, "y la cita?"; after a disclosure or a crisis, also that task named ("y la cita de mi
   * hija? el jueves en la tarde", "ok gracias. y lo de la cita de mi mama?", newcomer run v15
   * YX13, YZ12), once the window's messages are used, within its time.
   */
  asksBack(kept: UrgentMemory, turn: TurnInfo, text: string, taskWord = false): boolean {
    const task = kept.interrupted ?? kept.task;
    if (!task || this.otherTask(turn, task)) return false;
    if (asksBack(text)) return true;
    return !kept.interrupted && taskAsked(turn, taskWord, task.intent) === task.intent && !this.words.cancels(text);
  }

  /** The task the urgent answer ended goes on this turn, with these words; once. */
  resume(context: TurnContext, kept: UrgentMemory, text: string): void {
    const task = (kept.interrupted ?? kept.task)!;
    delete kept.interrupted;
    delete kept.task;
    resumeThisTurn(context, { ...task, text: [task.text, text].filter(Boolean).join(' '), added: text });
  }

  /** The recognizer sure of another task than the one ended (plain reading of the turn). */
  private otherTask(turn: TurnInfo, task: PausedTask): boolean {
    const { intent } = turn.result;
    return (TASK_INTENTS as readonly string[]).includes(intent) && intent !== task.intent && taskAsked(turn, false, task.intent) !== null;
  }
}
