import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogInstance,
  type DialogTurnResult,
  type WaterfallStep,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import type { TaskIntentId } from '../../intents/types';
import { QUESTIONS, type QuestionKey } from '../questions';
import { turnInfo, turnTriage } from '../turn';
import { INFO_TABLES } from '../topics/tables';
import { sendTopicAnswer } from '../topics/topicAnswer';
import type { AnyTopicTable } from '../topics/topicTable';
import { changedMind } from './changedMind';
import { interruptionOf } from './interruption';
import type { DialogKit } from './kit';
import { keepLaterAnswers, openQuestion, type LaterTask } from './laterAnswers';
import { PickQuestion } from './pickQuestion';
import { taskNotes } from './taskNotes';
import { careAskedAtQuestion, signalAtQuestion } from './healthAtQuestion';
import { freshRequest, otherTopic, outOfScope, saysThanks } from './taskTurn';
import type { LaterFlow, PausedTask, TaskOptions, TaskOutcome } from './taskTypes';
import { ConfirmQuestion } from './confirmQuestion';
import { ChoiceQuestion, Question, type ChoiceAnswer, type ChoiceQuestionOptions } from './questions';

// The types a task dialog is started with and ends with (taskTypes.ts), for the modules that import them from here.
export type { LaterFlow, PausedTask, TaskOptions, TaskOutcome } from './taskTypes';

/** A triage outcome the model reached from words alone, with no health or distress concept. */
const WORDS_ONLY = /^model:[a-z_]+:words$/;

/** A waterfall's values (botbuilder types them as `object`). */
export function values(step: WaterfallStepContext): Record<string, string | undefined> {
  return step.values as Record<string, string | undefined>;
}

/**
 * Base of every task dialog (like core-bot's CancelAndHelpDialog): before each step it checks the
 * member's message for an interruption — help (answered in place, then the question again),
 * cancel, start over, a person, or a confident switch to another topic (which end the dialog with
 * an outcome). An answer that is exactly one of the offered options is never an interruption
 * ("Cancel an appointment" answers "what would you like to do?").
 */
export abstract class TaskDialog extends ComponentDialog {
  /** The questions this dialog can ask, in order (tests walk them). */
  static readonly STEPS: readonly string[] = [];

  /**
   * Steps whose answer still holds for the next task of the same topic in the conversation
   * (appointments: who the visit is for), so that it is not asked again.
   */
  protected readonly carries: readonly string[] = [];

  protected constructor(
    readonly intent: TaskIntentId,
    protected readonly kit: DialogKit,
  ) {
    super(intent);
    this.addDialog(new ChoiceQuestion(kit));
  }

  protected addFlow(steps: WaterfallStep[]): void {
    const id = `${this.intent}.flow`;
    this.addDialog(new WaterfallDialog(id, steps));
    this.initialDialogId = id;
  }

  /**
   * A plain-answer sub-topic of this task named in the opening message ("how do automatic refills
   * work", "put me on the waitlist"): answered at once, without the task's questions.
   */
  protected override async onBeginDialog(innerDc: DialogContext, options?: TaskOptions): Promise<DialogTurnResult> {
    await taskNotes(this.kit, innerDc.context, this.intent, options?.text);
    const table = INFO_TABLES.find((t) => t.intent === this.intent);
    const text = options?.text;
    const id = table && text && !this.kit.options.match(text, 'topics', 'exact') ? this.kit.options.prefill(text, table.question) : null;
    if (!table || !id) return super.onBeginDialog(innerDc, options);
    await this.kit.memory.remember(innerDc.context, 'topic', id);
    await sendTopicAnswer(this.kit, innerDc.context, this.intent, id, (table.answers as AnyTopicTable['answers'])[id]!);
    return { status: DialogTurnStatus.complete, result: { kind: 'completed' } satisfies TaskOutcome };
  }

  /**
   * A change of mind said in a sentence, read before the task's own reading of the answer (a day in
   * "actually never mind, ill keep the tuesday one" is no preferred time): see `changedMind`.
   */
  override async continueDialog(outerDc: DialogContext): Promise<DialogTurnResult> {
    // "es grave? lo llevo a urgencias o espero?" at any question: a health question first (v20).
    const inner = this.createChildContext(outerDc);
    const care = inner ? await careAskedAtQuestion(this.kit, inner, this.intent) : null;
    if (care) return care;
    const changed = await changedMind({ intent: this.intent, kit: this.kit, readsOwnChange: (dc, rest) => this.readsOwnChange(dc, rest) }, this.createChildContext(outerDc));
    if (changed) return this.endComponent(outerDc, changed);
    return super.continueDialog(outerDc);
  }

  /**
   * Whether the words after a change of mind ask this task for another change it makes itself
   * (a task overrides it: moving a visit, "never mind, just cancel it"); then the task reads them.
   */
  protected readsOwnChange(_innerDc: DialogContext, _rest: string): boolean {
    return false;
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const context = innerDc.context;
    // The question being answered may sit inside a child dialog (identity verification, a pick).
    let innermost: DialogContext = innerDc;
    while (innermost.child) innermost = innermost.child;
    const active = innermost.activeDialog;
    const question = active ? innermost.findDialog(active.id) : undefined;
    const asked = question instanceof Question && active ? question : null;
    // mental_health / symptoms (the safety triage): an option picked as offered ("Mental health") is
    // just the answer; another answer to the question is taken as one, with the line (nurse line,
    // 988) beside it; anything else gets the triage's answer, then the
    // question again with an offer to go on (the task is not lost).
    const triage = turnTriage(context);
    // A plain answer to the open question ("en la mañana" to "When would you prefer?") that the
    // symptoms model leans on from its words alone, with no health concept in it: an answer, not
    // symptoms (no nurse line beside it).
    if (triage.match?.intent === 'symptoms' && !triage.answered && WORDS_ONLY.test(triage.match.rule) && asked && active && !asked.loose && asked.accepts(active, context)) {
      triage.match = null;
    }
    if (triage.match && !triage.answered && !(asked && active && asked.isExactAnswer(active, context))) {
      if (asked && active && !asked.loose && asked.accepts(active, context)) {
        await this.kit.triage.note(context, triage.match);
      } else {
        await this.kit.triage.answer(context, triage.match);
        await this.kit.say(context, 'safety.resume', { topic: this.kit.text(context, `topics.${this.intent}`) });
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      }
    }
    if (!(asked && active && asked.isExactAnswer(active, context))) {
      // The slot answer first: a message the question accepts ("in person please" to "How would you
      // like to be seen?") is that answer, whatever else the recognizer hears in it; only words that
      // clearly ask for something else ("never mind", "talk to a person") interrupt it. A loose
      // question (a medicine's name) accepts almost anything, so there the recognizer still decides.
      const slotAnswer = !!(asked && active && !asked.loose && asked.accepts(active, context));
      // An answer that carries more than the open question asks ("para mí, en persona", "primary
      // care, tomorrow afternoon"): the other details are kept too, so their questions are not asked.
      if (slotAnswer && active) await keepLaterAnswers(this.laterTask(), innerDc, openQuestion(active));
      // An answer to another of this task's questions ("in person" to "Who is the appointment
      // for?"): kept for that question, and the open one asked again; not a request for a person.
      if (asked && !slotAnswer && (await this.answerKeptForLater(innerDc))) return Dialog.EndOfTurn;
      const interruption = interruptionOf(context, this.kit, slotAnswer);
      if (interruption === 'help') {
        await this.kit.say(context, 'common.helpInDialog');
        await innerDc.repromptDialog();
        return Dialog.EndOfTurn;
      }
      if (interruption) return this.finish(innerDc, { kind: 'interrupted', by: interruption });
      // "Something else" (offered when no option fits): back to the topics, to say it in other words.
      if (asked && this.kit.options.match(turnInfo(context).text, 'topics', 'exact', ['somethingElse'])) {
        return this.finish(innerDc, { kind: 'interrupted', by: 'startOver' });
      }
      // "no, and what's my copay?" to a yes/no confirmation: the no is honoured (said) and the request routed.
      const after = freshRequest(this.kit, this.intent, context);
      if (after && asked instanceof ConfirmQuestion && active && asked.declinesWithMore(active, context)) return this.switchTo(innerDc, after, true, asked, active);
      const other = otherTopic(this.kit, this.intent, context);
      if (other && !slotAnswer && !(asked && active && asked.accepts(active, context))) return this.switchTo(innerDc, other, !!asked, asked, active);
      // A request for something no topic covers ("will it snow on friday?") at a menu: said to be out
      // of scope, then the menu once; a second one is routed afresh (the out-of-scope answer and the
      // topics), never the same menu again.
      if (asked instanceof ChoiceQuestion && active && !slotAnswer && !asked.accepts(active, context) && outOfScope(this.kit, context)) {
        if (asked.saidOutOfScope(active)) return this.finish(innerDc, { kind: 'completed', reroute: true });
        await asked.outOfScope(context, active);
        return Dialog.EndOfTurn;
      }
      // "ok thanks" / "gracias" to a menu: the member is done, not asking for something else.
      if (asked instanceof ChoiceQuestion && active && !asked.accepts(active, context) && saysThanks(this.kit, context)) {
        return this.finish(innerDc, { kind: 'closed' });
      }
      // An answer that fits no option of a closed question or item of a list but is clearly another request: routed afresh.
      const fresh = freshRequest(this.kit, this.intent, context);
      if (fresh && (asked instanceof ChoiceQuestion || asked instanceof PickQuestion) && active && !asked.accepts(active, context)) return this.switchTo(innerDc, fresh, true, asked, active);
      // Nothing took it, and it carries a health, distress or safety signal: the safety line and a way forward, never "not among these choices".
      const signal = await signalAtQuestion(this.kit, innerDc, this.intent);
      if (signal) return signal;
    }
    return super.onContinueDialog(innerDc);
  }

  /**
   * The questions this task may ask later (step name → question) that a short message can answer
   * ahead of time; the values given so far tell which apply. None by default.
   */
  protected laterQuestions(_given: Readonly<Record<string, unknown>>): Readonly<Record<string, QuestionKey>> {
    return {};
  }

  /** This task, as keeping later answers reads it (its overrides of `laterQuestions` and `keepLaterDetails`). */
  private laterTask(): LaterTask {
    return {
      intent: this.intent,
      kit: this.kit,
      laterQuestions: (given) => this.laterQuestions(given),
      keepLaterDetails: (context, text, flow, open) => this.keepLaterDetails(context, text, flow, open),
    };
  }

  /**
   * The message answers only later questions of this task: what it gives is kept, said so (so that
   * the question asked again is not read as the answer ignored), and the open question asked again.
   */
  protected async answerKeptForLater(innerDc: DialogContext): Promise<boolean> {
    const active = innerDc.activeDialog;
    const kept = await keepLaterAnswers(this.laterTask(), innerDc, active ? openQuestion(active) : undefined);
    if (!kept.length) return false;
    await this.kit.say(innerDc.context, 'common.answerKept', { answers: kept.join(', ') });
    await innerDc.repromptDialog();
    return true;
  }

  /**
   * Details a message gives that are no option of a later question (a day or time said early, for
   * "When would you prefer?"): kept in the flow's values, and described for the member. None by
   * default. `open` is the question being answered, whose own details are not taken.
   */
  protected keepLaterDetails(_context: TurnContext, _text: string, _flow: LaterFlow, _open?: QuestionKey): string[] {
    return [];
  }

  /**
   * The member changed topic: this task is paused (MainDialog offers it again after the new topic)
   * when it had made progress — an answer on its trail, or a question waiting (`waiting`); a
   * confirmation waiting is dropped instead.
   */
  private async switchTo(innerDc: DialogContext, to: TaskIntentId, waiting: boolean, asked?: object | null, active?: DialogInstance): Promise<DialogTurnResult> {
    // A new request instead of a yes or a no: the confirmation is dropped, said in a few words, and
    // not offered again afterwards (a change to a record is never made on a stale yes).
    // The opening message, as this task's flow was started with it (a resumed task keeps the first one).
    const flow = innerDc.stack.find((instance) => instance.id === `${this.intent}.flow`);
    const text = (flow?.state as { options?: TaskOptions } | undefined)?.options?.text;
    const given = this.answersFor(to, [turnInfo(innerDc.context).text, text]);
    const carried = Object.keys(given).length ? { answers: given } : {};
    if (asked instanceof ConfirmQuestion && active) {
      await this.kit.send(innerDc.context, { text: asked.droppedText(active, innerDc.context) });
      return this.finish(innerDc, { kind: 'switch', to, ...carried });
    }
    const trail = await this.kit.memory.topic(innerDc.context);
    const answers = trail?.intent === this.intent ? { ...trail.answers } : {};
    if (!waiting && !Object.keys(answers).length) return this.finish(innerDc, { kind: 'switch', to, ...carried });
    // "no i dont want an appointment. is my renewal sent?", "no, nada de video. como pido ...": a task
    // the member says they don't want, or whose topic they say no to, is not offered back.
    const said = turnInfo(innerDc.context).text;
    if (this.kit.phrases.changeOfMind.rejects(said) || this.kit.options.negated(said, 'topics', this.intent)) return this.finish(innerDc, { kind: 'switch', to, ...carried });
    const paused: PausedTask = { intent: this.intent, ...(text ? { text } : {}), answers };
    return this.finish(innerDc, { kind: 'switch', to, paused, ...carried });
  }

  /**
   * Answers the task switched to is started with, read from the member's words (the newer first):
   * none by default; the video-visits menu gives a booking whose visit it is ("para mi hija").
   */
  protected answersFor(_to: TaskIntentId, _said: ReadonlyArray<string | undefined>): Record<string, string> {
    return {};
  }

  private async finish(innerDc: DialogContext, outcome: TaskOutcome): Promise<DialogTurnResult> {
    await innerDc.cancelAllDialogs();
    return { status: DialogTurnStatus.complete, result: outcome };
  }

  // --- helpers for the steps ---------------------------------------------------------------------

  /**
   * Asks a closed question (`<intent>.ask.<step>`) unless the member already answered it (a paused
   * task gone back to, or the task of the same topic just before, for the steps it `carries`) or
   * the opening message did.
   */
  protected async ask(
    step: WaterfallStepContext,
    name: string,
    question: QuestionKey,
    extra: Partial<ChoiceQuestionOptions> = {},
  ): Promise<DialogTurnResult> {
    const prefilled = this.resumed(step, name, question, extra.ids) ?? this.prefilled(step, question, extra.ids) ?? this.carried(step, name, question, extra.ids);
    if (prefilled) return step.next({ answer: prefilled } satisfies ChoiceAnswer);
    return step.beginDialog(ChoiceQuestion.ID, { question, prompt: `${this.intent}.ask.${name}`, ...extra } satisfies ChoiceQuestionOptions);
  }

  /** Going back to a paused task: the option the member already chose at this step, if still offered. */
  protected resumed(step: WaterfallStepContext, name: string, question: QuestionKey, ids: readonly string[] = QUESTIONS[question]): string | null {
    const options = step.options as TaskOptions | undefined;
    const answer = options?.answers?.[name];
    if (!answer || !ids.includes(answer)) return null;
    // Words said when going back ("... the lab one", "actually for my son") name the newer answer.
    return (options?.added && this.kit.options.prefill(options.added, question, ids)) || answer;
  }

  /** The answer the task of this topic just before gave at this step, when the step `carries`. */
  protected carried(step: WaterfallStepContext, name: string, question: QuestionKey, ids: readonly string[] = QUESTIONS[question]): string | null {
    if (!this.carries.includes(name)) return null;
    const previous = (step.options as TaskOptions | undefined)?.previous;
    const answer = previous?.intent === this.intent ? previous.answers[name] : undefined;
    return answer && ids.includes(answer) ? answer : null;
  }

  /** An option named in the opening message ("reschedule my appointment"), if exactly one. */
  protected prefilled(step: WaterfallStepContext, question: QuestionKey, ids?: readonly string[]): string | null {
    const text = (step.options as TaskOptions | undefined)?.text;
    // A topic picked from the menu ("Test results & records") says nothing about the sub-topic.
    if (!text || this.kit.options.match(text, 'topics', 'exact')) return null;
    return this.kit.options.prefill(text, question, ids);
  }

  /** Records an answer for the topic trail (escalation summary) and returns it. */
  protected async answered(step: WaterfallStepContext, name: string, value: string): Promise<string> {
    values(step)[name] = value;
    await this.kit.memory.remember(step.context, name, value);
    return value;
  }

  protected done(step: WaterfallStepContext, outcome: TaskOutcome = { kind: 'completed' }): Promise<DialogTurnResult> {
    return step.endDialog(outcome);
  }

  /** The member could not answer a question: MainDialog offers a person. */
  protected stuck(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog({ kind: 'stuck' } satisfies TaskOutcome);
  }
}
