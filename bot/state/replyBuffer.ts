import { ActivityTypes, type ResourceResponse, type TurnContext } from 'botbuilder';

/**
 * Holds what a turn sends until its state is committed, so a turn that has to be re-run (its save
 * collided with a concurrent turn) never leaves the member with replies from the discarded run.
 * Typing indicators go out at once. Register it after every other onSendActivities handler of the
 * turn (they run while the turn runs; only the delivery to the channel is held).
 *
 * While held, `context.responded` stays false and the ids returned are empty: nothing in this
 * assistant reads them. `deliveryMode: expectReplies` works unchanged: released replies land in
 * the adapter's reply buffer, which is answered after the turn.
 */
export class ReplyBuffer {
  private holding = false;
  private held: Array<() => Promise<unknown>> = [];

  constructor(context: TurnContext) {
    context.onSendActivities(async (_context, activities, next): Promise<ResourceResponse[]> => {
      if (!this.holding || activities.every((a) => a.type === ActivityTypes.Typing)) return next();
      this.held.push(next);
      return activities.map(() => ({ id: '' }));
    });
  }

  get pending(): number {
    return this.held.length;
  }

  /** From now on, hold what is sent. */
  hold(): void {
    this.holding = true;
    this.held = [];
  }

  /** Forgets what was held (the run that produced it is being discarded). */
  discard(): void {
    this.held = [];
  }

  /** Delivers what was held, in order, and lets everything after it through directly. */
  async release(): Promise<void> {
    this.holding = false;
    const held = this.held;
    this.held = [];
    for (const deliver of held) await deliver();
  }
}
