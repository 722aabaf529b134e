import type { AddressInfo } from 'node:net';
import type { TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { createLogger, type Logger } from '../common/logger';
import { noMetrics, type AssistantMetrics } from '../ops/metrics';
import { ResponseCatalog } from '../common/responses';
import { CareFollowUp, type CareMemory } from '../pipeline/careFollowUp';
import { ClosingLine } from '../pipeline/closingLine';
import { CareCostWords } from '../dialogs/careCost';
import { loadPortalProfile } from '../services/portal/profile';
import type { AssistantAdapter } from '../channels/adapter';
import type { Choice } from '../channels/reply';
import { ReplySender } from '../channels/replySender';
import type { Config } from './config';
import { Lifecycle } from '../common/lifecycle';
import type { TurnGuard } from '../storage/state/turnGuard';
import { createTurnErrorHandler } from './turnErrorHandler';
import type { AssistantOverrides } from './compose/overrides';
import type { BotCore } from './compose/botCore';
import { createChatWidget } from './compose/chatWidget';
import { createIdentity } from './compose/identity';
import { TranscriptRetention } from '../identity/bot/transcriptRetention';
import { createAgentConsole } from './compose/agentConsole';
import { createHandoffCore, type HandoffCore } from './compose/handoff';
import type { DialogRunner } from '../pipeline/dialogRunner';
import { memberTyping } from '../handoff/bot/memberTyping';
import { createMetrics } from './compose/operations';
import { TurnFactsSource } from '../pipeline/turnFacts';
import { createUrgentFollowUp } from './compose/urgentFollowUp';
import { createState } from './compose/state';
import { createIntents } from './compose/intents';
import { createDialogKit } from './compose/dialogKit';
import { createDialogs } from './compose/dialogs';
import { createTurnGuard } from './compose/turnGuard';
import { createAssistantBot } from './compose/assistantBot';
import { createAdapter } from './compose/adapter';
import { createServer } from './compose/httpServer';

export type { AssistantOverrides } from './compose/overrides';
export type { BotCore } from './compose/botCore';

export interface Assistant {
  readonly server: Server;
  /** The Bot Framework adapter (proactive messages: continueConversationAsync). */
  readonly adapter: AssistantAdapter;
  readonly lifecycle: Lifecycle;
  readonly logger: Logger;
  /** What is counted (served at GET /metrics). */
  readonly metrics: AssistantMetrics;
  /** Listens on the configured host and port; resolves with the base URL. */
  start(): Promise<string>;
  /** Graceful stop: no new turns, wait for turns in flight, flush state, close. True if clean. */
  stop(): Promise<boolean>;
}

/** Everything a turn needs, without HTTP: what dialog tests drive through botbuilder's TestAdapter. */
export function createBotCore(config: Config, overrides: AssistantOverrides = {}): BotCore {
  const logger = overrides.logger ?? createLogger({ level: config.log.level });
  const catalog = ResponseCatalog.load();
  const profile = overrides.profile ?? loadPortalProfile(config.portalProfile);
  const { storage, conversationState, userState } = createState(config, overrides, logger);
  const sender = new ReplySender(catalog, conversationState.createProperty<Choice[]>('offeredChoices'));
  const clock = overrides.clock ?? Date.now;
  const metrics = overrides.metrics ?? noMetrics;

  // The intents layer: the emergency detector (synchronous, loaded now) and the recognizer
  // (built in the background; the first turns wait for it).
  const { emergencyCheck, triageCheck, understanding, ready } = createIntents(config, overrides, logger, metrics);

  // Built later, used by closures made now: the dialog runner, the hand-off, the care follow-up, the turn guard.
  let dialogs: DialogRunner | undefined;
  let handoff: HandoffCore | undefined;
  const endDialogs = (context: TurnContext) => dialogs!.cancelAll(context);
  let careFollowUp: CareFollowUp | undefined;
  const kit = createDialogKit({
    sender,
    catalog,
    profile,
    logger,
    metrics,
    conversationState,
    endDialogs,
    policy: overrides.policy,
    onAnswered: async (context, match, answer) => {
      await careFollowUp?.remember(context, match);
      await handoff!.onTriage(context, match, answer);
    },
  });
  const { memory, phrases, options, triage } = kit;
  let turnGuard: TurnGuard | undefined;
  handoff = createHandoffCore({
    settings: config.handoff,
    idleMinutes: config.conversation.idleMinutes,
    logger,
    catalog,
    profile,
    storage,
    sender,
    conversationState,
    memory,
    phrases,
    metrics,
    now: clock,
    // Escalations carry the verified member (id and first name) for the agent, or anonymous.
    member: overrides.handoff?.member ?? ((context) => identity.escalationMember(context)),
    escalation: overrides.escalation,
    // After a crisis (or another urgent answer), "no one is available" comes after its number.
    urgentLine: (context, locale) => followUp.urgentLine(context, locale),
    turnGuard: () => turnGuard!,
  });
  const identity = createIdentity(config, {
    logger,
    catalog,
    profile,
    sender,
    memory,
    kit,
    conversationState,
    userState,
    clock,
    overrides,
    storage,
    transcripts: overrides.transcripts ?? handoff.transcripts,
    escalations: handoff.escalations,
  });
  const tasks = createDialogs({ kit, escalation: handoff.escalation, logger, identity, clock, conversationState, mainDialog: overrides.mainDialog, closingLine: (context, locale) => closingLine.line(context, locale) });
  dialogs = tasks.dialogs;

  // One facts object per turn: the triage runs once, whoever reads it (limits, freshness, gate, recognizer).
  const turnFacts = new TurnFactsSource(triageCheck);
  const guarded = createTurnGuard({ config, overrides, logger, conversationState, userState, mainDialog: tasks.mainDialog, sender, catalog, turnFacts, recorder: handoff.recorder });
  turnGuard = guarded.turnGuard;
  const storeHealth = guarded.storeHealth;

  const followUp = createUrgentFollowUp({ conversationState, triage, clock, options, phrases, sender, catalog, understanding });
  const careMemory = conversationState.createProperty<CareMemory | undefined>('careFollowUp');
  careFollowUp = new CareFollowUp(careMemory, triage, clock, CareCostWords.load());
  const closingLine = new ClosingLine(followUp, careMemory, triage);
  const bot = createAssistantBot({
    config,
    metrics,
    conversationState,
    userState,
    sender,
    catalog,
    profile,
    kit,
    turnGuard,
    identity,
    endDialogs,
    turnFacts,
    followUp,
    careFollowUp,
    understanding,
    dialogs,
    handoff,
  });
  const onTurnError = createTurnErrorHandler({ logger, catalog, resetConversation: (context) => bot.resetConversation(context) });
  return { logger, catalog, profile, storage, conversationState, userState, turnGuard, sender, bot, handoff, onTurnError, ready, metrics, emergencyCheck, triageCheck, turnFacts, identity, storeHealth };
}

/**
 * The composition root: the only place that builds things (with its helpers in bot/compose/).
 * Every other module receives what it needs through its constructor, so tests can hand it fakes.
 */
export async function createAssistant(config: Config, overrides: AssistantOverrides = {}): Promise<Assistant> {
  const core = createBotCore(config, { ...overrides, metrics: createMetrics(overrides) });
  const { logger, bot, storage, ready } = core;
  await storage.ready();
  // Transcript entries a crash left in the journal's tails go into their transcripts before any turn.
  await core.handoff.transcripts.recover();
  await ready;
  if (storage.kind === 'file' && config.env === 'production') {
    logger.info('STORAGE=file keeps state on this machine: run a single instance, or use STORAGE=blob or cosmos to scale out');
  }
  // The adapter and its middleware: operations first, then typing indicators.
  const { adapter, ops } = createAdapter(config, core, overrides.clock);
  const logic = (context: TurnContext) => bot.run(context);

  const lifecycle = new Lifecycle();
  const chat = createChatWidget(config, core, adapter, logic, lifecycle, overrides, ops);
  core.handoff.connect(adapter, config.auth.botFramework.MicrosoftAppId ?? '', config.auth.enabled, chat.channel ? (id) => chat.channel!.online(id) : undefined);
  const agents = await createAgentConsole(config, core, lifecycle, overrides);
  if (agents.workspace) adapter.use(memberTyping(agents.workspace, logger));
  const server = createServer(config, core, { adapter, logic, lifecycle, chat, agents, ops });
  const retention = new TranscriptRetention({ store: core.handoff.transcripts, escalations: core.handoff.escalations, retentionDays: config.identity.transcriptRetentionDays, now: clockOf(overrides), logger });

  return {
    server,
    adapter,
    lifecycle,
    logger,
    metrics: core.metrics,
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
      retention.start();
      logger.info(
        {
          url,
          env: config.env,
          storage: storage.kind,
          authentication: config.auth.enabled
            ? 'on: Bot Connector tokens required'
            : 'OFF: MicrosoftAppId is not set, /api/messages accepts unauthenticated activities (local development only)',
          chatWidget: chat.description,
          identity: core.identity.description,
          handoff: agents.description,
        },
        'member assistant ready',
      );
      return url;
    },
    async stop() {
      lifecycle.markStopping();
      // Agents' live streams end now (their consoles reconnect to another instance).
      agents.close();
      // No new connections; Node also closes keep-alive connections that are idle.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const drained = await lifecycle.drain(config.server.shutdownTimeoutMs);
      if (!drained) logger.warn({ active: lifecycle.active }, 'shutdown timed out with turns still in flight');
      // Chat streams stay open until the last replies are out; then they are told to reconnect.
      chat.channel?.close();
      await chat.streams?.close();
      server.server.closeIdleConnections();
      const grace = new Promise<'late'>((resolve) => setTimeout(resolve, drained ? 1000 : 0, 'late').unref());
      if ((await Promise.race([closed, grace])) === 'late') server.server.closeAllConnections();
      await closed;
      // Transcript writes still on their way go out before the store closes.
      await retention.stop();
      await core.handoff.transcripts.drain().catch(() => undefined);
      await storage.close();
      await core.identity.close();
      await ops.close();
      logger.info({ clean: drained }, 'member assistant stopped');
      return drained;
    },
  };
}

/** The assistant's clock in milliseconds (tests fix or move it). */
function clockOf(overrides: AssistantOverrides): () => number {
  return overrides.clock ?? Date.now;
}
