import type { AddressInfo } from 'node:net';
import {
  ConversationState,
  MemoryStorage,
  UserState,
  type Storage,
} from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import type { Server } from 'restify';
import { createLogger, type Logger } from '../common/logger';
import { ResponseCatalog } from '../common/responses';
import { MainDialog } from '../dialogs/mainDialog';
import { loadPortalProfile, type PortalProfile } from '../services/portal/profile';
import { AssistantAdapter } from './adapter';
import { AssistantBot } from './assistantBot';
import { createBotFrameworkAuthentication } from './auth';
import type { Choice } from './channels/reply';
import { ReplySender } from './channels/replySender';
import type { Config } from './config';
import { healthRoute } from './http/healthRoute';
import { messagesRoute } from './http/messagesRoute';
import { createHttpServer } from './http/server';
import { Lifecycle } from './lifecycle';
import { createTurnErrorHandler } from './turnErrorHandler';

/** Parts a test may replace; everything else is built from the configuration. */
export interface AssistantOverrides {
  logger?: Logger;
  storage?: Storage;
  mainDialog?: Dialog;
}

export interface Assistant {
  readonly server: Server;
  readonly lifecycle: Lifecycle;
  readonly logger: Logger;
  /** Listens on the configured host and port; resolves with the base URL. */
  start(): Promise<string>;
  /** Graceful stop: no new turns, wait for turns in flight, flush state, close. True if clean. */
  stop(): Promise<boolean>;
}

/**
 * The composition root: the only place that builds things. Every other module receives what it
 * needs through its constructor, so tests can hand it fakes.
 */
export interface BotCore {
  logger: Logger;
  catalog: ResponseCatalog;
  profile: PortalProfile;
  storage: Storage;
  conversationState: ConversationState;
  userState: UserState;
  sender: ReplySender;
  bot: AssistantBot;
  onTurnError: ReturnType<typeof createTurnErrorHandler>;
}

/** Everything a turn needs, without HTTP: what dialog tests drive through botbuilder's TestAdapter. */
export function createBotCore(config: Config, overrides: AssistantOverrides = {}): BotCore {
  const logger = overrides.logger ?? createLogger({ level: config.log.level });
  const catalog = ResponseCatalog.load();
  const profile = loadPortalProfile(config.portalProfile);

  const storage = overrides.storage ?? new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);

  const sender = new ReplySender(catalog, conversationState.createProperty<Choice[]>('offeredChoices'));
  const mainDialog = overrides.mainDialog ?? new MainDialog(sender, catalog);
  const bot = new AssistantBot({ conversationState, userState, mainDialog, sender, catalog, profile });
  const onTurnError = createTurnErrorHandler({ logger, catalog, resetConversation: (context) => bot.resetConversation(context) });
  return { logger, catalog, profile, storage, conversationState, userState, sender, bot, onTurnError };
}

/**
 * The composition root: the only place that builds things. Every other module receives what it
 * needs through its constructor, so tests can hand it fakes.
 */
export async function createAssistant(config: Config, overrides: AssistantOverrides = {}): Promise<Assistant> {
  const { logger, bot, onTurnError } = createBotCore(config, overrides);
  const adapter = new AssistantAdapter(createBotFrameworkAuthentication(config.auth));
  adapter.onTurnError = onTurnError;

  const lifecycle = new Lifecycle();
  const server = createHttpServer(
    [
      healthRoute(lifecycle),
      messagesRoute({
        adapter,
        logic: (context) => bot.run(context),
        lifecycle,
        logger,
        maxBodyBytes: config.server.maxBodyBytes,
        authEnabled: config.auth.enabled,
      }),
    ],
    logger,
    lifecycle,
  );

  return {
    server,
    lifecycle,
    logger,
    async start() {
      await new Promise<void>((resolve, reject) => {
        // restify re-emits the HTTP server's errors (EADDRINUSE) on itself.
        server.once('error', reject);
        server.listen(config.server.port, config.server.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const { port, address } = server.address() as AddressInfo;
      const host = address.includes(':') ? `[${address}]` : address;
      const url = `http://${host}:${port}`;
      lifecycle.markReady();
      logger.info(
        {
          url,
          env: config.env,
          authentication: config.auth.enabled
            ? 'on: Bot Connector tokens required'
            : 'OFF: MicrosoftAppId is not set, /api/messages accepts unauthenticated activities (local development only)',
        },
        'member assistant ready',
      );
      return url;
    },
    async stop() {
      lifecycle.markStopping();
      // No new connections; Node also closes keep-alive connections that are idle.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const drained = await lifecycle.drain(config.server.shutdownTimeoutMs);
      if (!drained) logger.warn({ active: lifecycle.active }, 'shutdown timed out with turns still in flight');
      server.server.closeIdleConnections();
      const grace = new Promise<'late'>((resolve) => setTimeout(resolve, drained ? 1000 : 0, 'late').unref());
      if ((await Promise.race([closed, grace])) === 'late') server.server.closeAllConnections();
      await closed;
      logger.info({ clean: drained }, 'member assistant stopped');
      return drained;
    },
  };
}
