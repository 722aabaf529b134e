import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { DialogKit } from '../common/kit';
import type { TaskOutcome } from '../common/taskDialog';
import type { FollowUpAnswers } from '../followUpAnswers';
import type { FollowUp } from '../followUps';
import type { TopicPriorState } from '../memory';
import type { MainReplies } from './mainReplies';
import type { TaskStart } from './taskStart';

/**
 * A follow-up about the answer just given (dialogs/followUps.ts): another place or one location
 * goes on with Contact; anything else gets its own short answer (dialogs/followUpAnswers.ts),
 * then "anything else?" with the topic kept — but after the nurse line, its light is kept.
 */
export class FollowUpReply {
  constructor(
    private readonly kit: DialogKit,
    private readonly answers: FollowUpAnswers,
    private readonly taskStart: TaskStart,
    private readonly replies: MainReplies,
  ) {}

  async answer(step: WaterfallStepContext, followUp: FollowUp, prior: TopicPriorState | undefined): Promise<DialogTurnResult> {
    await this.kit.memory.setUnclear(step.context, 0);
    if (followUp.kind === 'place') return this.taskStart.begin(step, 'contact', undefined, { topic: followUp.topic });
    if (followUp.kind === 'reminders') {
      // The assistant sends no reminder itself: where they are set (Contact's reminders answer).
      await this.kit.say(step.context, 'followUp.reminders');
      return this.taskStart.begin(step, 'contact', undefined, { topic: 'reminders' });
    }
    await this.answers.send(step.context, followUp);
    if (followUp.kind === 'about' && followUp.person) return this.replies.escalate(step, 'member_asked');
    // A sign-in sub-topic asked beside it ("and i forgot my password"): its answer next.
    if (followUp.kind === 'about' && followUp.thenSignIn) return this.taskStart.begin(step, 'password_reset', undefined, { topic: followUp.thenSignIn });
    if (followUp.kind !== 'notUrgent' && followUp.kind !== 'comeIn') return step.next({ kind: 'completed' } satisfies TaskOutcome);
    // "can I come in today?" next is still about a visit.
    if (prior) await this.kit.memory.notePrior(step.context, prior);
    return step.endDialog();
  }
}
