import { TurnContext, type ConversationReference } from 'botbuilder';
import type { ReplySender } from '../channels/replySender';
import type { Logger } from '../common/logger';
import type { ResponseCatalog, Vars } from '../common/responses';
import { contactOptions } from '../handoff/core/contact';
import type { IntentId, Locale } from '../intents/types';
import type { PortalProfile } from '../services/portal/profile';
import type { TopicTrail } from './memory';
import { noteOutcome } from './turn';

/**
 * Handing a member to a person. The port is what dialogs call. `DirectContactEscalation` tells the
 * member how to reach a person right now (phone, secure message, call back); the hand-off queue
 * (handoff/bot/queueingEscalation.ts) puts the conversation in line for an agent in the console
 * when one can take it, and falls back to this otherwise, so nobody is left waiting on nobody.
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
  /** The member asked to be called back ("can someone just call me back"): answered, never lost. */
  callBack?: boolean;
}

/** The last urgent answer's number in one line, and whether the member must be reached discreetly. */
export interface UrgentContact {
  line: string;
  discreet: boolean;
  /** The phone line to name instead of the topic's: after a crisis, behavioral health (24/7), not the bill's line. */
  phoneLine?: 'behavioralHealth';
}

export interface Escalation {
  requestPerson(context: TurnContext, request: EscalationRequest): Promise<void>;
}

/** How each reason reads in the agent's queue. */
const REASON_WORDS: Record<EscalationReason, string> = {
  member_asked: 'Asked for a person',
  dispute: 'Wants to dispute a charge',
  denied_claim: 'Asks about a denied claim',
  unclear: 'The assistant could not tell what they need',
  stuck: 'Got stuck in a topic',
};

/**
 * Builds a request from the turn and the topic trail. The summary is for the agent, in plain
 * words, made from ids only ("Wants to dispute a charge. Topic: billing (topic: dispute). 1 message
 * not understood."): never the member's own text.
 */
export function escalationRequest(
  context: TurnContext,
  reason: EscalationReason,
  locale: Locale,
  topic: TopicTrail | undefined,
  extra: { intent?: IntentId | null; unclear?: number; callBack?: boolean } = {},
): EscalationRequest {
  const intent = extra.intent ?? topic?.intent ?? null;
  const answers = Object.entries(topic?.answers ?? {}).map(([step, value]) => `${step}: ${value}`);
  const parts = [`${REASON_WORDS[reason]}.`, intent ? `Topic: ${intent.replace(/_/g, ' ')}${answers.length ? ` (${answers.join(', ')})` : ''}.` : 'No topic yet.'];
  if (extra.unclear) parts.push(`${extra.unclear} message${extra.unclear === 1 ? '' : 's'} not understood.`);
  if (extra.callBack) parts.push('Asked for a call back.');
  return {
    reason,
    intent,
    locale,
    channelId: context.activity.channelId,
    conversation: TurnContext.getConversationReference(context.activity),
    summary: parts.join(' '),
    ...(extra.callBack ? { callBack: true } : {}),
  };
}

export class DirectContactEscalation implements Escalation {
  constructor(
    private readonly deps: {
      sender: ReplySender;
      catalog: ResponseCatalog;
      profile: PortalProfile;
      logger: Logger;
      /**
       * The number of the conversation's last urgent answer, in one line (988 after a crisis), if
       * one was given lately: said first, since a call back or a secure message reaches nobody in
       * time; `discreet` after a disclosure of abuse (no call back, no portal message).
       */
      urgentLine?: (context: TurnContext, locale: Locale) => Promise<UrgentContact | undefined>;
    },
  ) {}

  /**
   * `preface`: why a chat with a person is not possible right now (outside agent hours, nobody
   * signed in), said before the other ways to reach one.
   */
  async requestPerson(context: TurnContext, request: EscalationRequest, preface?: { key: string; vars?: Vars }): Promise<void> {
    const { sender, catalog, profile, logger } = this.deps;
    const { locale } = request;
    const first = await this.deps.urgentLine?.(context, locale);
    const contact = contactOptions(catalog, profile, locale, { ...request, discreet: first?.discreet, ...(first?.phoneLine ? { line: first.phoneLine } : {}) }, preface);
    const reply = first ? { ...contact, text: `${first.line}\n\n${contact.text}` } : contact;
    await sender.send(context, reply, locale);
    noteOutcome(context, { escalated: 'contact' });
    logger.info(
      { reason: request.reason, intent: request.intent, channelId: request.channelId, locale, why: preface?.key },
      'person requested: contact details given',
    );
  }
}
