import type { BotState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { currentCorrelationId } from '../../common/correlation';
import type { Logger } from '../../common/logger';
import type { IdentitySessions } from './sessions';
import { afterStateSaved } from '../../storage/state/turnGuard';
import type { TurnAudit } from './turnAudit';

/** What deletes a conversation's transcript: botbuilder's TranscriptStore has exactly this. */
export interface TranscriptDeleter {
  deleteTranscript(channelId: string, conversationId: string): Promise<void>;
}

/** What deletes a conversation's escalation records (handoff/core/store.ts). */
export interface EscalationEraser {
  forgetConversation(channelId: string, conversationId: string): Promise<number>;
}

export interface ForgetDeps {
  sessions: IdentitySessions;
  conversationState: BotState;
  userState: BotState;
  /** User-state properties that are kept: the SMS opt-out (a legal record). */
  kept: Array<StatePropertyAccessor<unknown>>;
  transcripts?: TranscriptDeleter;
  /**
   * Removes superseded versions the store still holds on disk (the file store's append-only
   * journal), once the cleared state is saved: the member id must not outlive "forget me" there.
   */
  purge?: () => Promise<void>;
  /** The conversation's escalations (member id, name, redacted transcript) go too. */
  escalations?: EscalationEraser;
  audit: TurnAudit;
  logger: Logger;
}

/**
 * "Forget me": deletes what the assistant keeps about the member in this conversation — the
 * conversation state (dialogs, topic trail, language, verified identity, pending codes), their
 * user state on this channel, the conversation's transcript (the hand-off's transcript store) and
 * its escalation records (open ones leave the agents' queue) — and keeps, on purpose:
 * - the SMS opt-out (STOP): carriers and the TCPA require honouring it; forgetting it would
 *   start texting a number that said stop;
 * - the code rate limit (per member, in its own record: identity/bot/codeSends.ts): otherwise
 *   "forget me" would reset it;
 * - the PHI audit log: the law requires an accounting of disclosures (it holds no health details).
 * The deletion itself is audited.
 */
export class Forgetter {
  constructor(private readonly deps: ForgetDeps) {}

  async forget(context: TurnContext): Promise<void> {
    const { sessions, conversationState, userState, kept, transcripts, escalations, audit, logger } = this.deps;
    const member = await sessions.end(context, 'forgotten');
    const keep = await Promise.all(kept.map(async (p) => ({ p, value: await p.get(context) })));
    await conversationState.clear(context);
    await userState.clear(context);
    for (const { p, value } of keep) if (value !== undefined) await p.set(context, value);
    const conversationId = context.activity.conversation?.id;
    if (transcripts && conversationId) {
      try {
        await transcripts.deleteTranscript(context.activity.channelId, conversationId);
      } catch (err) {
        logger.error({ correlationId: currentCorrelationId(), err: { name: (err as Error)?.name } }, 'forget me: the transcript could not be deleted');
        throw err;
      }
    }
    if (escalations && conversationId) {
      try {
        await escalations.forgetConversation(context.activity.channelId, conversationId);
      } catch (err) {
        logger.error({ correlationId: currentCorrelationId(), err: { name: (err as Error)?.name } }, 'forget me: the escalations could not be deleted');
        throw err;
      }
    }
    if (this.deps.purge) afterStateSaved(context, this.deps.purge);
    audit.now(context, { event: 'member.forgotten', actor: member?.memberId ?? null }, member?.method);
  }
}
