import type { ConversationState, TurnContext, UserState } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import type { ReplySender } from '../../channels/replySender';
import type { Logger } from '../../common/logger';
import { localeOf, type ResponseCatalog } from '../../common/responses';
import type { TranscriptRecorder } from '../../handoff/transcript/recorder';
import { isUrgent } from '../../intents/types';
import type { TurnFactsSource } from '../../pipeline/turnFacts';
import { ConversationFreshness } from '../../storage/state/freshness';
import { TurnGuard } from '../../storage/state/turnGuard';
import type { Config } from '../config';
import { StoreHealth } from '../routes/healthRoute';
import type { AssistantOverrides } from './overrides';

interface TurnGuardDeps {
  config: Config;
  overrides: AssistantOverrides;
  logger: Logger;
  conversationState: ConversationState;
  userState: UserState;
  mainDialog: Dialog;
  sender: ReplySender;
  catalog: ResponseCatalog;
  turnFacts: TurnFactsSource;
  /** The transcript's entries of a turn are committed before its lock is released. */
  recorder: TranscriptRecorder;
}

interface GuardedTurns {
  turnGuard: TurnGuard;
  storeHealth: StoreHealth;
}

/**
 * One turn per conversation at a time, with its state loaded and saved (and whether the store
 * answered, for GET /healthz); before each turn, an idle or stale conversation starts over.
 */
export function createTurnGuard(deps: TurnGuardDeps): GuardedTurns {
  const { config, overrides, logger, conversationState, userState, mainDialog, sender, catalog, turnFacts, recorder } = deps;
  const say = (context: TurnContext, key: string) => {
    const locale = localeOf(context.activity.locale);
    return sender.send(context, { text: catalog.text(locale, key) }, locale);
  };
  const freshness = new ConversationFreshness({
    conversationState,
    mainDialog,
    idleMs: config.conversation.idleMinutes * 60_000,
    logger,
    clock: overrides.clock,
    forgetChoices: (context) => sender.forgetChoices(context),
    // An emergency or abuse disclosure gets its answer first and alone; the closed task needs no notice then.
    notify: (context, reason) =>
      isUrgent(turnFacts.of(context).triage(context.activity.text ?? '').match) ? Promise.resolve() : say(context, reason === 'idle' ? 'state.idleReset' : 'state.staleReset'),
  });
  const storeHealth = new StoreHealth();
  const turnGuard = new TurnGuard({
    onStore: (ok) => storeHealth.record(ok),
    conversationState,
    userState,
    logger,
    beforeTurn: (context) => freshness.check(context).then(() => undefined),
    busyReply: (context) => say(context, 'state.busy'),
    backoff: overrides.turnBackoff,
    beforeRelease: (context, replies) => recorder.commit(context, replies),
  });
  return { turnGuard, storeHealth };
}
