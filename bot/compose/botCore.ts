import type { TurnFactsSource } from '../../pipeline/turnFacts';
import type { ConversationState, UserState } from 'botbuilder';
import type { Logger } from '../../common/logger';
import type { AssistantMetrics } from '../../ops/metrics';
import type { ResponseCatalog } from '../../common/responses';
import type { EmergencyCheck, TriageCheck } from '../../intents/types';
import type { PortalProfile } from '../../services/portal/profile';
import type { AssistantBot } from '../assistantBot';
import type { ReplySender } from '../../channels/replySender';
import type { StoreHealth } from '../routes/healthRoute';
import type { TurnGuard } from '../../storage/state/turnGuard';
import type { AssistantStorage } from '../../storage/types';
import type { createTurnErrorHandler } from '../turnErrorHandler';
import type { HandoffCore } from './handoff';
import type { IdentityFeature } from './identity';

// What createBotCore (bot/app.ts) builds, as a type of its own: the root's parts that extend it
// (bot/compose/*) import this, not bot/app.ts.

export interface BotCore {
  logger: Logger;
  catalog: ResponseCatalog;
  profile: PortalProfile;
  /** The configured store: conversation and user state, and whatever else must survive (escalations, sessions). */
  storage: AssistantStorage;
  conversationState: ConversationState;
  userState: UserState;
  /** One turn per conversation at a time on this instance; eTag-checked saves across instances. */
  turnGuard: TurnGuard;
  sender: ReplySender;
  bot: AssistantBot;
  /** Hand-off to people: transcripts, the escalation queue (or contact centre events), the relay. */
  handoff: HandoffCore;
  onTurnError: ReturnType<typeof createTurnErrorHandler>;
  /** Counts turns, intents, emergencies, escalations, back-end errors (GET /metrics). */
  metrics: AssistantMetrics;
  /** The emergency check the recognizer runs. */
  emergencyCheck: EmergencyCheck;
  /** The safety triage that runs first on every member message (and decides what no rate limit refuses). */
  triageCheck: TriageCheck;
  /** Each turn's one facts object: what runs inside a turn reads the triage there (once per turn). */
  turnFacts: TurnFactsSource;
  /**
   * Resolves when the intents layer is built (the local model is loaded or trained), rejects if
   * it cannot be: createAssistant waits for it before listening. Turns that arrive earlier wait.
   */
  ready: Promise<void>;
  /** Member identity, records and the PHI audit log (bot/compose/identity.ts). */
  identity: IdentityFeature;
  /** Whether the latest turn could load and save its state (GET /healthz). */
  storeHealth: StoreHealth;
}

