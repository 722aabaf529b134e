import { ActivityTypes, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { Logger } from '../../common/logger';
import { publicNumbers, redactText } from '../../common/redaction';
import type { ResponseCatalog } from '../../common/responses';
import type { DirectContactEscalation, Escalation, EscalationRequest } from '../../dialogs/escalation';
import type { AgentHours } from '../../services/portal/hours';
import type { EscalationMember, TranscriptEntry } from '../core/model';
import type { AgentPresence } from '../core/presence';
import { waitWords } from '../core/queue';
import type { HandoffService } from '../core/service';
import { noteOutcome } from '../../dialogs/turn';
import type { PortalProfile } from '../../services/portal/profile';
import type { ReplySender } from '../../channels/replySender';
import type { AssistantTranscriptStore, StoredActivity } from '../transcript/transcriptStore';
import type { HandoffState } from './state';

/** Who the member is, as far as the assistant has verified (the identity work provides it). */
export type MemberLookup = (context: TurnContext) => Promise<EscalationMember>;

export const anonymousMember: MemberLookup = async () => ({ verified: false });

/** How many of the conversation's last messages an escalation carries for the agent. */
const TRANSCRIPT_FOR_AGENT = 50;

/**
 * "Talk to a person" with the hand-off queue: when agents are taking chats (within the profile's
 * agent hours, and at least one agent on duty) the conversation joins the line and the member is
 * told their place, the expected wait, that they can keep typing and how to leave. Otherwise the
 * member gets the other ways to reach a person (DirectContactEscalation), with the reason: never a
 * line nobody is watching.
 */
export class QueueingEscalation implements Escalation {
  constructor(
    private readonly deps: {
      service: HandoffService;
      presence: AgentPresence;
      hours: AgentHours;
      contact: DirectContactEscalation;
      transcripts: AssistantTranscriptStore;
      state: StatePropertyAccessor<HandoffState>;
      sender: ReplySender;
      catalog: ResponseCatalog;
      profile: PortalProfile;
      logger: Logger;
      now: () => number;
      member: MemberLookup;
    },
  ) {}

  async requestPerson(context: TurnContext, request: EscalationRequest): Promise<void> {
    const { service, presence, hours, contact, catalog, profile, now } = this.deps;
    const { locale } = request;
    if (!hours.isOpen(now())) {
      return contact.requestPerson(context, request, { key: 'escalation.closed', vars: { hours: profile.agentHoursText(locale) } });
    }
    if ((await presence.online()) === 0) return contact.requestPerson(context, request, { key: 'escalation.noAgents' });

    const conversationId = request.conversation.conversation?.id ?? context.activity.conversation.id;
    const result = await service.enqueue({
      conversationId,
      channelId: request.channelId,
      reference: JSON.parse(JSON.stringify(request.conversation)) as Record<string, unknown>,
      member: await this.deps.member(context),
      locale,
      intent: request.intent,
      reason: request.reason,
      summary: request.summary,
      transcript: await this.transcriptSoFar(context, request.channelId, conversationId),
    });
    if (!result.record) return contact.requestPerson(context, request, { key: 'escalation.queueFull' });

    await this.deps.state.set(context, { escalationId: result.record.id, at: now() });
    noteOutcome(context, { escalated: 'queue' });
    const position = await service.position(result.record);
    const wait = waitWords(await service.estimateMinutes(position));
    const text = [
      catalog.text(locale, `escalation.intro.${request.reason}`),
      catalog.text(locale, 'handoff.queued'),
      catalog.text(locale, 'handoff.position', { position, wait: catalog.text(locale, wait.key, wait.vars) }),
      catalog.text(locale, 'handoff.keepTyping'),
      catalog.text(locale, 'handoff.howToLeave'),
    ].join('\n\n');
    await this.deps.sender.send(context, { text }, locale);
  }

  /** The conversation so far from the transcript store, and the message of this turn. */
  private async transcriptSoFar(context: TurnContext, channelId: string, conversationId: string): Promise<Array<Omit<TranscriptEntry, 'seq'>>> {
    let stored: StoredActivity[] = [];
    try {
      stored = await this.deps.transcripts.recent(channelId, conversationId, TRANSCRIPT_FOR_AGENT);
    } catch (err) {
      this.deps.logger.warn({ err: { name: (err as Error)?.name } }, 'transcript not read for the escalation');
    }
    const entries: Array<Omit<TranscriptEntry, 'seq'>> = stored.map((a) => ({
      at: a.timestamp,
      from: a.from.role === 'user' ? 'member' : a.from.role === 'agent' ? 'agent' : 'assistant',
      text: a.text,
      ...(a.from.role === 'agent' && a.from.name ? { agentName: a.from.name } : {}),
      ...(a.links ? { links: a.links } : {}),
    }));
    const { activity } = context;
    if (activity.type === ActivityTypes.Message && activity.text?.trim()) {
      entries.push({ at: new Date(this.deps.now()).toISOString(), from: 'member', text: redactText(activity.text, publicNumbers(this.deps.profile.publicNumbers())), activityId: activity.id });
    }
    return entries;
  }
}
