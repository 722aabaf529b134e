import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { DialogKit } from '../common/kit';
import { ChoiceQuestion, type ChoiceAnswer, type ChoiceQuestionOptions } from '../common/questions';
import { values } from '../common/taskDialog';
import { turnInfo } from '../turn';
import { FLOW, type FlowOptions } from './flow';
import type { MainReplies } from './mainReplies';

/** Every topic ends with "anything else?": asked with the topic just answered noted, then its answer. */
export class AnythingElse {
  constructor(
    private readonly kit: DialogKit,
    private readonly replies: MainReplies,
  ) {}

  async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // What was just answered: the next message may be a follow-up to it (dialogs/topicPrior.ts).
    const trail = await this.kit.memory.topic(step.context);
    // The first of two requests answered before it in this turn: a follow-up may be about that one.
    const earlier = await this.kit.memory.takeEarlier(step.context);
    const before = earlier && trail && earlier.intent !== trail.intent ? { earlier: { topic: earlier.intent, answers: { ...earlier.answers } } } : {};
    if (trail) await this.kit.memory.notePrior(step.context, { topics: [trail.intent], answers: { ...trail.answers }, ...before });
    values(step).phase = 'followUp';
    return step.beginDialog(ChoiceQuestion.ID, {
      question: 'followUp',
      prompt: 'main.anythingElse',
      mode: 'exact',
      noMatch: 'end',
    } satisfies ChoiceQuestionOptions);
  }

  async answered(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = (step.result as ChoiceAnswer | undefined)?.answer ?? null;
    // Yes, no or a person to "anything else?": the member is done with the topic just answered.
    if (answer) await this.kit.memory.takePrior(step.context);
    switch (answer) {
      case 'yes':
        await this.replies.say(step.context, 'main.askTopic', true);
        return step.endDialog();
      case 'no':
        await this.replies.say(step.context, 'main.goodbye', false);
        return step.endDialog();
      case 'agent':
        return this.replies.escalate(step, 'member_asked');
      default:
        // "I don't have the number" after the refill answer: the Rx number it asked for, so the refill goes on.
        if ((await this.kit.memory.topic(step.context))?.intent === 'refill' && this.kit.options.match(turnInfo(step.context).text, 'refill.noRx') === 'noRx') {
          return step.replaceDialog(FLOW, { start: 'refill' } satisfies FlowOptions);
        }
        // Not an answer to "anything else?": a new request.
        return step.replaceDialog(FLOW, {});
    }
  }
}
