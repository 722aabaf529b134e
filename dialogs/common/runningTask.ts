import type { TurnContext } from 'botbuilder';
import type { DialogInstance, DialogState } from 'botbuilder-dialogs';
import { isTaskIntent as isTask } from '../../intents/types';
import type { PausedTask, TaskOptions } from './taskDialog';
import { turnOnce } from './turnOnce';


/**
 * The task a dialog state is running (the innermost), as a paused task: its opening message and
 * the answers it was started with. A crisis answer ends the dialogs; what the member was asking
 * for then ("I need to book a therapy appt") is kept with the urgent answer for its follow-up
 * window (pipeline/urgentFollowUp.ts), so that asking for it again goes on with it.
 */
export function runningTask(state: DialogState | undefined): PausedTask | undefined {
  let found: PausedTask | undefined;
  const visit = (stack: readonly DialogInstance[] | undefined): void => {
    for (const instance of stack ?? []) {
      const inner = (instance.state as { dialogs?: DialogState } | undefined)?.dialogs?.dialogStack;
      if (isTask(instance.id)) {
        const flow = inner?.find((i) => i.id === `${instance.id}.flow`);
        const options = (flow?.state as { options?: TaskOptions } | undefined)?.options;
        found = { intent: instance.id, ...(options?.text ? { text: options.text } : {}), answers: { ...options?.answers } };
      }
      visit(inner);
    }
  };
  visit(state?.dialogStack);
  return found;
}

const RESUME = turnOnce<{ task: PausedTask; fresh: boolean }>('dialogs.resumeAfterUrgent');

/** This turn goes back to `task` when it starts the main dialog (pipeline/dialogRunner.ts). */
export function resumeThisTurn(context: TurnContext, task: PausedTask): void {
  RESUME.set(context, { task, fresh: false });
}

/**
 * This turn starts `task` with its answers when it starts the main dialog: a new task, not one
 * gone back to (no "back to …" line).
 */
export function startThisTurn(context: TurnContext, task: PausedTask): void {
  RESUME.set(context, { task, fresh: true });
}

/** The task this turn goes back to or starts, if any (taken once). */
export function takeResume(context: TurnContext): { task: PausedTask; fresh: boolean } | undefined {
  return RESUME.take(context);
}
