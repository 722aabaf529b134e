import type { TurnContext } from 'botbuilder';
import { currentCorrelationId } from '../../common/correlation';
import type { Logger } from '../../common/logger';
import type { DialogKit } from '../../dialogs/common/kit';
import type { MemberRecords } from '../../dialogs/common/memberRecords';
import { answerPending } from '../../dialogs/identity/pendingAnswers';
import type { ConversationMemory } from '../../dialogs/memory';
import { setTurnInfo } from '../../dialogs/turn';
import { localeOf } from '../../common/responses';
import type { Locale } from '../../common/locale';
import type { PortalAssertionVerifier } from '../core/portalAssertion';
import type { MemberDirectory } from '../../services/member';
import type { OneTimeIds } from '../../storage/oneTimeIds';
import type { IdentityAssertionHandler } from './assertionEvent';
import { isGroupChat, type IdentitySessions } from './sessions';

export interface PortalHandlerDeps {
  verifier: PortalAssertionVerifier;
  sessions: IdentitySessions;
  directory: MemberDirectory;
  records: MemberRecords;
  kit: DialogKit;
  memory: ConversationMemory;
  logger: Logger;
  ttlMinutes: number;
  timeZone: string;
  /** Ends the dialogs in progress (another member signed in). */
  endDialogs: (context: TurnContext) => Promise<void>;
  clock: () => number;
  /** Assertion ids already used, each bound to the conversation it signed in, in the configured store. */
  usedAssertions: OneTimeIds;
}

/**
 * Web Chat sign-in: the chat page hands over the portal's assertion (event `member/identity`).
 * A valid one for a known member verifies this conversation for IDENTITY_TTL_MINUTES; the member
 * is told, and whatever they asked for before signing in is answered now. The same member again
 * (a reconnect) just renews it, silently. A refused one is explained unless the conversation is
 * already verified. An assertion signs in one conversation only, on every instance that shares the
 * store and after a restart (OneTimeIds: the same conversation may present it again — Web Chat does
 * on a reconnect — another may not, until it could no longer verify anyway); if the store cannot
 * say, the sign-in is refused. The assertion itself is never logged or stored.
 */
export class PortalIdentityHandler implements IdentityAssertionHandler {
  constructor(private readonly deps: PortalHandlerDeps) {}

  async receive(context: TurnContext, assertion: string, welcomedIn?: Locale): Promise<void> {
    const { verifier, sessions, directory, kit, logger } = this.deps;
    // The conversation's language: the member's words so far, else the event's own locale, else the
    // welcome's (a Spanish join whose event carries no locale is told in Spanish).
    const own = context.activity.locale ? localeOf(context.activity.locale) : undefined;
    const locale = (await this.deps.memory.locale(context)) ?? own ?? welcomedIn ?? 'en';
    setTurnInfo(context, { text: '', locale, result: { intent: 'none', score: 0, kind: null, locale, runnerUp: null, source: 'local' } });
    const log = { correlationId: currentCorrelationId(), channelId: context.activity.channelId };
    if (isGroupChat(context)) {
      await kit.say(context, 'identity.groupChat');
      return;
    }
    const result = await verifier.verify(assertion);
    const current = await sessions.current(context);
    if (!result.ok) {
      logger.info({ ...log, outcome: result.reason }, 'portal identity assertion refused');
      if (!current) await kit.say(context, result.reason === 'keyUnavailable' ? 'identity.unavailable' : 'identity.assertionRefused');
      return;
    }
    const conversation = `${context.activity.channelId}/${context.activity.conversation?.id ?? ''}`;
    const claim = await this.deps.usedAssertions.claim(result.assertionId, conversation, result.validUntil);
    if (claim === 'unavailable') {
      logger.warn({ ...log, outcome: 'claimUnavailable' }, 'portal identity assertion refused: its single use could not be checked');
      if (!current) await kit.say(context, 'identity.unavailable');
      return;
    }
    if (claim === 'used') {
      logger.warn({ ...log, outcome: 'replayed' }, 'portal identity assertion refused: already used in another conversation');
      if (!current) await kit.say(context, 'identity.assertionRefused');
      return;
    }
    const found = await directory.get(result.memberId);
    if (!found.ok || !found.value) {
      logger.info({ ...log, outcome: found.ok ? 'unknownMember' : 'directoryUnavailable' }, 'portal identity assertion not accepted');
      if (!current) await kit.say(context, found.ok ? 'identity.assertionRefused' : 'identity.unavailable');
      return;
    }
    if (current && current.memberId !== result.memberId) await this.deps.endDialogs(context);
    const renewing = current?.memberId === result.memberId;
    await sessions.establish(context, result.memberId, 'portal');
    logger.info({ ...log, outcome: renewing ? 'renewed' : 'verified' }, 'portal identity assertion accepted');
    if (renewing) return;
    await kit.say(context, 'identity.signedIn', { name: found.value.givenName, minutes: this.deps.ttlMinutes });
    const { pending } = await sessions.state(context);
    if (!pending) return;
    await sessions.update(context, (s) => delete s.pending);
    if (pending.until > this.deps.clock()) await answerPending(kit, this.deps.records, context, pending.request, this.deps.timeZone);
  }
}
