import type { Activity, BotState, ConversationState, TurnContext } from 'botbuilder';
import { currentCorrelationId } from '../../common/correlation';
import { jitter } from '../../common/jitter';
import type { Logger } from '../../common/logger';
import { KeyedMutex } from '../keyedMutex';
import { isStorageConflict } from '../types';
import { ReplyBuffer } from './replyBuffer';

const AFTER_SAVE = Symbol('turnGuard.afterSave');

/**
 * Work to do once this turn's state is saved and its replies are out (a run of the turn that is
 * discarded on a state conflict drops what it asked for). Failures are logged, never the member's.
 */
export function afterStateSaved(context: TurnContext, work: () => Promise<void>): void {
  const pending = (context.turnState.get(AFTER_SAVE) as Array<() => Promise<void>> | undefined) ?? [];
  pending.push(work);
  context.turnState.set(AFTER_SAVE, pending);
}

export interface TurnGuardDeps {
  /** eTag-checked (CheckedConversationState): a concurrent update makes the save throw a conflict. */
  conversationState: ConversationState;
  userState: BotState;
  logger: Logger;
  /** Runs first in every run of a turn, on freshly loaded state (idle / stale dialog checks). */
  beforeTurn?: (context: TurnContext) => Promise<void>;
  /** Tells the member to send their message again when the turn kept colliding. */
  busyReply: (context: TurnContext) => Promise<void>;
  /**
   * Runs of one turn before giving up. Default 25. A run is lost only when another instance
   * saved this conversation meanwhile, and that instance's next queued turn tends to win the
   * next round too (it loads while this one is still learning of its conflict), so a turn can
   * lose once per turn the other instances have queued: the bound must exceed a burst.
   */
  maxAttempts?: number;
  /** How long a turn waits for the previous turn of its conversation. Default 30 s. */
  lockWaitMs?: number;
  /** Pause before re-running a turn (tests make it immediate). */
  backoff?: (attempt: number) => Promise<void>;
  /**
   * Runs once a turn's state is saved, before its replies go out, with the replies about to go
   * out: the transcript makes the member's message and those replies durable here (recorder.ts),
   * so what a member was answered is never missing from it after a crash. Must not throw.
   */
  beforeRelease?: (context: TurnContext, replies: ReadonlyArray<Partial<Activity>>) => Promise<void>;
  /** Told whether each turn could load and save its state (GET /healthz reports a failing store). */
  onStore?: (ok: boolean) => void;
}

/**
 * Makes every turn of a conversation see the state the previous one left, on one instance or many.
 *
 * 1. Within an instance, turns of one conversation run one at a time, in arrival order (a
 *    double-click or an SMS burst queues up instead of racing), bounded by `lockWaitMs` so a stuck
 *    turn cannot block a conversation forever.
 * 2. Across instances (or after that bound), a turn is a transaction: its replies are held, its
 *    state is saved with the eTag it loaded, and only then are the replies delivered. If another
 *    instance saved first, the held replies are dropped and the turn runs again on the fresh state
 *    (up to `maxAttempts`, then the member is asked to send the message again; nothing is lost
 *    either way).
 *
 * A turn that throws still delivers what it had said (as before), then the turn-error handler runs;
 * a turn whose state cannot be loaded or saved delivers nothing of its own (only the apology).
 * Work on a conversation's state outside a turn (proactive messages, agent hand-off) should go
 * through `exclusive` with the same key, and save with eTags too (see storage/update.ts).
 */
export class TurnGuard {
  readonly locks = new KeyedMutex();
  private readonly maxAttempts: number;
  private readonly lockWaitMs: number;
  private readonly backoff: (attempt: number) => Promise<void>;

  constructor(private readonly deps: TurnGuardDeps) {
    this.maxAttempts = deps.maxAttempts ?? 25;
    this.lockWaitMs = deps.lockWaitMs ?? 30_000;
    this.backoff = deps.backoff ?? ((attempt: number) => jitter(attempt, { stepMs: 10, firstImmediate: true }));
  }

  async run(context: TurnContext, turn: () => Promise<void>): Promise<void> {
    const key = this.deps.conversationState.getStorageKey(context);
    if (!key) return this.attempts(context, turn);
    return this.exclusive(key, () => this.attempts(context, turn));
  }

  /** Runs `work` while no turn of the conversation with this storage key runs on this instance. */
  exclusive<T>(conversationKey: string, work: () => Promise<T>): Promise<T> {
    return this.locks.run(conversationKey, work, {
      waitMs: this.lockWaitMs,
      onTimeout: () =>
        this.deps.logger.warn(
          { correlationId: currentCorrelationId(), waitedMs: this.lockWaitMs },
          'previous turn of this conversation is still running: going ahead (saves stay eTag-checked)',
        ),
    });
  }

  private async attempts(context: TurnContext, turn: () => Promise<void>): Promise<void> {
    const replies = new ReplyBuffer(context);
    const pristine = copyActivity(context.activity);
    const baseline = new Set(context.turnState.keys());
    for (let attempt = 1; ; attempt++) {
      replies.hold();
      let stage: 'load' | 'turn' | 'save' = 'load';
      try {
        await this.deps.conversationState.load(context, true);
        stage = 'turn';
        await this.deps.beforeTurn?.(context);
        await turn();
        stage = 'save';
        await this.deps.conversationState.saveChanges(context, false);
        await this.deps.userState.saveChanges(context, false);
        this.deps.onStore?.(true);
      } catch (err) {
        if (!isStorageConflict(err)) {
          if (stage === 'turn') {
            // The turn itself failed: what it had said is delivered, then the turn-error handler runs.
            await replies.release();
          } else {
            // State could not be loaded or saved: replies go out only once state is on disk, so
            // none of this turn's do; the turn-error handler apologises (with the 911 line).
            this.deps.onStore?.(false);
            replies.discard();
            await replies.release();
          }
          throw err;
        }
        replies.discard();
        const log = { correlationId: currentCorrelationId(), channelId: context.activity.channelId, attempt };
        if (attempt >= this.maxAttempts) {
          this.deps.logger.warn(log, 'turn given up after repeated state conflicts: member asked to send it again');
          await replies.release();
          await this.deps.busyReply(context);
          return;
        }
        this.deps.logger.info(log, 'conversation state changed by a concurrent turn: running this turn again on fresh state');
        resetTurn(context, pristine, baseline);
        await this.backoff(attempt);
        continue;
      }
      await this.deps.beforeRelease?.(context, replies.activities);
      await replies.release();
      await this.afterSave(context);
      return;
    }
  }

  private async afterSave(context: TurnContext): Promise<void> {
    const pending = (context.turnState.get(AFTER_SAVE) as Array<() => Promise<void>> | undefined) ?? [];
    context.turnState.delete(AFTER_SAVE);
    for (const work of pending) {
      try {
        await work();
      } catch (err) {
        this.deps.logger.warn({ correlationId: currentCorrelationId(), err: { name: (err as Error)?.name } }, 'work after the state save failed');
      }
    }
  }
}

/** Undoes what a discarded run did to the turn: activity edits (normalized input) and cached state. */
function resetTurn(context: TurnContext, pristine: Record<string, unknown>, baseline: Set<unknown>): void {
  const activity = context.activity as unknown as Record<string, unknown>;
  for (const name of Object.keys(activity)) if (!(name in pristine)) delete activity[name];
  Object.assign(activity, copyActivity(pristine));
  for (const key of [...context.turnState.keys()]) if (!baseline.has(key)) context.turnState.delete(key);
}

function copyActivity<T extends object>(activity: T): Record<string, unknown> {
  try {
    return structuredClone(activity) as Record<string, unknown>;
  } catch {
    return { ...(activity as Record<string, unknown>) };
  }
}
