import { EventFactory, type Activity, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { Logger } from '../../common/logger';
import type { AssistantMetrics } from '../../ops/metrics';
import { redactText } from '../../common/redaction';
import { localeOf, type ResponseCatalog } from '../../common/responses';
import type { ConversationMemory } from '../../dialogs/memory';
import type { Escalation, EscalationRequest } from '../../dialogs/escalation';
import { noteOutcome } from '../../dialogs/turn';
import { contactOptions } from '../core/contact';
import type { PortalProfile } from '../../services/portal/profile';
import type { ReplySender } from '../../channels/replySender';
import type { AssistantTranscriptStore } from '../transcript/transcriptStore';
import type { MemberLookup } from './queueingEscalation';
import type { HandoffState } from './state';

/** The status event of Bot Framework's hand-off protocol (botbuilder's HandoffEventNames). */
export const HANDOFF_STATUS = 'handoff.status';

/**
 * HANDOFF_MODE=event: for contact centres that run their own routing (Dynamics 365 Omnichannel,
 * Genesys, LivePerson… through their Bot Framework connector). "Talk to a person" sends
 * botbuilder's `handoff.initiate` event with the conversation's redacted transcript and a small
 * context (reason, topic, language, summary, member); the contact centre answers with
 * `handoff.status` events: accepted (the member is told a person will join; the assistant then
 * stays silent except for emergencies), failed (the member gets the other ways to reach us),
 * completed (the assistant is back). A status for a conversation that has no hand-off is ignored.
 */
export class EventHandoff implements Escalation {
  constructor(
    private readonly deps: {
      state: StatePropertyAccessor<HandoffState>;
      transcripts: AssistantTranscriptStore;
      profile: PortalProfile;
      sender: ReplySender;
      catalog: ResponseCatalog;
      memory: ConversationMemory;
      metrics: AssistantMetrics;
      logger: Logger;
      now: () => number;
      member: MemberLookup;
    },
  ) {}

  async requestPerson(context: TurnContext, request: EscalationRequest): Promise<void> {
    const { channelId } = request;
    const conversationId = context.activity.conversation.id;
    const stored = await this.deps.transcripts.recent(channelId, conversationId, 100).catch(() => []);
    const activities = stored.map(
      (a) => ({ type: 'message', timestamp: a.timestamp, from: { id: a.from.role, role: a.from.role === 'user' ? 'user' : 'bot' }, text: a.text }) as unknown as Activity,
    );
    if (context.activity.text?.trim()) {
      activities.push({ type: 'message', timestamp: new Date(this.deps.now()).toISOString(), from: { id: 'user', role: 'user' }, text: redactText(context.activity.text) } as unknown as Activity);
    }
    const handoffContext = {
      reason: request.reason,
      intent: request.intent,
      locale: request.locale,
      summary: request.summary,
      member: await this.deps.member(context),
    };
    await context.sendActivity(EventFactory.createHandoffInitiation(context, handoffContext, { activities }));
    await this.deps.state.set(context, { event: 'initiated', at: this.deps.now() });
    noteOutcome(context, { escalated: 'event' });
    this.deps.metrics.escalationCreated(request.reason, channelId);
    this.deps.logger.info({ reason: request.reason, intent: request.intent, channelId }, 'handoff.initiate sent to the contact centre');
    await this.say(context, request.locale, 'handoff.event.initiated');
  }

  /** A `handoff.status` event from the contact centre. */
  async status(context: TurnContext): Promise<void> {
    const value = context.activity.value as { state?: unknown } | undefined;
    const status = typeof value?.state === 'string' ? value.state : '';
    const current = await this.deps.state.get(context);
    if (!current?.event || !['accepted', 'failed', 'completed'].includes(status)) {
      this.deps.logger.info({ status: status.slice(0, 20), pending: Boolean(current?.event) }, 'handoff.status ignored');
      return;
    }
    const locale = (await this.deps.memory.locale(context)) ?? localeOf(context.activity.locale);
    this.deps.logger.info({ status, channelId: context.activity.channelId }, 'handoff.status received');
    if (status === 'accepted') {
      await this.deps.state.set(context, { event: 'accepted', at: this.deps.now() });
      return this.say(context, locale, 'handoff.event.accepted');
    }
    await this.deps.state.delete(context);
    if (status === 'completed') return this.say(context, locale, 'handoff.event.completed');
    const reply = contactOptions(this.deps.catalog, this.deps.profile, locale, { intent: null }, { key: 'handoff.event.failed' });
    await this.deps.sender.send(context, reply, locale);
  }

  private async say(context: TurnContext, locale: 'en' | 'es', key: string): Promise<void> {
    await this.deps.sender.send(context, { text: this.deps.catalog.text(locale, key) }, locale);
  }
}
