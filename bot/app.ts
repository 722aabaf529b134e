import type { AddressInfo } from 'node:net';
import {
  ConversationState,
  MemoryStorage,
  UserState,
  type Storage,
} from 'botbuilder';
import type { TurnContext } from 'botbuilder';
import type { Dialog, DialogState } from 'botbuilder-dialogs';
import type { Server } from 'restify';
import { createLogger, type Logger } from '../common/logger';
import { ResponseCatalog } from '../common/responses';
import { systemClock, type Clock } from '../common/clock';
import { AppointmentDialog } from '../dialogs/appointment/appointmentDialog';
import { DialogKit, type RoutingPolicy } from '../dialogs/common/kit';
import { OptionMatcher } from '../dialogs/common/options';
import { EmergencyResponder } from '../dialogs/emergency';
import { DirectContactEscalation, type Escalation } from '../dialogs/escalation';
import { MainDialog } from '../dialogs/mainDialog';
import { ConversationMemory, type MemoryState } from '../dialogs/memory';
import { PhraseBook } from '../dialogs/phrases';
import { RefillDialog } from '../dialogs/refill/refillDialog';
import { TOPIC_TABLES } from '../dialogs/topics/tables';
import { TopicDialog } from '../dialogs/topics/topicDialog';
import type { EmergencyCheck, Understanding } from '../intents/types';
import { UnverifiedAppointmentLookup, type AppointmentLookup } from '../services/appointments/appointmentLookup';
import { UnverifiedPrescriptionLookup, type PrescriptionLookup } from '../services/pharmacy/prescriptionLookup';
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
import { DialogRunner } from './dialogRunner';
import { createIntentsLayer } from './intentsWiring';
import { EmergencyGate } from './pipeline/emergencyGate';
import { SecretMasking } from './pipeline/secretMasking';
import { SmsKeywordGate } from './pipeline/smsKeywords';
import { TurnUnderstanding } from './pipeline/understandTurn';

/** The overrides' intents parts that are set (one may be replaced without the other). */
function pick(overrides: AssistantOverrides): Partial<BotCoreServices> {
  const out: Partial<BotCoreServices> = {};
  if (overrides.emergencyCheck) out.emergencyCheck = overrides.emergencyCheck;
  if (overrides.understanding) out.understanding = overrides.understanding;
  return out;
}

/** Parts a test may replace; everything else is built from the configuration. */
export interface AssistantOverrides {
  logger?: Logger;
  storage?: Storage;
  /** Replaces the whole routing layer (tests of the bot's edge). */
  mainDialog?: Dialog;
  /** The emergency check that runs first on every message (default: the intents layer's detector). */
  emergencyCheck?: EmergencyCheck;
  /** Intent and language per message (default: the intents layer). */
  understanding?: Understanding;
  /** Handing a member to a person (default: tell them how to reach one now). */
  escalation?: Escalation;
  prescriptions?: PrescriptionLookup;
  appointments?: AppointmentLookup;
  clock?: Clock;
  policy?: RoutingPolicy;
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

/** Everything a turn needs, without HTTP: what dialog tests drive through botbuilder's TestAdapter. */
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

/** The parts createBotCore needs that take time to build (the intents layer). */
export interface BotCoreServices {
  emergencyCheck: EmergencyCheck;
  understanding: Understanding;
}

/**
 * Builds everything a turn needs from the configuration and the (already built) intents layer.
 * Synchronous, so TestAdapter-based tests can build a bot in one line with fakes.
 */
export function createBotCore(config: Config, overrides: AssistantOverrides & Partial<BotCoreServices> = {}): BotCore {
  const logger = overrides.logger ?? createLogger({ level: config.log.level });
  const catalog = ResponseCatalog.load();
  const profile = loadPortalProfile(config.portalProfile);
  const phrases = PhraseBook.load();
  if (!overrides.emergencyCheck || !overrides.understanding) {
    throw new Error('createBotCore needs emergencyCheck and understanding (createAssistant builds the intents layer)');
  }

  const storage = overrides.storage ?? new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);

  const sender = new ReplySender(catalog, conversationState.createProperty<Choice[]>('offeredChoices'));
  const memory = new ConversationMemory(conversationState.createProperty<MemoryState>('memory'));
  const kit = new DialogKit(sender, catalog, profile, new OptionMatcher(catalog, phrases), phrases, memory, overrides.policy);
  const escalation = overrides.escalation ?? new DirectContactEscalation({ sender, catalog, profile, logger });
  const mainDialog =
    overrides.mainDialog ??
    new MainDialog(kit, escalation, logger, [
      new AppointmentDialog(kit, { clock: overrides.clock ?? systemClock, appointments: overrides.appointments ?? new UnverifiedAppointmentLookup() }),
      new RefillDialog(kit, { prescriptions: overrides.prescriptions ?? new UnverifiedPrescriptionLookup() }),
      ...TOPIC_TABLES.map((table) => new TopicDialog(kit, table)),
    ]);
  const dialogs = new DialogRunner(conversationState.createProperty<DialogState>('dialogState'), mainDialog);
  const endDialogs = (context: TurnContext) => dialogs.cancelAll(context);

  const responder = new EmergencyResponder({ sender, catalog, profile, logger, endDialogs });
  const bot = new AssistantBot({
    conversationState,
    userState,
    sender,
    catalog,
    profile,
    emergency: new EmergencyGate(overrides.emergencyCheck, responder),
    secrets: new SecretMasking({ memory, sender, catalog }),
    smsKeywords: new SmsKeywordGate({ sender, catalog, profile, memory, optedOut: userState.createProperty<boolean>('smsOptedOut'), endDialogs }),
    understanding: new TurnUnderstanding({ understanding: overrides.understanding, memory, catalog }),
    dialogs,
  });
  const onTurnError = createTurnErrorHandler({ logger, catalog, resetConversation: (context) => bot.resetConversation(context) });
  return { logger, catalog, profile, storage, conversationState, userState, sender, bot, onTurnError };
}

/**
 * The composition root: the only place that builds things. Every other module receives what it
 * needs through its constructor, so tests can hand it fakes.
 */
export async function createAssistant(config: Config, overrides: AssistantOverrides = {}): Promise<Assistant> {
  const intents =
    overrides.emergencyCheck && overrides.understanding
      ? { emergencyCheck: overrides.emergencyCheck, understanding: overrides.understanding }
      : { ...(await createIntentsLayer(config)), ...pick(overrides) };
  const { logger, bot, onTurnError } = createBotCore(config, { ...overrides, ...intents });
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
