import { ActivityTypes, type Activity, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { ResponseCatalog } from '../common/responses';
import type { Locale } from '../intents/types';
import { capabilitiesOf } from './capabilities';
import { CARD_CHOICE_KEY, renderReply } from './render';
import type { Choice, Reply } from './reply';

const SENDING = Symbol('replySender.sending');

/**
 * Marks activities that must reach the member at once, whatever else happens to the turn (the
 * emergency answer): the reply buffer delivers them immediately and never drops them.
 */
export const URGENT = Symbol('replySender.urgent');

export function isUrgent(activity: Partial<Activity>): boolean {
  return (activity as Record<symbol, unknown>)[URGENT] === true;
}

/**
 * Sends Replies in the form the member's channel can show, and on channels without buttons
 * remembers the numbered choices it offered so that a bare "2" picks the one numbered 2.
 */
export class ReplySender {
  constructor(
    private readonly catalog: ResponseCatalog,
    private readonly offeredChoices: StatePropertyAccessor<Choice[]>,
  ) {}

  /**
   * Call once at the start of a turn. Anything else the bot sends (a prompt, an emergency
   * answer) replaces the numbered list the member may be answering, so it forgets the offer.
   */
  attach(context: TurnContext): void {
    context.onSendActivities(async (ctx, activities, next) => {
      if (!ctx.turnState.get(SENDING) && activities.some((a) => a.type === ActivityTypes.Message)) {
        await this.offeredChoices.set(ctx, []);
      }
      return next();
    });
  }

  async forgetChoices(context: TurnContext): Promise<void> {
    await this.offeredChoices.delete(context);
  }

  /**
   * `keepOfferedChoices`: an aside (the SMS HELP answer) that leaves the numbered list the member
   * is answering in force. `urgent`: delivered at once even while the turn's replies are held
   * for its state commit (see URGENT).
   */
  async send(
    context: TurnContext,
    reply: Reply,
    locale: Locale,
    options: { keepOfferedChoices?: boolean; urgent?: boolean } = {},
  ): Promise<void> {
    const caps = capabilitiesOf(context.activity.channelId);
    const activities = renderReply(reply, caps, { replyWithNumber: this.catalog.text(locale, 'channel.replyWithNumber') });
    if (options.urgent) for (const activity of activities) (activity as Record<symbol, unknown>)[URGENT] = true;
    context.turnState.set(SENDING, true);
    try {
      await context.sendActivities(activities);
    } finally {
      context.turnState.delete(SENDING);
    }
    if (caps.plainText && !options.keepOfferedChoices) await this.offeredChoices.set(context, reply.choices ?? []);
  }

  /**
   * Turns what a member picked into ordinary message text: a number answering the last numbered
   * list (SMS), or the value an Adaptive Card choice list submitted (Teams). Call before routing.
   */
  async normalizeInput(context: TurnContext): Promise<void> {
    const activity = context.activity;
    if (activity.type !== ActivityTypes.Message) return;
    const submitted = (activity.value as Record<string, unknown> | undefined)?.[CARD_CHOICE_KEY];
    if (!activity.text?.trim() && typeof submitted === 'string') {
      activity.text = submitted;
      return;
    }
    const digits = /^\s*(\d{1,2})\s*[.)]?\s*$/.exec(activity.text ?? '');
    if (!digits) return;
    const offered = await this.offeredChoices.get(context, []);
    // The number shown beside it (a list that kept its first numbers), or its place.
    const picked = offered.find((c, i) => (c.number ?? i + 1) === Number(digits[1]));
    if (picked) activity.text = picked.value;
  }
}
