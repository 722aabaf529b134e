import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../../common/logger';
import { localeOf, type ResponseCatalog } from '../../common/responses';
import { detectLocale } from '../../intents';
import { isUrgent, type TriageCheck } from '../../intents/types';
import type { OperationsMetrics } from '../observability/prometheus';

/**
 * Member messages per conversation per minute (RATE_LIMIT_PER_CONVERSATION_PER_MINUTE): a script
 * or a stuck client flooding one conversation cannot keep the assistant busy, and a person who
 * types fast is told so once instead of being dropped silently.
 *
 * Within the budget nothing changes. Over it:
 * - an urgent message (an emergency or an abuse disclosure) ALWAYS gets through: the safety triage
 *   runs on the full raw text of every message over the budget, and an urgent one is handled like
 *   any message (answered first), then counted;
 * - the first other message in the window gets one short note ("you're sending messages
 *   faster than I can answer…", with the 911 line) instead of an answer;
 * - every further one is refused: `429` with `Retry-After` on /api/messages and on the local
 *   Direct Line channel (where it is refused before it is stored, so Web Chat shows it as not
 *   sent), and no turn runs.
 *
 * The decision is taken after the request is authenticated (in the adapter's first middleware,
 * or by the Direct Line channel after its token check), so nobody can use up a member's budget
 * with forged requests. Only message activities count. Per process, fixed one-minute windows.
 */

export type Verdict = { kind: 'ok' } | { kind: 'note' } | { kind: 'reject'; retryAfter: number };

const OK: Verdict = { kind: 'ok' };

interface ActivityLike {
  type?: string;
  text?: string;
  channelId?: string;
  conversation?: { id?: string };
  locale?: string;
}

interface Window {
  count: number;
  noted: boolean;
}

export interface ConversationLimitDeps {
  perMinute: number;
  /** What no limit refuses: emergencies and abuse disclosures (isUrgent). Decided before a turn (Direct Line). */
  triageCheck: TriageCheck;
  /** Decided in a turn (the adapter middleware): the turn's triage, run once and read by the later steps. */
  /** The turn's facts (pipeline/turnFacts): the triage computed once per turn. */
  turnFacts?: { of(context: TurnContext): TriageCheck };
  catalog: ResponseCatalog;
  metrics: OperationsMetrics;
  logger: Logger;
  now?: () => number;
  /** Conversations tracked per window; past it new ones are not limited (bounded memory). */
  maxConversations?: number;
}

export class ConversationRateLimit {
  private readonly verdicts = new WeakMap<object, Verdict>();
  private windows = new Map<string, Window>();
  private windowStart = 0;
  private readonly now: () => number;

  constructor(private readonly deps: ConversationLimitDeps) {
    this.now = deps.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.deps.perMinute > 0;
  }

  /** Counts one activity and decides; the same activity object always gets the same verdict. */
  check(activity: ActivityLike, triage?: TriageCheck): Verdict {
    const known = this.verdicts.get(activity);
    if (known) return known;
    const verdict = this.decide(activity, triage);
    this.verdicts.set(activity, verdict);
    return verdict;
  }

  /** Records a verdict taken on another object for the activity the turn will run with. */
  remember(activity: object, verdict: Verdict): void {
    this.verdicts.set(activity, verdict);
  }

  /** Seconds to wait when this activity was refused (no turn ran), else undefined. */
  rejection(activity: object): number | undefined {
    const verdict = this.verdicts.get(activity);
    return verdict?.kind === 'reject' ? verdict.retryAfter : undefined;
  }

  /** `triage`: the turn's, inside a turn (default: the triage check itself). */
  decide(activity: ActivityLike, triage: TriageCheck = this.deps.triageCheck): Verdict {
    if (!this.enabled || activity.type !== ActivityTypes.Message) return OK;
    const conversationId = activity.conversation?.id;
    if (typeof conversationId !== 'string') return OK;
    const now = this.now();
    if (now - this.windowStart >= 60_000) {
      this.windowStart = now;
      this.windows = new Map();
    }
    const key = `${activity.channelId ?? ''}\u0000${conversationId}`;
    let window = this.windows.get(key);
    if (!window) {
      if (this.windows.size >= (this.deps.maxConversations ?? 100_000)) return OK;
      this.windows.set(key, (window = { count: 0, noted: false }));
    }
    window.count++;
    if (window.count <= this.deps.perMinute) return OK;
    // Over the budget: an urgent message still goes through, on the full text as the member wrote it.
    if (typeof activity.text === 'string' && activity.text.trim() && isUrgent(triage.triage(activity.text).match)) return OK;
    this.deps.metrics.rateLimited('conversation');
    if (!window.noted) {
      window.noted = true;
      this.deps.logger.info({ channelId: activity.channelId, perMinute: this.deps.perMinute }, 'conversation over its message budget: member asked to slow down');
      return { kind: 'note' };
    }
    return { kind: 'reject', retryAfter: Math.max(1, Math.ceil((this.windowStart + 60_000 - now) / 1000)) };
  }

  /**
   * Adapter middleware, first in the chain (before typing indicators): runs the turn, answers it
   * with the note alone, or drops it (the route answers 429).
   */
  middleware(): Middleware {
    return {
      onTurn: async (context: TurnContext, next: () => Promise<void>): Promise<void> => {
        const verdict = this.check(context.activity, this.deps.turnFacts?.of(context));
        if (verdict.kind === 'ok') return next();
        if (verdict.kind === 'note') {
          const text = context.activity.text ?? '';
          const locale = detectLocale(text, localeOf(context.activity.locale));
          await context.sendActivity(this.deps.catalog.text(locale, 'limits.slowDown'));
        }
      },
    };
  }
}
