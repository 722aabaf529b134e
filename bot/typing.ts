import { ActivityTypes, DeliveryModes, TurnContext, type Activity, type Middleware } from 'botbuilder';
import { capabilitiesOf } from '../channels/capabilities';

/** How often "typing" is repeated while a turn works (Web Chat hides the indicator after 5 s). */
export const TYPING_PERIOD_MS = 3000;

/**
 * Adapter middleware: as soon as a member's message arrives on a channel that shows typing
 * indicators (Web Chat, Teams), say "typing", and repeat it while the turn is still working, so
 * the member sees that an answer is coming. After each message the bot sends, the repeat waits a
 * full period again, so no indicator follows the last answer of a turn. Not for expectReplies
 * (the replies come back in one HTTP answer) nor for SMS.
 *
 * Sent through the adapter, not `context.sendActivity`, as botbuilder's ShowTypingMiddleware
 * does: otherwise the turn would count as "responded" and prompts would skip their retry prompt.
 * A failure to send it never stops the turn. `quiet` says when the assistant will not answer
 * (a conversation in a hand-off to a person): no indicator then.
 */
export function typingIndicator(periodMs = TYPING_PERIOD_MS, quiet?: (context: TurnContext) => Promise<boolean>): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const { type, deliveryMode, channelId } = context.activity;
      if (type !== ActivityTypes.Message || deliveryMode === DeliveryModes.ExpectReplies || !capabilitiesOf(channelId).typing) {
        return next();
      }
      // A person has the conversation (or it waits for one): the assistant does not answer, so it
      // shows no typing dots. A failed check counts as not quiet (an answer may be coming).
      if (quiet && (await quiet(context).catch(() => false))) return next();
      let finished = false;
      let timer: NodeJS.Timeout | undefined;
      const schedule = () => {
        clearTimeout(timer);
        if (finished) return;
        timer = setTimeout(() => void send(), periodMs);
        timer.unref?.();
      };
      const send = async () => {
        if (finished) return;
        const typing = TurnContext.applyConversationReference(
          { type: ActivityTypes.Typing },
          TurnContext.getConversationReference(context.activity),
        ) as Partial<Activity>;
        try {
          await context.adapter.sendActivities(context, [typing]);
        } catch {
          // The answer itself will fail the same way, and the turn-error handler reports that.
        }
        schedule();
      };
      context.onSendActivities(async (_context, activities, sendNext) => {
        if (activities.some((a) => a.type === ActivityTypes.Message)) schedule();
        return sendNext();
      });
      await send();
      try {
        await next();
      } finally {
        finished = true;
        clearTimeout(timer);
      }
    },
  };
}
