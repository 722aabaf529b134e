import type { TaskIntentId } from '../../intents/types';
import type { PausedTask } from '../common/taskDialog';
import type { TopicPriorState } from '../memory';

/** The main dialog's waterfall: a step that starts the routing again replaces the dialog with it. */
export const FLOW = 'main.flow';

/** How the main waterfall starts: a plain new request, or one of these. */
export interface FlowOptions {
  /** Start this topic straight away (a clarified choice, or a change of topic mid-dialog). */
  start?: TaskIntentId;
  /** Answers `start` begins with (step → option id), from the option that started it ("Book a video visit"). */
  startWith?: Record<string, string>;
  /** The task the member left for `start`: offered again when `start` completes (one detour). */
  paused?: PausedTask;
  /** Go back to this paused task, with the answers already given. */
  resume?: PausedTask;
  /** The second of two requests made in one message: started with its own words once the first completed. */
  next?: PausedTask;
  /** With `next`: the task to answer after it ("both" at "did you mean A or B?"). */
  then?: PausedTask;
  /** Route the message in the light of the topics offered by "is this about A?", left unanswered for a new request. */
  offered?: TopicPriorState;
}

/** Whether an intent is a task intent (intents/types.ts). */
export { isTaskIntent as isTask } from '../../intents/types';
