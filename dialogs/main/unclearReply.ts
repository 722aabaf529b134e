import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { DialogKit } from '../common/kit';
import { ChoiceQuestion, type ChoiceAnswer, type ChoiceQuestionOptions } from '../common/questions';
import { values } from '../common/taskDialog';
import { turnInfo, type TurnInfo } from '../turn';
import { FLOW, isTask, type FlowOptions } from './flow';
import type { TopicNames } from '../topicNames';
import type { MainReplies } from './mainReplies';
import type { SecondRequest } from './secondRequest';

/** A `none` at least this sure (its best topic at most a fifth as likely as none) offers no topic to ask about. */
const SURELY_NONE = 0.8;
/**
 * A request ("can u ...", "write me ...") the recognizer reads as `none` at least this likely leaves
 * its runner-up a real chance only when the message names that task by its own words ("can u write
 * me a poem for my wife bday": none 0.78, billing 0.22, no word of a bill): otherwise it is out of
 * scope, not "is this about Billing?". A message that does not open with a request ("do i need to
 * be there") is still asked about.
 */
const LEANS_NONE = 0.6;
/** A message that ends as a question ("hay mucho tráfico hoy?"): one surely none of the topics is out of scope. */
const QUESTION = /\?\s*$/u;

/**
 * A message the routing is not sure about: "did you mean A or B?" with the most likely topics,
 * "say it another way", or, for something no topic is about, that it is outside what the assistant
 * does; a second unclear message in a row gets the topics menu and a person. Then the answer to
 * "did you mean …?": a pick starts its topic, anything else is a new request read in its light.
 */
export class UnclearReply {
  constructor(
    private readonly kit: DialogKit,
    private readonly replies: MainReplies,
    private readonly secondRequest: SecondRequest,
    private readonly topicNames?: Pick<TopicNames, 'named'>,
  ) {}

  async ask(step: WaterfallStepContext, turn: TurnInfo): Promise<DialogTurnResult> {
    const context = step.context;
    // "Did you mean Billing?", "say it another way" and the menu: never without the safety line
    // when the message carries a health, distress or safety signal (DESIGN.md, safety rule 2).
    await this.replies.safetyFirst(context);
    // A recognizer sure that it is none of the topics ("¿cuánto dinero hay en mi cuenta del
    // banco?" at 0.83) offers no runner-up to be asked about.
    const surelyNone = turn.result.intent === 'none' && turn.result.score >= SURELY_NONE;
    const leansNone = turn.result.intent === 'none' && turn.result.score >= LEANS_NONE && this.kit.phrases.startsWithRequest(turn.text);
    const named = leansNone && this.topicNames ? this.topicNames.named(turn.text) : [];
    const candidates = [
      ...new Set(
        (surelyNone ? [] : [turn.result, turn.result.runnerUp])
          .filter((r) => r && r.score >= this.kit.policy.clarifyAt)
          .map((r) => r!.intent)
          .filter(isTask)
          .filter((intent) => !leansNone || named.includes(intent)),
      ),
    ];
    // A request or question for something no topic is about ("order me a pizza", "what's the
    // weather", "hay mucho tráfico hoy?": a question by its mark too, v19 Z08): say so, then what we
    // do — also after an earlier unclear message (it is clear).
    if (!candidates.length && (this.kit.phrases.isRequest(turn.text) || (surelyNone && QUESTION.test(turn.text)))) {
      await this.kit.memory.setUnclear(context, 0);
      await this.replies.say(context, 'main.outOfScope', true);
      return step.endDialog();
    }
    const count = (await this.kit.memory.unclear(context)) + 1;
    if (count >= 2) {
      await this.kit.memory.setUnclear(context, 0);
      await this.replies.say(context, 'main.unclearTwice', true);
      return step.endDialog();
    }
    await this.kit.memory.setUnclear(context, count);
    if (!candidates.length) {
      await this.kit.say(context, 'main.rephrase');
      return step.endDialog();
    }
    const title = (id: string) => this.kit.text(context, `topics.${id}`);
    values(step).phase = 'clarify';
    values(step).candidates = candidates.join(' ');
    values(step).asked = turn.text;
    return step.beginDialog(ChoiceQuestion.ID, {
      question: 'topics',
      ids: [...candidates, 'somethingElse'],
      prompt: candidates.length === 2 ? 'main.clarifyTwo' : 'main.clarifyOne',
      vars: { a: title(candidates[0]!), b: title(candidates[1] ?? candidates[0]!) },
      mode: 'exact',
      noMatch: 'end',
    } satisfies ChoiceQuestionOptions);
  }

  /** The answer to "did you mean …?" (the `clarify` phase). */
  async answered(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const answer = (step.result as ChoiceAnswer | undefined)?.answer ?? null;
    if (isTask(answer)) return step.replaceDialog(FLOW, { start: answer } satisfies FlowOptions);
    if (answer === 'somethingElse') {
      await this.kit.say(context, 'main.askAgain');
      return step.endDialog();
    }
    // Not a pick: a new request, read in the light of the topics just offered ("ok book me something").
    const offered = (values(step).candidates ?? '').split(' ').filter(isTask);
    // "both": the topics asked about, one after the other (with the other request the message made, if one was offered).
    const asked = values(step).asked ?? '';
    const both = this.kit.phrases.isShortAnswer('clarify.both', turnInfo(context).locale, context.activity.text ?? '');
    const second = both && offered.length === 1 ? this.secondRequest.read(asked, offered[0]) : null;
    const pair = offered.length >= 2 ? [offered[0]!, offered[1]!] : second ? [second.first, second.next.intent] : null;
    if (both && pair) {
      const task = (intent: (typeof pair)[number], text = asked) => ({ intent, text, answers: {} });
      return step.replaceDialog(FLOW, { next: second ? task(second.first, second.firstText) : task(pair[0]), then: second?.next ?? task(pair[1]) } satisfies FlowOptions);
    }
    // "Just to be sure: is this about Appointments?" — "yeah get me in somewhere": a yes, then words.
    if (offered.length === 1 && this.kit.phrases.startsWithShortAnswer('clarify.leadingYes', turnInfo(context).locale, context.activity.text ?? '')) {
      return step.replaceDialog(FLOW, { start: offered[0]! } satisfies FlowOptions);
    }
    return step.replaceDialog(FLOW, (offered.length ? { offered: { topics: offered } } : {}) satisfies FlowOptions);
  }
}
