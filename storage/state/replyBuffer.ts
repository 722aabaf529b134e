import { ActivityTypes, type Activity, type ResourceResponse, type TurnContext } from 'botbuilder';
import { isUrgent } from '../../channels/replySender';

/**
 * Holds what a turn sends until its state is committed, so a turn that has to be re-run (its save
 * collided with a concurrent turn) never leaves the member with replies from the discarded run.
 * Typing indicators go out at once, and so do urgent replies (the emergency answer): those are
 * delivered once per turn however many times it runs, and never dropped. Register it after every
 * other onSendActivities handler of the turn (they run while the turn runs; only the delivery to
 * the channel is held).
 *
 * While held, `context.responded` stays false and the ids returned are empty: nothing in this
 * assistant reads them. `deliveryMode: expectReplies` works unchanged: released replies land in
 * the adapter's reply buffer, which is answered after the turn.
 */
export class ReplyBuffer {
  private holding = false;
  private held: Array<() => Promise<unknown>> = [];
  /** The activities held, in order (what `release` will deliver). */
  private heldActivities: Array<Partial<Activity>> = [];
  /** Texts of urgent replies already delivered in this turn (a re-run says them again). */
  private readonly deliveredUrgent = new Set<string>();

  constructor(context: TurnContext) {
    context.onSendActivities(async (_context, activities, next): Promise<ResourceResponse[]> => {
      if (activities.some(isUrgent)) {
        const key = activities.map((a: Partial<Activity>) => a.text ?? '').join('\u0000');
        if (this.deliveredUrgent.has(key)) return activities.map(() => ({ id: '' }));
        this.deliveredUrgent.add(key);
        return next();
      }
      if (!this.holding || activities.every((a) => a.type === ActivityTypes.Typing)) return next();
      this.held.push(next);
      this.heldActivities.push(...activities);
      return activities.map(() => ({ id: '' }));
    });
  }

  get pending(): number {
    return this.held.length;
  }

  /** What `release` would deliver now (the same objects the later send handlers will see). */
  get activities(): ReadonlyArray<Partial<Activity>> {
    return this.heldActivities;
  }

  /** From now on, hold what is sent. */
  hold(): void {
    this.holding = true;
    this.held = [];
    this.heldActivities = [];
  }

  /** Forgets what was held (the run that produced it is being discarded). */
  discard(): void {
    this.held = [];
    this.heldActivities = [];
  }

  /** Delivers what was held, in order, and lets everything after it through directly. */
  async release(): Promise<void> {
    this.holding = false;
    const held = this.held;
    this.held = [];
    this.heldActivities = [];
    for (const deliver of held) await deliver();
  }
}
