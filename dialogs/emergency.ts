import type { TurnContext } from 'botbuilder';
import type { ReplySender } from '../bot/channels/replySender';
import type { Logger } from '../common/logger';
import type { AssistantMetrics } from '../common/metrics';
import type { ResponseCatalog } from '../common/responses';
import type { EmergencyKind, Locale } from '../intents/types';
import type { PortalProfile } from '../services/portal/profile';

/**
 * What the assistant says when a message sounds like an emergency: end whatever was running,
 * say what to do now (911 / 988 / Poison Control), then the nurse advice line for less urgent
 * worries. It asks nothing: no dialog question is sent in the same turn.
 */
export class EmergencyResponder {
  constructor(
    private readonly deps: {
      sender: ReplySender;
      catalog: ResponseCatalog;
      profile: PortalProfile;
      logger: Logger;
      /** Ends every dialog in progress, so the next message is routed fresh. */
      endDialogs: (context: TurnContext) => Promise<void>;
      /** Counts emergencies answered, by kind (assistant_emergencies_total). */
      metrics?: Pick<AssistantMetrics, 'emergency'>;
      /**
       * Told after the answer is out (e.g. the hand-off: an agent who has the conversation sees an
       * alert). A failure here is logged; it never holds back or undoes the answer.
       */
      onEmergency?: (context: TurnContext, kind: EmergencyKind) => Promise<void>;
    },
  ) {}

  async respond(context: TurnContext, emergency: { kind: EmergencyKind; locale: Locale; rule?: string }): Promise<void> {
    const { sender, catalog, profile, logger, endDialogs } = this.deps;
    const { kind, locale } = emergency;
    await endDialogs(context);
    const nurse = profile.phone('nurseLine', locale);
    const text = [
      catalog.text(locale, `emergency.${kind}`),
      catalog.text(locale, 'emergency.nurseLine', { number: nurse.number, hours: nurse.hours }),
    ].join('\n\n');
    // Urgent: never held back by (or lost to) the turn's state commit.
    await sender.send(context, { text }, locale, { urgent: true });
    this.deps.metrics?.emergency(kind, context.activity.channelId);
    logger.warn({ kind, rule: emergency.rule, channelId: context.activity.channelId, locale }, 'emergency answered');
    try {
      await this.deps.onEmergency?.(context, kind);
    } catch (err) {
      logger.error({ kind, err: { name: (err as Error)?.name } }, 'emergency observer failed (the member got the emergency answer)');
    }
  }
}
