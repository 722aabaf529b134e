import type { TurnContext } from 'botbuilder';
import { currentCorrelationId } from '../common/correlation';
import { errorFields, type Logger } from '../common/logger';
import { localeOf, type ResponseCatalog } from '../common/responses';

export interface TurnErrorHandlerDeps {
  logger: Logger;
  catalog: ResponseCatalog;
  /** Drops the conversation's dialog stack so the next message is routed fresh. */
  resetConversation: (context: TurnContext) => Promise<void>;
}

/**
 * When a turn throws: log it with the turn's correlation id (never the member's text), drop the
 * conversation's dialog stack so the next message starts clean, and tell the member — without
 * details — that something went wrong (with the 911 line: they may have been writing about an
 * emergency).
 */
export function createTurnErrorHandler(deps: TurnErrorHandlerDeps) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const correlationId = currentCorrelationId();
    deps.logger.error(
      {
        correlationId,
        channelId: context.activity.channelId,
        activityType: context.activity.type,
        // The class and the frames, never the message: it may quote the member's text.
        err: errorFields(error),
      },
      'turn failed',
    );
    try {
      await deps.resetConversation(context);
    } catch (err) {
      deps.logger.error({ correlationId, err: errorFields(err) }, 'could not reset conversation state');
    }
    const text = deps.catalog.text(localeOf(context.activity.locale), 'errors.turn');
    await context.sendActivity(text);
  };
}
