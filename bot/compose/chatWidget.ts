import type { TurnContext } from 'botbuilder';
import type { AssistantAdapter } from '../../channels/adapter';
import type { BotCore } from './botCore';
import type { AssistantOverrides } from './overrides';
import type { Config } from '../config';
import { LocalDirectLineChannel } from '../../directline/localDirectLine';
import { directLineRoutes } from '../../directline/routes';
import { ConversationStore, DEFAULT_STORE_LIMITS } from '../../directline/store';
import { DirectLineStreams } from '../../directline/streams';
import { AzureTokenSource, LocalTokenSource, tokenRoute, type TokenSource } from '../../directline/tokenEndpoint';
import { DirectLineTokens } from '../../directline/tokens';
import { persistedTokenSecret, TOKEN_SECRET_FILE } from '../../directline/tokenSecret';
import { FixedWindowRateLimiter } from '../../http/rateLimit';
import type { Route } from '../../http/server';
import type { Lifecycle } from '../../common/lifecycle';
import { OneTimeIds } from '../../storage/oneTimeIds';
import type { Operations } from './operations';
import { WidgetPage } from '../../channels/webchat/widget';

export interface ChatWidget {
  routes: Route[];
  channel?: LocalDirectLineChannel;
  streams?: DirectLineStreams;
  /** For the start-up log line. */
  description: string;
}

/**
 * The website chat widget (the page at `/`, Web Chat, POST /api/directline/token) and, in local
 * mode, the Direct Line 3.0 channel it talks to — turns run in process through the same adapter
 * pipeline as /api/messages. DIRECTLINE_MODE=azure: tokens come from Azure's Direct Line;
 * off: none of it.
 */
export function createChatWidget(
  config: Config,
  core: BotCore,
  adapter: AssistantAdapter,
  logic: (context: TurnContext) => Promise<void>,
  lifecycle: Lifecycle,
  overrides: AssistantOverrides,
  ops?: Pick<Operations, 'conversationLimit' | 'metrics'>,
): ChatWidget {
  const settings = config.directLine;
  const { logger } = core;
  if (settings.mode === 'off') return { routes: [], description: 'off (DIRECTLINE_MODE=off)' };

  const now = overrides.directLine?.now ?? overrides.clock;
  const limiter = new FixedWindowRateLimiter(settings.tokensPerMinute, 60_000, now);
  const routes: Route[] = [];
  let source: TokenSource;
  let channel: LocalDirectLineChannel | undefined;
  let streams: DirectLineStreams | undefined;
  const connectOrigins: string[] = [];

  if (settings.mode === 'azure') {
    source = new AzureTokenSource({ endpoint: settings.azure.endpoint, secret: settings.azure.secret!, metrics: ops?.metrics });
    const origin = new URL(settings.azure.endpoint).origin;
    connectOrigins.push(origin, origin.replace(/^http/, 'ws'));
  } else {
    // Without DIRECTLINE_TOKEN_SECRET, conversations kept on disk get a key kept next to them, so a
    // member's chat survives a restart.
    const kept = !settings.tokenSecret && config.storage.kind === 'file' ? persistedTokenSecret(config.dataDir) : undefined;
    const tokens = new DirectLineTokens({ secret: settings.tokenSecret ?? kept, ttlSeconds: settings.tokenTtlSeconds, now });
    if (kept) logger.info(`DIRECTLINE_TOKEN_SECRET is not set: chat tokens are signed with the key kept in DATA_DIR/${TOKEN_SECRET_FILE}`);
    if (tokens.generatedKey) {
      logger.warn('DIRECTLINE_TOKEN_SECRET is not set: chat tokens are signed with a random key made at start, so open chats end when the assistant restarts');
    }
    const store = new ConversationStore(
      core.storage,
      {
        ...DEFAULT_STORE_LIMITS,
        maxConversations: settings.maxConversations,
        idleMs: config.conversation.idleMinutes * 60_000,
        ...overrides.directLine?.limits,
      },
      now,
      (conversationId) => channel?.dropped(conversationId),
    );
    channel = new LocalDirectLineChannel({
      store,
      adapter,
      logic,
      lifecycle,
      logger,
      limit: ops?.conversationLimit,
      turnDeadlineMs: config.operations.turnDeadlineMs,
      onDeferred: () => ops?.metrics.turnDeferred('directline'),
      // The agent console sees at once that a member closed the chat or came back.
      onPresence: () => core.handoff.events?.publish({ type: 'queue' }),
    });
    adapter.addInProcessChannel(channel);
    // A stream URL opens one stream, on every instance that shares the store and after a restart.
    const usedTokens = new OneTimeIds({ storage: core.storage, kind: 'directline-stream', clock: now ?? Date.now, logger });
    streams = new DirectLineStreams({ channel, tokens, usedTokens, lifecycle, logger, keepAliveMs: overrides.directLine?.keepAliveMs });
    routes.push(
      ...directLineRoutes({
        channel,
        tokens,
        lifecycle,
        logger,
        maxBodyBytes: config.server.maxBodyBytes,
        publicUrl: settings.publicUrl,
        triageCheck: core.triageCheck,
        trustProxyHops: config.operations.trustProxyHops,
      }),
    );
    source = new LocalTokenSource(tokens, settings.publicUrl);
  }
  routes.push(
    tokenRoute({
      source,
      limiter,
      logger,
      maxBodyBytes: config.server.maxBodyBytes,
      trustProxyHops: config.operations.trustProxyHops,
      onLimited: () => ops?.metrics.rateLimited('chat_sessions'),
    }),
  );

  const page = new WidgetPage({ catalog: core.catalog, profile: core.profile, connectOrigins, frameAncestors: config.operations.frameAncestors });
  if (!page.hasWebChat) logger.warn('botframework-webchat is not installed: the chat page at / cannot load Web Chat');
  routes.push(...page.routes());
  const where = settings.mode === 'azure' ? `Azure Direct Line (${settings.azure.endpoint})` : 'local Direct Line channel';
  return { routes, channel, streams, description: `at / on the ${where}` };
}
