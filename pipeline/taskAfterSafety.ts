import type { TaskIntentId } from '../intents/types';
import { isTaskIntent } from '../intents/types';
import type { TurnInfo } from '../dialogs/turn';

/** A task recognized at least this surely goes on (with the reminder) even without a task word. */
const SURE_TASK = 0.9;
/**
 * A task the recognizer only has as its runner-up, named with a task word, at least this surely.
 * 0.4: the fifteenth session's intent model gives "can we just do the bill" billing 0.42 as runner-up
 * (0.53 before); with a task word in the message, two chances in five are enough to go on with it.
 */
const NAMED_RUNNER_UP = 0.4;

/**
 * The portal task a message after an urgent answer asks for, if any: the recognizer's task, named
 * with a task word or all but certain; or, when the recognizer's own intent is no task ("can we
 * just do the bill" is none at 0.47, "forget it, just do my bill" a cancel), its runner-up task
 * named with a task word, fairly sure or the very task the crisis answer ended. Plain reading.
 */
export function taskAsked(turn: TurnInfo, taskWord: boolean, ended?: TaskIntentId): TaskIntentId | null {
  const { intent, score, runnerUp } = turn.result;
  if (isTaskIntent(intent)) return taskWord || score >= SURE_TASK ? intent : null;
  if (!taskWord || !runnerUp || !isTaskIntent(runnerUp.intent)) return null;
  return runnerUp.score >= NAMED_RUNNER_UP || runnerUp.intent === ended ? runnerUp.intent : null;
}
