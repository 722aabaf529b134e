import { ActivityTypes, type ConversationReference } from 'botbuilder';
import type { Logger } from '../../common/logger';
import type { PublicNumbers } from '../../common/redaction';
import type { ResponseCatalog } from '../../common/responses';
import type { EscalationRecord } from '../core/model';
import type { MemberLink, MemberMessage } from '../core/service';
import type { AssistantAdapter } from '../../channels/adapter';
import { capabilitiesOf } from '../../channels/capabilities';
import { renderReply } from '../../channels/render';
import { LOCAL_SERVICE_URL } from '../../directline/localDirectLine';
import { isLoopbackUrl } from '../../common/loopback';
import type { TurnGuard } from '../../storage/state/turnGuard';
import { toStored, type AssistantTranscriptStore, type StoredActivity } from '../transcript/transcriptStore';

/**
 * Agent and hand-off messages to the member, outside the member's turns: proactive messages
 * through the Bot Framework adapter (`continueConversationAsync` with the conversation reference
 * the escalation keeps) — to the Bot Connector for Teams, SMS and Azure Web Chat, in process for
 * the local Direct Line channel. Rendered for the member's channel like every reply (cards and
 * link buttons on Web Chat and Teams, plain text of at most 320 characters per message on SMS),
 * sent one at a time per conversation, and never between a member turn's state commit and its
 * replies (TurnGuard.exclusive). What was delivered goes into the conversation's transcript.
 */
export class AdapterMemberLink implements MemberLink {
  constructor(
    private readonly deps: {
      adapter: AssistantAdapter;
      appId: string;
      turnGuard: TurnGuard;
      catalog: ResponseCatalog;
      transcripts: AssistantTranscriptStore;
      logger: Logger;
      /** With authentication off, replies only go to this machine (as for /api/messages). */
      authEnabled: boolean;
      /** The local Direct Line channel: whether a member's client is connected to the conversation now. */
      localOnline?: (conversationId: string) => boolean;
      /** The plan's own numbers (portal profile): not redacted in the transcript. */
      keep?: PublicNumbers;
    },
  ) {}

  online(record: EscalationRecord): boolean | undefined {
    const reference = record.reference as Partial<ConversationReference>;
    return reference.serviceUrl === LOCAL_SERVICE_URL && this.deps.localOnline ? this.deps.localOnline(record.conversationId) : undefined;
  }

  private allowed(serviceUrl: unknown): boolean {
    if (typeof serviceUrl !== 'string') return false;
    if (serviceUrl === LOCAL_SERVICE_URL) return true;
    let url: URL;
    try {
      url = new URL(serviceUrl);
    } catch {
      return false;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    return this.deps.authEnabled || isLoopbackUrl(url);
  }

  /** "The agent is typing", on channels that show it (Web Chat, Teams); never stored. */
  async typing(record: EscalationRecord): Promise<boolean> {
    const reference = record.reference as Partial<ConversationReference>;
    if (!capabilitiesOf(record.channelId).typing || !this.allowed(reference.serviceUrl)) return false;
    try {
      await this.deps.adapter.continueConversationAsync(this.deps.appId, reference, async (context) => {
        await context.sendActivity({ type: ActivityTypes.Typing });
      });
      return true;
    } catch (err) {
      this.deps.logger.warn({ escalationId: record.id, err: { name: (err as Error)?.name } }, 'typing indicator not delivered');
      return false;
    }
  }

  async send(record: EscalationRecord, message: MemberMessage): Promise<boolean> {
    const reference = record.reference as Partial<ConversationReference>;
    const log = { escalationId: record.id, channelId: record.channelId };
    if (!this.allowed(reference.serviceUrl)) {
      this.deps.logger.warn(log, 'hand-off message not sent: the conversation has no reachable serviceUrl');
      return false;
    }
    // A member whose client is gone (closed the tab, a stream that did not survive a restart) gets
    // the message when they come back, but it is not delivered now.
    const online = this.online(record);
    const caps = capabilitiesOf(record.channelId);
    // Bidirectional overrides in an agent's text would reorder what the member sees around them.
    const body = (message.text || (message.links?.length ? this.deps.catalog.text(record.locale, 'handoff.agentLink') : '')).replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
    const { agentName } = message;
    // An agent's message says who wrote it on every channel ("Dana (agent): …") and goes as plain
    // text, exactly as typed: "<last name>" keeps its brackets and "<img src=x>" stays text.
    const text = agentName ? this.deps.catalog.text(record.locale, 'handoff.agentSays', { name: agentName, text: body }) : body;
    let activities = renderReply({ text, links: message.links }, caps, {
      replyWithNumber: this.deps.catalog.text(record.locale, 'channel.replyWithNumber'),
    });
    if (agentName) activities = activities.map((a, i) => ({ ...a, textFormat: 'plain', ...(i === 0 && !caps.plainText ? { text } : {}) }));
    const from = agentName ? this.deps.catalog.text(record.locale, 'handoff.agentFrom', { name: agentName }) : undefined;
    const key = `${record.channelId}/conversations/${record.conversationId}/`;
    try {
      await this.deps.turnGuard.exclusive(key, () =>
        this.deps.adapter.continueConversationAsync(this.deps.appId, reference, async (context) => {
          // After the conversation reference is applied (it sets `from` to the bot): the agent's name.
          if (from) context.onSendActivities((_ctx, sent, next) => (sent.forEach((a) => (a.from = { ...a.from, id: a.from?.id ?? '', name: from })), next()));
          await context.sendActivities(activities);
        }),
      );
    } catch (err) {
      this.deps.logger.warn({ ...log, err: { name: (err as Error)?.name, status: (err as { statusCode?: number })?.statusCode } }, 'hand-off message not delivered');
      return false;
    }
    const role = message.agentName ? 'agent' : 'bot';
    const stored = activities
      .map((a) => toStored({ ...a, timestamp: new Date() } as never, role, message.agentName, this.deps.keep))
      .filter((a): a is StoredActivity => Boolean(a));
    this.deps.transcripts.append(record.channelId, record.conversationId, stored);
    if (online === false) this.deps.logger.info(log, 'hand-off message kept for the member, who is not connected');
    return online !== false;
  }
}
