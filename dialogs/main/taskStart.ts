import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { TaskIntentId } from '../../intents/types';
import type { DialogKit } from '../common/kit';
import { values, type PausedTask, type TaskOptions } from '../common/taskDialog';
import { turnInfo } from '../turn';

/** Starts a task dialog from the main waterfall, with what it may begin with. */
export class TaskStart {
  constructor(private readonly kit: DialogKit) {}

  /**
   * `resume`: going back to a paused task, from its opening message and with its answers.
   * `answers`: a follow-up going on with the topic just answered keeps what was answered.
   * `text`: the words the task starts from, when only part of the message is its request.
   */
  async begin(step: WaterfallStepContext, intent: TaskIntentId, resume?: PausedTask, answers?: Record<string, string>, text?: string): Promise<DialogTurnResult> {
    await this.kit.memory.setUnclear(step.context, 0);
    // The task just before (its answers as option ids): what still holds is not asked again.
    const previous = resume ? undefined : await this.kit.memory.topic(step.context);
    // A task started anew: no first request of a message is still pending a follow-up.
    if (!resume) await this.kit.memory.takeEarlier(step.context);
    await this.kit.memory.startTopic(step.context, intent);
    values(step).phase = 'task';
    const options: TaskOptions = resume
      ? { ...(resume.text ? { text: resume.text } : {}), answers: resume.answers, ...(resume.added ? { added: resume.added } : {}) }
      : { text: text ?? turnInfo(step.context).text, ...(previous ? { previous } : {}), ...(answers ? { answers } : {}) };
    return step.beginDialog(intent, options);
  }
}
