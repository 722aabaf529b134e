import { TurnContext, type ConversationReference } from 'botbuilder';
import type { ReplySender } from '../bot/channels/replySender';
import type { Logger } from '../common/logger';
import type { ResponseCatalog } from '../common/responses';
import type { IntentId, Locale } from '../intents/types';
import type { PortalProfile } from '../services/portal/profile';
import type { TopicTrail } from './memory';

/**
 * Handing a member to a person. The port is what dialogs call; the human-handoff work will put a
 * queue and an agent console behind it. The default implementation (`DirectContactEscalation`)
 * tells the member how to reach a person right now, so nobody is left waiting on nobody.
 */

export const ESCALATION_REASONS = ['member_asked', 'dispute', 'denied_claim', 'unclear', 'stuck'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export interface EscalationRequest {
  reason: EscalationReason;
  /** The topic the member was on (or the last one recognized), if any. */
  intent: IntentId | null;
  locale: Locale;
  channelId: string;
  /** Where to reach the member again (proactive messages from an agent). */
  conversation: Partial<ConversationReference>;
  /**
   * What the member asked and tried, for the agent: topic, the options chosen so far and how
   * many messages were not understood. Built from option ids only: no member text, no PHI.
   */
  summary: string;
}

export interface Escalation {
  requestPerson(context: TurnContext, request: EscalationRequest): Promise<void>;
}

/** Builds a request from the turn and the topic trail. */
export function escalationRequest(
  context: TurnContext,
  reason: EscalationReason,
  locale: Locale,
  topic: TopicTrail | undefined,
  extra: { intent?: IntentId | null; unclear?: number } = {},
): EscalationRequest {
  const intent = extra.intent ?? topic?.intent ?? null;
  const answers = Object.entries(topic?.answers ?? {}).map(([step, value]) => `${step}=${value}`);
  const parts = [`reason=${reason}`, `topic=${intent ?? 'none'}`];
  if (answers.length) parts.push(`answers: ${answers.join(', ')}`);
  if (extra.unclear) parts.push(`not understood: ${extra.unclear}`);
  return {
    reason,
    intent,
    locale,
    channelId: context.activity.channelId,
    conversation: TurnContext.getConversationReference(context.activity),
    summary: parts.join('; '),
  };
}

/** Which phone line fits the topic. */
function phoneFor(intent: IntentId | null): 'billing' | 'pharmacy' | 'memberServices' {
  if (intent === 'billing') return 'billing';
  if (intent === 'refill') return 'pharmacy';
  return 'memberServices';
}

export class DirectContactEscalation implements Escalation {
  constructor(
    private readonly deps: { sender: ReplySender; catalog: ResponseCatalog; profile: PortalProfile; logger: Logger },
  ) {}

  async requestPerson(context: TurnContext, request: EscalationRequest): Promise<void> {
    const { sender, catalog, profile, logger } = this.deps;
    const { locale } = request;
    const line = phoneFor(request.intent);
    const phone = profile.phone(line, locale);
    const text = [
      catalog.text(locale, `escalation.intro.${request.reason}`),
      catalog.text(locale, 'escalation.call', {
        line: catalog.text(locale, `phones.${line}`),
        number: phone.number,
        hours: phone.hours,
        tty: profile.phones.tty,
      }),
      catalog.text(locale, 'escalation.message'),
    ].join('\n\n');
    const linkKey = 'messaging.messageCareTeam' as const;
    await sender.send(context, { text, links: [{ title: catalog.text(locale, `links.${linkKey}`), url: profile.link(linkKey) }] }, locale);
    logger.info({ reason: request.reason, intent: request.intent, channelId: request.channelId, locale }, 'person requested: contact details given');
  }
}
