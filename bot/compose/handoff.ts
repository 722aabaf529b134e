import type { ConversationState, TurnContext } from 'botbuilder';
import type { Logger } from '../../common/logger';
import { publicNumbers } from '../../common/redaction';
import type { AssistantMetrics } from '../../ops/metrics';
import type { ResponseCatalog } from '../../common/responses';
import { DirectContactEscalation, type Escalation, type UrgentContact } from '../../dialogs/escalation';
import type { ConversationMemory } from '../../dialogs/memory';
import type { PhraseBook } from '../../dialogs/phrases';
import { HandoffEvents } from '../../handoff/core/events';
import { AgentPresence } from '../../handoff/core/presence';
import { HandoffService } from '../../handoff/core/service';
import type { HandoffSettings } from '../../handoff/core/settings';
import { EscalationStore } from '../../handoff/core/store';
import type { PortalProfile } from '../../services/portal/profile';
import type { Locale } from '../../intents/types';
import type { AssistantAdapter } from '../../channels/adapter';
import type { ReplySender } from '../../channels/replySender';
import { EventHandoff } from '../../handoff/bot/eventHandoff';
import { AdapterMemberLink } from '../../handoff/bot/memberLink';
import { anonymousMember, QueueingEscalation, type MemberLookup } from '../../handoff/bot/queueingEscalation';
import { HANDOFF_STATE_PROPERTY, storedHandoffState, withContactCentre, type HandoffState } from '../../handoff/bot/state';
import { HandoffRelay } from '../../handoff/bot/relay';
import type { TurnGuard } from '../../storage/state/turnGuard';
import type { AssistantStorage } from '../../storage/types';
import { TranscriptRecorder } from '../../handoff/transcript/recorder';
import { AssistantTranscriptStore } from '../../handoff/transcript/transcriptStore';

/**
 * The member's side of the hand-off to people, built into the bot core (no HTTP needed): the
 * transcript store and recorder, the escalation that "talk to a person" uses (queue, contact
 * centre event, or contact details, per HANDOFF_MODE), the pipeline step that relays a member's
 * messages while a person has the conversation, and the hand-off service the agent console uses.
 * Proactive messages to members need the adapter: `connect` is called once it exists.
 */
export interface HandoffCore {
  settings: HandoffSettings;
  transcripts: AssistantTranscriptStore;
  /** The escalation records in the store, whatever the mode now ("forget me" and retention delete them). */
  escalations: EscalationStore;
  recorder: TranscriptRecorder;
  relay: HandoffRelay;
  escalation: Escalation;
  /** Queue mode only: escalations, agents and their events. */
  service?: HandoffService;
  presence?: AgentPresence;
  events?: HandoffEvents;
  /** Event mode: handles `handoff.status` events. */
  eventHandoff?: EventHandoff;
  /** Triage observer (TriageResponder.onAnswered): the agent sees urgent messages and the assistant's answers. */
  onTriage: HandoffRelay['onTriage'];
  /**
   * Whether a person has the conversation or it waits for one (queue mode), or a contact centre
   * accepted it (event mode): the assistant does not answer the member's messages (typing dots neither).
   */
  withPerson(context: TurnContext): Promise<boolean>;
  /** Proactive messages to members become possible. */
  connect(adapter: AssistantAdapter, appId: string, authEnabled: boolean, localOnline?: (conversationId: string) => boolean): void;
}

export interface HandoffCoreDeps {
  settings: HandoffSettings;
  idleMinutes: number;
  logger: Logger;
  catalog: ResponseCatalog;
  profile: PortalProfile;
  storage: AssistantStorage;
  sender: ReplySender;
  conversationState: ConversationState;
  memory: ConversationMemory;
  phrases: PhraseBook;
  metrics: AssistantMetrics;
  now: () => number;
  /** The member's verified identity for the escalation (identity work); default anonymous. */
  member?: MemberLookup;
  /** Replaces the mode's escalation (tests). */
  escalation?: Escalation;
  /** The last urgent answer's number in one line, said first when no agent can chat (pipeline/urgentFollowUp.ts). */
  urgentLine?: (context: TurnContext, locale: Locale) => Promise<UrgentContact | undefined>;
  /** TurnGuard, for proactive messages (known once the core has built it). */
  turnGuard: () => TurnGuard;
}

export function createHandoffCore(deps: HandoffCoreDeps): HandoffCore {
  const { settings, logger, catalog, profile, storage, sender, memory, metrics, now } = deps;
  const transcripts = new AssistantTranscriptStore(storage, now, (err) =>
    logger.warn({ err: { name: (err as Error)?.name } }, 'transcript not written'),
  );
  // The plan's own numbers are nobody's personal data: the agent sees them, not "[PHONE]".
  const keep = publicNumbers(profile.publicNumbers());
  const recorder = new TranscriptRecorder(transcripts, keep);
  const state = deps.conversationState.createProperty<HandoffState>(HANDOFF_STATE_PROPERTY);
  const contact = new DirectContactEscalation({ sender, catalog, profile, logger, urgentLine: deps.urgentLine });
  const member = deps.member ?? anonymousMember;

  const escalations = new EscalationStore(storage, now);
  let service: HandoffService | undefined;
  let presence: AgentPresence | undefined;
  let events: HandoffEvents | undefined;
  let eventHandoff: EventHandoff | undefined;
  let escalation: Escalation = contact;
  if (settings.mode === 'queue') {
    presence = new AgentPresence(storage, now);
    events = new HandoffEvents();
    service = new HandoffService({
      store: escalations,
      presence,
      events,
      catalog,
      profile,
      logger,
      metrics,
      now,
      maxWaitMs: settings.maxWaitMinutes * 60_000,
    });
    escalation = new QueueingEscalation({
      service,
      presence,
      hours: profile.agentHours(),
      contact,
      transcripts,
      state,
      sender,
      catalog,
      profile,
      logger,
      now,
      member,
    });
  } else if (settings.mode === 'event') {
    eventHandoff = new EventHandoff({ state, transcripts, profile, sender, catalog, memory, metrics, logger, now, member });
    escalation = eventHandoff;
  }

  const relay = new HandoffRelay({ state, service, sender, catalog, phrases: deps.phrases, memory, logger, now, idleMs: deps.idleMinutes * 60_000, keep });
  return {
    settings,
    transcripts,
    escalations,
    recorder,
    relay,
    escalation: deps.escalation ?? escalation,
    service,
    presence,
    events,
    eventHandoff,
    onTriage: (context: TurnContext, match, answer) => relay.onTriage(context, match, answer),
    async withPerson(context) {
      const { channelId, conversation } = context.activity;
      if (!channelId || !conversation?.id) return false;
      if (service) return Boolean(await escalations.openFor(channelId, conversation.id));
      if (!eventHandoff) return false;
      return withContactCentre(await storedHandoffState(storage, deps.conversationState, context), now(), deps.idleMinutes * 60_000);
    },
    connect(adapter, appId, authEnabled, localOnline) {
      service?.connect(new AdapterMemberLink({ adapter, appId, turnGuard: deps.turnGuard(), catalog, transcripts, logger, authEnabled, localOnline, keep }));
    },
  };
}
