import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Reply } from '../channels/reply';
import type { AnswerAbout, RepeatReply } from './repeatReply';

/** What the answers of the last turns said, newest turn first (prints, never the member's words). */
export interface EchoState {
  turns?: string[][];
}

/** This turn has been counted (its answers go in the newest entry). */
const COUNTED = Symbol('answerEcho.counted');
/** This turn already sent the reply given instead of a repeated answer: the rest of it is not sent. */
const REPLACED = Symbol('answerEcho.replaced');
/** The turn being answered and the two before it. */
const KEPT = 3;
/** A safety line (911, 988, Poison Control, a hotline) is always sent, again if need be. */
const SAFETY_LINE = /\b(911|988)\b|1-800-222-1222|1-800-799-|hotline|línea (de crisis|nacional)/i;

/**
 * The same answer is never sent twice in a row (docs/conversation.md): an answer about to go out
 * with the same text (or the same `as`) as one of the previous turn's or the turn's before is
 * not sent again; the follow-up gets what it asks (dialogs/repeatReply.ts) or "no more detail
 * than above", with the page, the line and a person. A safety answer is never held back, and a
 * safety answer given forgets what was said (the conversation has moved on).
 */
export class AnswerEcho {
  constructor(
    private readonly accessor: StatePropertyAccessor<EchoState>,
    private readonly replies: RepeatReply,
  ) {}

  /** A turn that sends anything counts, so "the turn before" is the member's last message. */
  async count(context: TurnContext): Promise<void> {
    if (context.turnState.get(COUNTED)) return;
    context.turnState.set(COUNTED, true);
    const turns = (await this.accessor.get(context, {})).turns ?? [];
    await this.accessor.set(context, { turns: [[], ...turns].slice(0, KEPT) });
  }

  /**
   * The reply to send for `reply`: itself; what the follow-up asks, when it would repeat an
   * answer of the last two turns; or null (the rest of an answer already replaced this turn).
   */
  async vet(context: TurnContext, reply: Reply, about: AnswerAbout, text: (key: string, vars?: Record<string, string>) => string): Promise<Reply | null> {
    if (SAFETY_LINE.test(reply.text)) return reply;
    await this.count(context);
    const print = about.as ?? reply.text.trim();
    const [now = [], ...before] = (await this.accessor.get(context, {})).turns ?? [];
    const repeated = before.some((prints) => prints.includes(print)) || (about.repeats === true && this.replies.asks(context, about));
    if (!repeated) {
      await this.accessor.set(context, { turns: [[...now, print], ...before] });
      return reply;
    }
    if (context.turnState.get(REPLACED)) return null;
    context.turnState.set(REPLACED, true);
    // What the follow-up asks, else "no more detail": the first not given just before either.
    const candidates = this.replies.instead(context, reply, about, text);
    const instead = candidates.find((c) => !before.some((prints) => prints.includes(c.text.trim()))) ?? candidates.at(-1)!;
    await this.accessor.set(context, { turns: [[...now, instead.text.trim()], ...before] });
    return instead;
  }

  /** A safety answer was given: what came before is not compared with what comes after. */
  async forget(context: TurnContext): Promise<void> {
    await this.accessor.set(context, { turns: [] });
  }
}
