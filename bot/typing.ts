import { ActivityTypes, DeliveryModes, TurnContext, type Activity, type Middleware } from 'botbuilder';
import { capabilitiesOf } from './channels/capabilities';

/**
 * Adapter middleware: as soon as a member's message arrives on a channel that shows typing
 * indicators (Web Chat, Teams), say "typing" before the turn runs, so the member sees that an
 * answer is coming. Not for expectReplies (the replies come back in one HTTP answer) nor for
 * SMS.
 *
 * Sent through the adapter, not `context.sendActivity`, as botbuilder's ShowTypingMiddleware
 * does: otherwise the turn would count as "responded" and prompts would skip their retry prompt.
 * A failure to send it never stops the turn.
 */
export function typingIndicator(): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const { type, deliveryMode, channelId } = context.activity;
      if (type === ActivityTypes.Message && deliveryMode !== DeliveryModes.ExpectReplies && capabilitiesOf(channelId).typing) {
        const typing = TurnContext.applyConversationReference(
          { type: ActivityTypes.Typing },
          TurnContext.getConversationReference(context.activity),
        ) as Partial<Activity>;
        try {
          await context.adapter.sendActivities(context, [typing]);
        } catch {
          // The answer itself will fail the same way, and the turn-error handler reports that.
        }
      }
      await next();
    },
  };
}
