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
 * which are delivered once). Everything goes to the store in one append after the turn, off the
 * turn's path. A transcript write that fails is logged (without text) and never fails the turn.
 * The member's message carries what became of it (`meta`: the turn's TurnOutcome, ids only), as
 * the run that counted left it: TurnGuard clears the turn state of a run it discards.
 */
export class TranscriptRecorder {
  private readonly delivered = new WeakMap<TurnContext, StoredActivity[]>();

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
        if (activity.type !== ActivityTypes.Message) continue;
        const stored = toStored({ ...activity, timestamp: activity.timestamp ?? new Date() } as Partial<Activity>, 'bot', undefined, this.keep);
        if (stored) out.push(stored);
      }
      return responses;
    });
  }

  /**
   * After the turn: the member's message and the delivered replies, handed to the store in one
   * append. Not awaited by the turn (the member's answer does not wait for the transcript).
   */
  flush(context: TurnContext): void {
    const out = this.delivered.get(context) ?? [];
    this.delivered.delete(context);
    const { activity } = context;
    const entries: StoredActivity[] = [];
    if (activity.type === ActivityTypes.Message) {
      const incoming = toStored(activity, 'user', undefined, this.keep);
      const meta = turnOutcome(context);
      if (incoming && meta && Object.keys(meta).length) incoming.meta = { ...meta };
      if (incoming) entries.push(incoming);
    }
    entries.push(...out);
    const conversationId = activity.conversation?.id;
    if (!entries.length || !conversationId || !activity.channelId) return;
    const channelId = activity.channelId;
    this.store.append(channelId, conversationId, entries);
  }
}
