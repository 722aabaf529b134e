import type { TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import type { AssistantAdapter } from '../../channels/adapter';
import type { Lifecycle } from '../../common/lifecycle';
import { CHANNEL_ID as LOCAL_CHANNEL_ID } from '../../directline/localDirectLine';
import { createHttpServer } from '../../http/server';
import type { Config } from '../config';
import { healthRoute } from '../routes/healthRoute';
import { messagesRoute } from '../routes/messagesRoute';
import type { AgentConsole } from './agentConsole';
import type { BotCore } from './botCore';
import type { ChatWidget } from './chatWidget';
import type { Operations } from './operations';

interface ServerParts {
  adapter: AssistantAdapter;
  /** The bot's turn, run by the adapter for each activity. */
  logic: (context: TurnContext) => Promise<void>;
  lifecycle: Lifecycle;
  chat: ChatWidget;
  agents: AgentConsole;
  ops: Operations;
}

/**
 * The HTTP server and its routes: health, /api/messages (with its limits), the chat widget's,
 * identity's, the agent console's and the operations' routes; then the operations' guard and
 * timeouts installed on it, and the chat's streams attached.
 */
export function createServer(config: Config, core: BotCore, parts: ServerParts): Server {
  const { adapter, logic, lifecycle, chat, agents, ops } = parts;
  const server = createHttpServer(
    [
      healthRoute(lifecycle, core.storeHealth),
      messagesRoute({
        adapter,
        logic,
        lifecycle,
        logger: core.logger,
        maxBodyBytes: config.server.maxBodyBytes,
        authEnabled: config.auth.enabled,
        localChannelId: chat.channel ? LOCAL_CHANNEL_ID : undefined,
        limits: {
          conversation: ops.conversationLimit,
          client: ops.clientLimiter,
          trustProxyHops: config.operations.trustProxyHops,
          turnDeadlineMs: config.operations.turnDeadlineMs,
          metrics: ops.metrics,
          triageCheck: core.triageCheck,
        },
      }),
      ...chat.routes,
      ...core.identity.routes,
      ...agents.routes,
      ...ops.routes,
    ],
    core.logger,
    lifecycle,
  );
  ops.install(server, { lifecycle, openStreams: chat.channel ? () => chat.channel!.openStreams : undefined });
  chat.streams?.attach(server.server);
  return server;
}
