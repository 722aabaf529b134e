import type { TurnContext } from 'botbuilder';
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import type { Vars } from '../../common/responses';
import type { QUESTIONS, QuestionKey } from '../questions';
import { turnInfo } from '../turn';
import type { DialogKit } from './kit';
import { containsPhrase, fold } from './text';
import { ChoiceQuestion, type ChoiceAnswer, type ChoiceQuestionOptions } from './questions';

/** What a question asked back about the thing being confirmed may be about (`confirm.about.<id>` phrases). */
export type ConfirmAspect = (typeof QUESTIONS)['confirm.about'][number];

/** A text that answers a question asked back about one aspect ("which pharmacy?", "how much will it cost?"). */
export interface ConfirmDetail {
  key: string;
  vars?: Vars;
}

/** A yes/no confirmation before changing a record (book, cancel, refill). Plain data (kept in dialog state). */
export interface ConfirmOptions extends Omit<ChoiceQuestionOptions, 'question' | 'noMatch'> {
  /** What the member can ask back, and its answer: answered, then the same confirmation asked again. */
  details?: Partial<Record<ConfirmAspect, ConfirmDetail>>;
  /** Said when the member asks for something else instead ("OK, I haven't booked it."). */
  dropped: string;
  /** Replies the caller reads itself (its own questions: "why is it still pending"): the confirmation ends with no answer. */
  handles?: ReadonlyArray<{ question: QuestionKey; ids?: readonly string[] }>;
  /** Names the caller reads itself too ("es para Sam verdad?"). */
  names?: readonly string[];
  /**
   * A change to what is confirmed, which the caller makes and then asks again: options of these
   * questions ("make it a video visit instead", "a later time") or these names ("with Dr. Haddad").
   * Read before yes or no, so "no, I want video" is that change, not a plain no.
   */
  changes?: ReadonlyArray<{ question: QuestionKey; ids?: readonly string[] }>;
  changeNames?: readonly string[];
  /**
   * Words asking for another action of the task instead ("cancel my video visit instead" at "Book
   * …?", "mejor cancela mi cita"): options of this question. Never a change, a question back or a
   * reply the caller reads, even when they name a mode or a clinician; the task drops the
   * confirmation (nothing done) and routes them in the member's words (`asksElsewhere`).
   */
  elsewhere?: { question: QuestionKey; ids: readonly string[] };
}

/** How a confirmation ends: yes, no, no answer, or a change the caller reads (`changed`). */
export type ConfirmAnswer = ChoiceAnswer & { changed?: true };

/** The caller's text for one aspect, if it gave one. */
function details(instance: DialogInstance, aspect: ConfirmAspect): ConfirmDetail | null {
  const options = (instance.state as { options?: ConfirmOptions }).options;
  return options?.details?.[aspect] ?? null;
}

/** Questions asked back before the confirmation gives up on them and ends with no answer. */
const MAX_QUESTIONS = 3;

/**
 * The one yes/no confirmation every task asks before it changes something. A reply that is neither
 * yes nor no is never taken as a no: a question about what is confirmed ("which pharmacy?", "¿cuánto
 * cuesta?") is answered and the same confirmation asked again; a reply the caller reads itself ends
 * it; a change the caller reads (`changes`) ends it with `changed`, before any yes or no; a clear
 * new request, also after a no ("no, what's my copay?"), is left to the task (`TaskDialog` drops the
 * confirmation, says `dropped`, and routes it); anything else is asked again once, with the buttons
 * and the ways out.
 */
export class ConfirmQuestion extends ChoiceQuestion {
  static readonly CONFIRM_ID = 'question.confirm';

  constructor(kit: DialogKit) {
    super(kit, ConfirmQuestion.CONFIRM_ID);
  }

  static begin(dc: DialogContext, options: ConfirmOptions): Promise<DialogTurnResult> {
    return dc.beginDialog(ConfirmQuestion.CONFIRM_ID, { ...options, question: 'confirm' } satisfies ChoiceQuestionOptions & ConfirmOptions);
  }

  /** The reply asks for another action of the task instead (`elsewhere`), not for a change to this one. */
  asksElsewhere(instance: DialogInstance, context: TurnContext): boolean {
    const { elsewhere } = this.confirmOptions(instance);
    return !!elsewhere && this.kit.options.prefill(turnInfo(context).text, elsewhere.question, elsewhere.ids) !== null;
  }

  /** What the member should hear when this confirmation is dropped for another request. */
  droppedText(instance: DialogInstance, context: TurnContext): string {
    return this.kit.text(context, this.confirmOptions(instance).dropped);
  }

  override accepts(instance: DialogInstance, context: TurnContext): boolean {
    const state = instance.state as { thanked?: boolean };
    const thanked = !state.thanked && this.thanks(context) && details(instance, 'done') !== null;
    return super.accepts(instance, context) || this.changed(instance, context) || this.askedDetail(instance, context) !== null || this.handled(instance, context) || thanked;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const instance = dc.activeDialog!;
    if (this.changed(instance, dc.context)) return dc.endDialog({ answer: null, stuck: false, changed: true } satisfies ConfirmAnswer);
    if (super.accepts(instance, dc.context)) return super.continueDialog(dc);
    const detail = this.askedDetail(instance, dc.context);
    const state = instance.state as { questions?: number; thanked?: boolean };
    // Thanks or goodbye words while the change is still waiting for a yes ("thx", "gracias"): not a
    // goodbye, since nothing is done yet; what is pending is said (`done`) and the question asked once more.
    const thanked = !detail && this.thanks(dc.context) && !state.thanked ? details(instance, 'done') : null;
    if (thanked) {
      state.thanked = true;
      await this.kit.say(dc.context, thanked.key, thanked.vars);
      await this.repromptDialog(dc.context, instance);
      return Dialog.EndOfTurn;
    }
    if (detail && (state.questions ?? 0) < MAX_QUESTIONS) {
      state.questions = (state.questions ?? 0) + 1;
      await this.kit.say(dc.context, detail.key, detail.vars);
      await this.repromptDialog(dc.context, instance);
      return Dialog.EndOfTurn;
    }
    if (this.handled(instance, dc.context)) return dc.endDialog({ answer: null, stuck: false } satisfies ChoiceAnswer);
    return super.continueDialog(dc);
  }

  /**
   * A no with more after it ("no wait, what's my copay first?"), that this confirmation does not
   * read itself (a change, a question back, a reply the caller handles): the task may honour the no
   * and take the rest as the member's next request.
   */
  declinesWithMore(instance: DialogInstance, context: TurnContext): boolean {
    if (this.isExactAnswer(instance, context) || this.changed(instance, context) || this.askedDetail(instance, context) || this.handled(instance, context)) return false;
    const text = turnInfo(context).text;
    return this.kit.options.match(text, 'confirm', 'contains', ['no']) === 'no' && this.kit.options.match(text, 'confirm', 'contains', ['yes']) === null;
  }

  /** Thanks or goodbye words, which are no answer to a yes/no question. */
  private thanks(context: TurnContext): boolean {
    const { intent, score } = turnInfo(context).result;
    if ((intent !== 'thanks' && intent !== 'goodbye') || score < this.kit.policy.routeAt) return false;
    // A no with more after it ("no, nada más quería saber si ya está lista") is a no and a request
    // (declinesWithMore), never thanks.
    const text = turnInfo(context).text;
    return this.kit.options.match(text, 'confirm', 'contains', ['no']) !== 'no';
  }

  private confirmOptions(instance: DialogInstance): ConfirmOptions {
    return this.options(instance) as unknown as ConfirmOptions;
  }

  private askedDetail(instance: DialogInstance, context: TurnContext): ConfirmDetail | null {
    const { details } = this.confirmOptions(instance);
    if (!details || this.asksElsewhere(instance, context)) return null;
    const ids = Object.keys(details);
    const aspect = this.kit.options.match(turnInfo(context).text, 'confirm.about', 'contains', ids) as ConfirmAspect | null;
    return aspect ? (details[aspect] ?? null) : null;
  }

  /** The reply asks for a change the caller reads (another mode, another clinician, a later time). */
  private changed(instance: DialogInstance, context: TurnContext): boolean {
    const text = turnInfo(context).text;
    const { changes = [], changeNames = [] } = this.confirmOptions(instance);
    if (this.asksElsewhere(instance, context)) return false;
    return changes.some((c) => this.kit.options.mentioned(text, c.question, c.ids).length > 0) || changeNames.some((name) => containsPhrase(fold(text), fold(name)));
  }

  private handled(instance: DialogInstance, context: TurnContext): boolean {
    const text = turnInfo(context).text;
    const { handles = [], names = [] } = this.confirmOptions(instance);
    if (this.asksElsewhere(instance, context)) return false;
    return handles.some((h) => this.kit.options.match(text, h.question, 'contains', h.ids) !== null) || names.some((name) => containsPhrase(fold(text), fold(name)));
  }
}
