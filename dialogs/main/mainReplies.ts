import { phoneFor } from '../../handoff/core/contact';
import type { TurnContext } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { TASK_INTENTS, type Locale, type TaskIntentId } from '../../intents/types';
import type { DialogKit } from '../common/kit';
import { escalationRequest, type Escalation, type EscalationReason } from '../escalation';
import { safetyOf, turnInfo } from '../turn';

/** The line a closing ends with in this conversation, if any. */
export type ClosingLineOf = (context: TurnContext, locale: Locale) => Promise<string | undefined>;

/** The goodbyes: a closing line may follow them. */
const CLOSINGS: ReadonlySet<string> = new Set(['main.closing', 'main.goodbye']);

/** What the main dialog says itself: short answers (the safety line first) and the hand-off to a person. */
export class MainReplies {
  constructor(
    private readonly kit: DialogKit,
    private readonly escalation: Escalation,
    /** After a crisis, abuse or mental-health answer: the line a closing ends with (pipeline/closingLine.ts). */
    private readonly closing?: ClosingLineOf,
  ) {}

  /** A closing's last line when the conversation had a crisis, abuse or mental-health answer. */
  async closingLine(context: TurnContext): Promise<void> {
    const line = await this.closing?.(context, this.kit.locale(context));
    if (line) await this.kit.send(context, { text: line });
  }

  /** The safety line, once per turn, when the message carries a safety signal (DESIGN.md, safety rule 2). */
  async safetyFirst(context: TurnContext): Promise<void> {
    const safety = safetyOf(context);
    if (safety) await this.kit.triage.safetyNet(context, this.kit.locale(context), { ask: false, rule: safety.rule, abuseKind: safety.abuseKind, poisonDoubt: safety.poisonDoubt });
  }

  /** A text, after the safety line when one is due; `menu`: with the topics menu and a person. */
  async say(context: TurnContext, key: string, menu: boolean): Promise<void> {
    await this.safetyFirst(context);
    const locale = this.kit.locale(context);
    await this.kit.send(context, {
      text: this.kit.text(context, key),
      choices: menu ? this.kit.options.choices('topics', locale, [...TASK_INTENTS, 'agent']) : undefined,
    });
    if (CLOSINGS.has(key)) await this.closingLine(context);
  }

  /** `named`: the task the member's request for a person is about, when no topic is in progress. */
  async escalate(step: WaterfallStepContext, reason: EscalationReason, named?: TaskIntentId, callBack?: boolean): Promise<DialogTurnResult> {
    const context = step.context;
    const topic = await this.kit.memory.topic(context);
    // The task named with the request wins over an earlier topic's trail; a topic the member said
    // it is not about ("its not a password thing") is no topic for the person (v19 X09).
    const denied = turnInfo(context).denied;
    const trail = (named && topic?.intent !== named) || (denied && topic?.intent === denied) ? undefined : topic;
    const request = escalationRequest(context, reason, this.kit.locale(context), trail, { ...(named ? { intent: named } : {}), ...(callBack ? { callBack } : {}) });
    await this.escalation.requestPerson(context, request);
    // "how long is the wait?" next is about this hand-off's line.
    await this.kit.memory.noteHandOff(context, phoneFor(request.intent));
    // The topic ends with the hand-off: what the member writes next (perhaps to an agent) is not
    // an answer to its questions (a lone word after sign-in help is not taken for a password).
    await this.kit.memory.forgetTopic(context);
    return step.endDialog();
  }
}
