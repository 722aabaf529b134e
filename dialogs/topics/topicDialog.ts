import type { TurnContext } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { DialogKit } from '../common/kit';
import { NO_VERIFICATION, type IdentityVerification } from '../identity/verification';
import { QUESTIONS, type QuestionKey } from '../questions';
import { TASK_INTENTS, type TaskIntentId } from '../../intents/types';
import { ChoiceQuestion, type ChoiceAnswer } from '../common/questions';
import { TaskDialog, values, type TaskOptions, type TaskOutcome } from '../common/taskDialog';
import { turnInfo } from '../turn';
import { lineOfTopic } from './lastLine';
import { sendTopicAnswer } from './topicAnswer';
import type { SpecialAnswer } from './specialAnswer';
import type { AnyTopicTable } from './topicTable';

/**
 * A task dialog driven by a TopicTable (sign-in help, billing, records, video visits, contacting
 * the care team): which sub-topic (skipped when the opening message names it), the answer with
 * its portal pages, and for some sub-topics the offer of a person.
 */
export class TopicDialog extends TaskDialog {
  static override readonly STEPS = ['topic', 'offerPerson'] as const;

  constructor(
    kit: DialogKit,
    private readonly table: AnyTopicTable,
    /**
     * Who is signed in (the portal, a code, a Teams user mapped to a member), so an answer never
     * tells a signed-in member to sign in.
     */
    private readonly verification: Pick<IdentityVerification, 'route'> = NO_VERIFICATION,
    /** Sub-topics whose answer is built from data and the member's words (pharmacy hours, a named class). */
    private readonly special: Readonly<Record<string, SpecialAnswer>> = {},
  ) {
    super(table.intent, kit);
    this.addFlow([
      (step) => this.askTopic(step),
      (step) => this.answerStep(step),
      (step) => this.afterOffer(step),
    ]);
  }

  /** The menu shows the listed sub-topics; an unlisted one is answered when named (also in the opening message). */
  private async askTopic(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const unlisted = this.table.unlisted ?? [];
    const byLine = this.lineAskedFor(step);
    if (byLine) return step.next({ answer: byLine } satisfies ChoiceAnswer);
    // An unlisted sub-topic kept from the answer before ("the one on main st" after the pharmacy's
    // hours: the clinic finder) or named in the message.
    const prefilled = this.resumed(step, 'topic', this.table.question) ?? this.prefilled(step, this.table.question);
    if (prefilled) return step.next({ answer: prefilled } satisfies ChoiceAnswer);
    const ids = QUESTIONS[this.table.question].filter((id) => !unlisted.includes(id));
    // A sentence that fits no option is answered or routed anew (`noOption`), never met with the same menu.
    return this.ask(step, 'topic', this.table.question, { ids, unlisted, noMatch: 'sentence', ...(this.table.byAnswerOf ? { byAnswerOf: this.table.byAnswerOf } : {}) });
  }

  /**
   * "whats the number" / "¿y el teléfono?" (a number, and nothing about whose) right after a topic
   * with a phone line: the sub-topic that gives that line; otherwise null (the menu, as usual).
   */
  private lineAskedFor(step: WaterfallStepContext): string | null {
    const { text, previous } = (step.options as TaskOptions | undefined) ?? {};
    if (!this.table.lines || !text || this.kit.options.match(text, 'contact.number', 'exact') !== 'askNumber') return null;
    const line = lineOfTopic(previous);
    return (line && this.table.lines[line]) ?? null;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as ChoiceAnswer | undefined;
    const id = result?.answer;
    if (!id) return result && 'stuck' in result && !result.stuck ? this.noOption(step) : this.stuck(step);
    await this.answered(step, 'topic', id);
    const answer = this.table.answers[id]!;
    const special = this.special[id];
    if (special) await this.kit.send(step.context, await special.reply(step.context, (step.options as TaskOptions | undefined)?.text));
    else await sendTopicAnswer(this.kit, step.context, this.intent, id, answer, await this.signedIn(step.context));
    if (answer.startTask) {
      const answers = { ...answer.startWith, ...this.startReads(step, answer) };
      return this.done(step, { kind: 'switch', to: answer.startTask, ...(Object.keys(answers).length ? { answers } : {}) });
    }
    if (!answer.offerPerson) return this.done(step);
    values(step).offerPerson = answer.offerPerson;
    return step.beginDialog(ChoiceQuestion.ID, { question: 'offerPerson', prompt: 'common.offerPerson', mode: 'contains', noMatch: 'end' });
  }

  /**
   * A sentence to the menu that fits none of its options: a question about this topic (the
   * recognizer is sure of it) gets the topic's line and the offer of a person; anything else is a
   * new request, routed afresh (the same menu would only refuse it again).
   */
  private async noOption(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { result } = turnInfo(step.context);
    if (result.intent !== this.intent || result.score < this.kit.policy.routeAt) return this.done(step, { kind: 'completed', reroute: true });
    const locale = this.kit.locale(step.context);
    const line = this.table.otherLine ?? 'memberServices';
    const phone = this.kit.profile.phone(line, locale);
    await this.kit.say(step.context, 'common.noOptionLine', { team: this.kit.text(step.context, `phones.${line}`), number: phone.number, hours: phone.hours, tty: this.kit.profile.phones.tty });
    values(step).offerPerson = 'unclear';
    return step.beginDialog(ChoiceQuestion.ID, { question: 'offerPerson', prompt: 'common.offerPerson', mode: 'contains', noMatch: 'end' });
  }

  /**
   * The started task's answers read from the member's words (`startReads`): the answer to the menu
   * first (the newer words), else the opening message.
   */
  private startReads(step: WaterfallStepContext, answer: AnyTopicTable['answers'][string]): Record<string, string> {
    return this.read(answer.startReads, [turnInfo(step.context).text, (step.options as TaskOptions | undefined)?.text]);
  }

  /**
   * The menu left for the task an option starts ("agendar una videoconsulta" to the video-visits
   * menu, routed as a booking): what that option reads from the member's words goes with it.
   */
  protected override answersFor(to: TaskIntentId, said: ReadonlyArray<string | undefined>): Record<string, string> {
    const option = Object.values(this.table.answers).find((answer) => answer.startTask === to && answer.startReads);
    return option ? this.read(option.startReads, said) : {};
  }

  private read(reads: Readonly<Record<string, QuestionKey>> | undefined, said: ReadonlyArray<string | undefined>): Record<string, string> {
    const texts = said.filter((t): t is string => !!t);
    const read: Record<string, string> = {};
    for (const [name, question] of Object.entries(reads ?? {})) {
      const id = texts.map((text) => this.kit.options.prefill(text, question)).find((found) => !!found);
      if (id) read[name] = id;
    }
    return read;
  }

  private async signedIn(context: TurnContext): Promise<boolean> {
    return (await this.verification.route(context)).kind === 'verified';
  }

  private async afterOffer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = (step.result as ChoiceAnswer | undefined)?.answer;
    if (answer === 'agent') return this.done(step, { kind: 'person', reason: values(step).offerPerson } as TaskOutcome);
    // "No" ends the topic; anything else is a new request, routed afresh, and so is a no with a
    // request after it ("no. can i pay it in installments", "no gracias. ¿puedo pagarla en partes?").
    const reroute = answer === null || (answer === 'no' && this.noWithRequest(step.context));
    // Routed afresh, it is still said right after the answer: "that doesnt explain why its 340" or
    // "who do i call if its wrong" is read in its light, as after "anything else?" (newcomer run v20).
    const trail = reroute ? await this.kit.memory.topic(step.context) : undefined;
    if (trail?.intent === this.intent && trail.answers.topic) await this.kit.memory.notePrior(step.context, { topics: [trail.intent], answers: { ...trail.answers } });
    return this.done(step, { kind: 'completed', reroute });
  }

  /** A no to the offer of a person said with more: a question or a request for a task. */
  private noWithRequest(context: TurnContext): boolean {
    const { text, result } = turnInfo(context);
    if (this.kit.options.match(text, 'offerPerson', 'exact')) return false;
    const task = TASK_INTENTS.some((t) => t === result.intent) && result.score >= this.kit.policy.routeAt;
    return task || text.includes('?') || this.kit.phrases.isRequest(text);
  }
}
