import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../../common/logger';
import type { AgentWorkspace } from '../core/workspace';

/**
 * Adapter middleware: a member's typing activity (Web Chat, Teams; no text in it) in a conversation
 * that has an open escalation tells the agents' consoles "the member is typing". Nothing is stored;
 * the activity then goes on as before.
 */
export function memberTyping(workspace: AgentWorkspace, logger: Logger): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
      const { type, channelId, conversation } = context.activity;
      if (type === ActivityTypes.Typing && conversation?.id) {
        await workspace.memberTyping(channelId, conversation.id).catch((err) => logger.warn({ err: { name: (err as Error)?.name } }, 'member typing not passed on'));
      }
      return next();
    },
  };
}
