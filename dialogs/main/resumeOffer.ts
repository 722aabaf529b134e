import type { TurnContext } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { DialogKit } from '../common/kit';
import { ChoiceQuestion, type ChoiceAnswer, type ChoiceQuestionOptions } from '../common/questions';
import { keepResumedWords } from '../common/resumedWords';
import { values, type PausedTask } from '../common/taskDialog';
import type { ResumeWords } from '../resumeWords';
import { turnInfo, turnTriage } from '../turn';
import type { AnythingElse } from './anythingElse';
import { FLOW, type FlowOptions } from './flow';
import type { MainReplies } from './mainReplies';
import type { RouteDecider } from './routeDecider';
import type { TaskStart } from './taskStart';

/** What the resume offer works with, built by the composition root. */
export interface ResumeOfferParts {
  kit: DialogKit;
  decider: RouteDecider;
  resumeWords: ResumeWords;
  taskStart: TaskStart;
  anythingElse: AnythingElse;
  replies: MainReplies;
}

/**
 * A task left for another topic after it had made progress is paused: when the new topic
 * completes, the member is asked whether to go back to it (its answers are not asked again).
 * Anything else — no, a new request, cancel — drops it.
 */
export class ResumeOffer {
  constructor(private readonly parts: ResumeOfferParts) {}

  /** The task just completed: "do you want to go back to …?" for a paused one, else "anything else?". */
  async completed(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // Never right after a safety answer or line (a safety answer does not lead back into a task).
    const paused = (step.options as FlowOptions | undefined)?.paused;
    if (!paused || turnTriage(step.context).answered) return this.parts.anythingElse.ask(step);
    values(step).phase = 'resume';
    return step.beginDialog(ChoiceQuestion.ID, {
      question: 'resume',
      prompt: 'main.resume.ask',
      vars: { task: this.pausedTitle(step.context, paused) },
      mode: 'exact',
      noMatch: 'end',
    } satisfies ChoiceQuestionOptions);
  }

  /** Going back to the paused task, with the answers already given. */
  async goBack(step: WaterfallStepContext, resume: PausedTask): Promise<DialogTurnResult> {
    await this.parts.kit.say(step.context, 'main.resume.back', { task: this.pausedTitle(step.context, resume) });
    return this.parts.taskStart.begin(step, resume.intent, resume);
  }

  /** The answer to "do you want to go back to …?" (other phases pass "anything else?" on). */
  async answered(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (values(step).phase !== 'resume') return step.next(step.result);
    const { kit, decider, resumeWords, anythingElse, replies } = this.parts;
    const paused = (step.options as FlowOptions).paused!;
    switch ((step.result as ChoiceAnswer | undefined)?.answer ?? null) {
      case 'yes':
        return this.resume(step, paused);
      case 'no':
        return anythingElse.ask(step);
      default: {
        // "never mind" drops it like a cancel; anything else is a new request (the pause is dropped)…
        const turn = turnInfo(step.context);
        if (kit.phrases.interruption(turn.text) === 'cancel') {
          await replies.say(step.context, 'main.cancelled', true);
          return step.endDialog();
        }
        // …unless it is a request for the paused task itself ("ok back to cancelling, the lab one"):
        // that is a yes, and its words are added (what they name wins over the earlier answers).
        const decision = decider.decide(turn, turnTriage(step.context), { lean: false });
        if (decision.kind === 'task' && decision.intent === paused.intent && !decision.safetyFirst) return this.resume(step, paused);
        // "ok, let's get back to the booking": the paused task named again is a yes.
        if (decider.namesTask(turn, paused.intent)) return this.resume(step, paused);
        // A yes in other words ("ok back to the video visit", "sí, la cita"): what its words name is added.
        const safety = decision.kind === 'triage' || decision.kind === 'safetyNet' || decision.kind === 'agent';
        if (!safety && resumeWords.goesBack(turn.text, turn.locale, paused, decision.kind !== 'unclear')) return this.resume(step, paused);
        return step.replaceDialog(FLOW, {});
      }
    }
  }

  private resume(step: WaterfallStepContext, paused: PausedTask): Promise<DialogTurnResult> {
    return step.replaceDialog(FLOW, { resume: this.withWords(step.context, paused) } satisfies FlowOptions);
  }

  /**
   * Going back with words beside (or instead of) the yes ("yes, the 9:00 with Chen", "sí, el martes
   * por la mañana"): they are read as part of the task's request, so what they say answers the
   * question the task was waiting on (a day or time, a slot, an option) and is not asked again.
   * A plain yes adds nothing.
   */
  private withWords(context: TurnContext, paused: PausedTask): PausedTask {
    const words = turnInfo(context).text;
    if (!words || this.parts.kit.options.match(words, 'resume', 'exact')) return paused;
    keepResumedWords(context, words);
    return { ...paused, text: [paused.text, words].filter(Boolean).join(' '), added: words };
  }

  /** What the paused task was, for "do you want to go back to …?" ("booking your appointment"). */
  private pausedTitle(context: TurnContext, paused: PausedTask): string {
    const { kit } = this.parts;
    const action = paused.intent === 'appointment' ? paused.answers.action : undefined;
    const key = action && kit.catalog.has(`main.resume.appointment.${action}`) ? `main.resume.appointment.${action}` : `main.resume.task.${paused.intent}`;
    return kit.text(context, key);
  }
}
