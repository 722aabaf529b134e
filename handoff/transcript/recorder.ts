import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { turnOutcome } from '../../dialogs/turn';
import type { PublicNumbers } from '../../common/redaction';
import { toStored, type AssistantTranscriptStore, type StoredActivity } from './transcriptStore';

/**
 * Records each turn into the transcript store: the member's message once per turn (as the
 * pipeline left it: a typed password is already masked), and what was really delivered to the
 * member, once. TurnGuard holds a turn's replies until its state commits and re-runs a turn on a
 * conflict, dropping the held replies; the recorder's send handler is registered inside the turn,
 * after TurnGuard's reply buffer, so it only sees replies as they are released (and urgent ones,
 * which are delivered once). Once the turn's state is saved, TurnGuard calls `commit` with the
 * replies it is about to release: the member's message, what was delivered so far and those
 * replies are made durable (the store's tail, group-committed with concurrent turns) before the
 * member gets them, so a crash right after an answer never loses it from the transcript. What a
 * turn sends after that (an apology after a failure) and turns that never commit go to the store
 * in one append after the turn, off the turn's path. A transcript write that fails is logged
 * (without text) and never fails the turn.
 * The member's message carries what became of it (`meta`: the turn's TurnOutcome, ids only), as
 * the run that counted left it: TurnGuard clears the turn state of a run it discards.
 */
export class TranscriptRecorder {
  private readonly delivered = new WeakMap<TurnContext, StoredActivity[]>();
  /** Turns whose member message is already recorded (by `commit`). */
  private readonly committed = new WeakSet<TurnContext>();
  /** Replies recorded by `commit` before their release (not recorded again as they go out). */
  private readonly recorded = new WeakSet<object>();

  constructor(
    private readonly store: AssistantTranscriptStore,
    /** The plan's own numbers (portal profile): not redacted. */
    private readonly keep?: PublicNumbers,
  ) {}

  /** Call inside the turn (after TurnGuard has started it); safe to call again on a re-run. */
  attach(context: TurnContext): void {
    if (this.delivered.has(context)) return;
    const out: StoredActivity[] = [];
    this.delivered.set(context, out);
    context.onSendActivities(async (_ctx, activities, next) => {
      const responses = await next();
      for (const activity of activities) {
        if (this.recorded.has(activity)) continue;
        const stored = storedReply(activity, this.keep);
        if (stored) out.push(stored);
      }
      return responses;
    });
  }

  /**
   * The turn's state is saved and `replies` are about to go out: the member's message, what was
   * delivered so far and these replies are on disk when this resolves (never rejects).
   */
  async commit(context: TurnContext, replies: ReadonlyArray<Partial<Activity>>): Promise<void> {
    const out = this.delivered.get(context);
    if (!out) return;
    const entries = this.incoming(context);
    entries.push(...out.splice(0));
    for (const reply of replies) {
      this.recorded.add(reply);
      const stored = storedReply(reply, this.keep);
      if (stored) entries.push(stored);
    }
    this.committed.add(context);
    const { channelId, conversation } = context.activity;
    if (!entries.length || !conversation?.id || !channelId) return;
    await this.store.appendDurably(channelId, conversation.id, entries);
  }

  /** The member's message as kept, with what became of it. */
  private incoming(context: TurnContext): StoredActivity[] {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Message) return [];
    const incoming = toStored(activity, 'user', undefined, this.keep);
    const meta = turnOutcome(context);
    if (incoming && meta && Object.keys(meta).length) incoming.meta = { ...meta };
    return incoming ? [incoming] : [];
  }

  /**
   * After the turn: the member's message and the delivered replies, handed to the store in one
   * append. Not awaited by the turn (the member's answer does not wait for the transcript).
   */
  flush(context: TurnContext): void {
    const out = this.delivered.get(context) ?? [];
    this.delivered.delete(context);
    const { activity } = context;
    const entries: StoredActivity[] = this.committed.has(context) ? [] : this.incoming(context);
    this.committed.delete(context);
    entries.push(...out);
    const conversationId = activity.conversation?.id;
    if (!entries.length || !conversationId || !activity.channelId) return;
    const channelId = activity.channelId;
    this.store.append(channelId, conversationId, entries);
  }
}

function storedReply(activity: Partial<Activity>, keep?: PublicNumbers): StoredActivity | undefined {
  if (activity.type !== ActivityTypes.Message) return undefined;
  return toStored({ ...activity, timestamp: activity.timestamp ?? new Date() } as Partial<Activity>, 'bot', undefined, keep);
}
