import type { AddressInfo } from 'node:net';
import type { TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { Server } from 'restify';
import { createLogger, type Logger } from '../common/logger';
import { noMetrics, type AssistantMetrics } from '../ops/metrics';
import { localeOf, ResponseCatalog } from '../common/responses';
import { DialogKit } from '../dialogs/common/kit';
import { OptionMatcher } from '../dialogs/common/options';
import { ConversationMemory, type MemoryState } from '../dialogs/memory';
import { PhraseBook } from '../dialogs/phrases';
import { MedicineNames } from '../dialogs/common/medicineNames';
import { CareFollowUp, type CareMemory } from '../pipeline/careFollowUp';
import { CareCostWords } from '../dialogs/careCost';
import { LabQuestionWords } from '../dialogs/labQuestion';
import { RefillDialog } from '../dialogs/refill/refillDialog';
import { CONTACT, PASSWORD_RESET, TOPIC_TABLES } from '../dialogs/topics/tables';
import { ClinicHoursAnswer } from '../dialogs/topics/clinicHours';
import { PharmacyHoursAnswer } from '../dialogs/topics/pharmacyHours';
import { WellnessClassesAnswer } from '../dialogs/topics/wellnessClasses';
import { CodeNotArrivingAnswer } from '../dialogs/topics/codeNotArriving';
import { SubTopicRouter } from '../dialogs/topics/subTopicRouter';
import { TopicDialog } from '../dialogs/topics/topicDialog';
import { TriageResponder } from '../dialogs/triage';
import { isUrgent } from '../intents/types';
import { loadPortalProfile } from '../services/portal/profile';
import { AssistantAdapter } from '../channels/adapter';
import { AssistantBot } from './assistantBot';
import { createBotFrameworkAuthentication } from './auth';
import { ReusedClientsAuthentication } from './reusedClients';
import type { Choice } from '../channels/reply';
import { ReplySender } from '../channels/replySender';
import type { Config } from './config';
import { healthRoute, StoreHealth } from './routes/healthRoute';
import { messagesRoute } from './routes/messagesRoute';
import { createHttpServer } from '../http/server';
import { Lifecycle } from '../common/lifecycle';
import { CheckedConversationState, CheckedUserState } from '../storage/state/checkedState';
import { ConversationFreshness, DIALOG_STATE_PROPERTY } from '../storage/state/freshness';
import { TurnGuard } from '../storage/state/turnGuard';
import { createStorage } from '../storage/factory';
import { asAssistantStorage } from '../storage/lockedStorage';
import { createTurnErrorHandler } from './turnErrorHandler';
import type { AssistantOverrides } from './compose/overrides';
import type { BotCore } from './compose/botCore';
import { createChatWidget } from './compose/chatWidget';
import { CHANNEL_ID as LOCAL_CHANNEL_ID } from '../directline/localDirectLine';
import { createIdentity } from './compose/identity';
import { createAppointmentDialog } from './compose/appointments';
import { createMainDialog } from './compose/mainDialog';
import { BookingWords } from '../dialogs/bookingWords';
import { TranscriptRetention } from '../identity/bot/transcriptRetention';
import { createAgentConsole } from './compose/agentConsole';
import { createHandoffCore, type HandoffCore } from './compose/handoff';
import { DialogRunner } from '../pipeline/dialogRunner';
import { loadShorthand, ShorthandExpander, type NluObserver } from '../intents';
import { createEmergencyCheck, createTriageCheck, PendingUnderstanding } from './compose/understanding';
import { TriageGate } from '../pipeline/triageGate';
import { SecretMasking } from '../pipeline/secretMasking';
import { SmsKeywordGate } from '../pipeline/smsKeywords';
import { TurnUnderstanding } from '../pipeline/understandTurn';
import { typingIndicator } from './typing';
import { memberTyping } from '../handoff/bot/memberTyping';
import { createMetrics, createOperations, operationsMetrics } from './compose/operations';
import { TextLimit } from '../pipeline/textLimit';
import { TurnFactsSource } from '../pipeline/turnFacts';
import { createUrgentFollowUp } from './compose/urgentFollowUp';
import { CantGetIn } from '../dialogs/cantGetIn';

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

  const storage = overrides.storage
    ? asAssistantStorage(overrides.storage)
    : createStorage(config.storage, { logger, idleMinutes: config.conversation.idleMinutes, clock: overrides.clock });
  const conversationState = new CheckedConversationState(storage);
  const userState = new CheckedUserState(storage);

  const sender = new ReplySender(catalog, conversationState.createProperty<Choice[]>('offeredChoices'));
  const clock = overrides.clock ?? Date.now;
  const metrics = overrides.metrics ?? noMetrics;

  // The intents layer: the emergency detector (synchronous, loaded now) and the recognizer
  // (built in the background; the first turns wait for it).
  // The default check is also the recognizer's own (one lexicon run per message, see
  // createEmergencyCheck); a check a test hands in leaves the recognizer its own detector.
  const defaultCheck = overrides.emergencyCheck ? undefined : createEmergencyCheck();
  const emergencyCheck = overrides.emergencyCheck ?? defaultCheck!;
  // The safety triage (intents/triage): the gate's, the limits' and the recognizer's first step, one
  // model run per message. A test's emergency check or triage decides alone, everywhere.
  const triageCheck = overrides.triageCheck ?? createTriageCheck(overrides.emergencyCheck, logger);
  const observer: NluObserver = { recognized: (r) => metrics.intent(r.intent, r.source), fallback: (provider, reason) => metrics.nluFallback(provider, reason) };
  const pending = overrides.understanding ? null : new PendingUnderstanding(config.nlu, logger, undefined, observer, defaultCheck, triageCheck);
  const understanding = overrides.understanding ?? pending!;

  const phrases = PhraseBook.load();
  const memory = new ConversationMemory(conversationState.createProperty<MemoryState>('memory'));
  // Shorthand every language shares ("appt", "rx"): the options' phrases are written out in full.
  const shorthand = new ShorthandExpander({ ...loadShorthand(), en: {}, es: {} });
  const medicines = MedicineNames.load();
  const options = new OptionMatcher(catalog, phrases, (words) => shorthand.expand(words, 'en'), medicines);
  let dialogs: DialogRunner | undefined;
  let handoff: HandoffCore | undefined;
  const endDialogs = (context: TurnContext) => dialogs!.cancelAll(context);
  let careFollowUp: CareFollowUp | undefined;
  const triage = new TriageResponder({
    sender,
    catalog,
    profile,
    options,
    logger,
    endDialogs,
    metrics,
    labQuestion: LabQuestionWords.load(),
    onAnswered: async (context, match, answer) => {
      await careFollowUp?.remember(context, match);
      await handoff!.onTriage(context, match, answer);
    },
  });
  const kit = new DialogKit(sender, catalog, profile, options, phrases, memory, triage, medicines, overrides.policy);
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
  const escalation = handoff.escalation;
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
  const memberAccess = { records: identity.records, verification: identity.verification, oauthConnection: identity.oauthConnection, cantGetIn: CantGetIn.load() };
  // Read by the routing (the same visit asked again) and by the appointment task: loaded once.
  const booking = BookingWords.load();
  const appointments = overrides.mainDialog ? null : createAppointmentDialog(kit, { clock: () => new Date(clock()), timeZone: identity.timeZone, ...memberAccess }, booking);
  const mainDialog =
    overrides.mainDialog ??
    createMainDialog(kit, escalation, logger, [
      appointments!,
      new RefillDialog(kit, memberAccess),
      ...TOPIC_TABLES.map(
        (table) =>
          new TopicDialog(
            kit,
            table,
            identity.verification,
            table === CONTACT
              ? {
                  hours: new ClinicHoursAnswer(kit),
                  pharmacyHours: new PharmacyHoursAnswer(kit, identity.records),
                  pharmacyLocation: new PharmacyHoursAnswer(kit, identity.records, 'pharmacyLocation'),
                  wellness: new WellnessClassesAnswer(kit) }
              : table === PASSWORD_RESET
                ? { codeNotArriving: new CodeNotArrivingAnswer(kit) }
                : {},
          ),
      ),
    ], { records: identity.records, booking, ...(appointments ? { times: appointments.words } : {}) });
  dialogs = new DialogRunner(conversationState.createProperty<DialogState>(DIALOG_STATE_PROPERTY), mainDialog, (text, question) => options.prefill(text, question));

  const say = (context: TurnContext, key: string) => {
    const locale = localeOf(context.activity.locale);
    return sender.send(context, { text: catalog.text(locale, key) }, locale);
  };
  // One facts object per turn: the triage runs once, whoever reads it (limits, freshness, gate, recognizer).
  const turnFacts = new TurnFactsSource(triageCheck);
  const freshness = new ConversationFreshness({
    conversationState,
    mainDialog,
    idleMs: config.conversation.idleMinutes * 60_000,
    logger,
    clock: overrides.clock,
    forgetChoices: (context) => sender.forgetChoices(context),
    // An emergency or abuse disclosure gets its answer first and alone; the closed task needs no notice then.
    notify: (context, reason) =>
      isUrgent(turnFacts.of(context).triage(context.activity.text ?? '').match) ? Promise.resolve() : say(context, reason === 'idle' ? 'state.idleReset' : 'state.staleReset'),
  });
  const storeHealth = new StoreHealth();
  turnGuard = new TurnGuard({
    onStore: (ok) => storeHealth.record(ok),
    conversationState,
    userState,
    logger,
    beforeTurn: (context) => freshness.check(context).then(() => undefined),
    busyReply: (context) => say(context, 'state.busy'),
    backoff: overrides.turnBackoff,
    beforeRelease: (context, replies) => handoff.recorder.commit(context, replies),
  });

  const followUp = createUrgentFollowUp({ conversationState, triage, clock, options, phrases, sender, catalog });
  careFollowUp = new CareFollowUp(conversationState.createProperty<CareMemory | undefined>('careFollowUp'), triage, clock, CareCostWords.load());
  const smsKeywords = new SmsKeywordGate({
    sender,
    catalog,
    profile,
    memory,
    optedOut: userState.createProperty<boolean>('smsOptedOut'),
    endDialogs,
  });
  const bot = new AssistantBot({
    conversationState,
    userState,
    sender,
    catalog,
    profile,
    turnGuard,
    identity: identity.handler(endDialogs),
    identityGate: identity.gate(endDialogs),
    facts: turnFacts,
    triage: new TriageGate(triage, followUp, smsKeywords, dialogs),
    followUp,
    careFollowUp,
    secrets: new SecretMasking({ memory, sender, catalog, codeAwaited: (context) => identity.codeAwaited(context) }),
    smsKeywords,
    understanding: new TurnUnderstanding({ understanding, memory, catalog, subTopics: new SubTopicRouter(options), shortAnswers: phrases }),
    dialogs,
    textLimit: new TextLimit({ maxChars: config.operations.maxMessageChars, sender, catalog, metrics: operationsMetrics(metrics) }),
    handoff: handoff.relay,
    recorder: handoff.recorder,
    handoffStatus: handoff.eventHandoff,
  });
  const onTurnError = createTurnErrorHandler({ logger, catalog, resetConversation: (context) => bot.resetConversation(context) });
  const ready = pending ? pending.ready : Promise.resolve();
  return { logger, catalog, profile, storage, conversationState, userState, turnGuard, sender, bot, handoff, onTurnError, ready, metrics, emergencyCheck, triageCheck, turnFacts, identity, storeHealth };
}

/**
 * The composition root: the only place that builds things (with its helpers in bot/compose/).
 * Every other module receives what it needs through its constructor, so tests can hand it fakes.
 */
export async function createAssistant(config: Config, overrides: AssistantOverrides = {}): Promise<Assistant> {
  const core = createBotCore(config, { ...overrides, metrics: createMetrics(overrides) });
  const { logger, bot, onTurnError, storage, ready } = core;
  await storage.ready();
  // Transcript entries a crash left in the journal's tails go into their transcripts before any turn.
  await core.handoff.transcripts.recover();
  await ready;
  if (storage.kind === 'file' && config.env === 'production') {
    logger.info('STORAGE=file keeps state on this machine: run a single instance, or use STORAGE=blob or cosmos to scale out');
  }
  const adapter = new AssistantAdapter(
    new ReusedClientsAuthentication(createBotFrameworkAuthentication(config.auth)),
    config.auth.botFramework.MicrosoftAppId ?? '',
  );
  // Metrics, the per-conversation budget and telemetry first, then typing indicators.
  const ops = createOperations(config, core, overrides.clock);
  for (const middleware of ops.middleware) adapter.use(middleware);
  adapter.use(typingIndicator(undefined, (context) => core.handoff.withPerson(context)));
  adapter.onTurnError = onTurnError;
  const logic = (context: TurnContext) => bot.run(context);

  const lifecycle = new Lifecycle();
  const chat = createChatWidget(config, core, adapter, logic, lifecycle, overrides, ops);
  core.handoff.connect(adapter, config.auth.botFramework.MicrosoftAppId ?? '', config.auth.enabled, chat.channel ? (id) => chat.channel!.online(id) : undefined);
  const agents = await createAgentConsole(config, core, lifecycle, overrides);
  if (agents.workspace) adapter.use(memberTyping(agents.workspace, logger));
  const server = createHttpServer(
    [
      healthRoute(lifecycle, core.storeHealth),
      messagesRoute({
        adapter,
        logic,
        lifecycle,
        logger,
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
    logger,
    lifecycle,
  );
  ops.install(server, { lifecycle, openStreams: chat.channel ? () => chat.channel!.openStreams : undefined });
  chat.streams?.attach(server.server);
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
