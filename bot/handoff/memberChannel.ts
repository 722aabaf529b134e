import type { ConversationReference } from 'botbuilder';
import type { Logger } from '../../common/logger';
import type { ResponseCatalog } from '../../common/responses';
import type { EscalationRecord } from '../../handoff/model';
import type { MemberChannel, MemberMessage } from '../../handoff/service';
import type { AssistantAdapter } from '../adapter';
import { capabilitiesOf } from '../channels/capabilities';
import { renderReply } from '../channels/render';
import { LOCAL_SERVICE_URL } from '../directline/channel';
import { isLoopbackUrl } from '../../common/loopback';
import type { TurnGuard } from '../state/turnGuard';
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
export class AdapterMemberChannel implements MemberChannel {
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
    },
  ) {}

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

  async send(record: EscalationRecord, message: MemberMessage): Promise<boolean> {
    const reference = record.reference as Partial<ConversationReference>;
    const log = { escalationId: record.id, channelId: record.channelId };
    if (!this.allowed(reference.serviceUrl)) {
      this.deps.logger.warn(log, 'hand-off message not sent: the conversation has no reachable serviceUrl');
      return false;
    }
    const caps = capabilitiesOf(record.channelId);
    const text = message.text || (message.links?.length ? this.deps.catalog.text(record.locale, 'handoff.agentLink') : '');
    const activities = renderReply({ text, links: message.links }, caps, {
      replyWithNumber: this.deps.catalog.text(record.locale, 'channel.replyWithNumber'),
    });
    const key = `${record.channelId}/conversations/${record.conversationId}/`;
    try {
      await this.deps.turnGuard.exclusive(key, () =>
        this.deps.adapter.continueConversationAsync(this.deps.appId, reference, async (context) => {
          await context.sendActivities(activities);
        }),
      );
    } catch (err) {
      this.deps.logger.warn({ ...log, err: { name: (err as Error)?.name, status: (err as { statusCode?: number })?.statusCode } }, 'hand-off message not delivered');
      return false;
    }
    const role = message.agentName ? 'agent' : 'bot';
    const stored = activities
      .map((a) => toStored({ ...a, timestamp: new Date() } as never, role, message.agentName))
      .filter((a): a is StoredActivity => Boolean(a));
    this.deps.transcripts.append(record.channelId, record.conversationId, stored);
    return true;
  }
}
