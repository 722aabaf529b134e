import type { Activity, PagedResult, StoreItem, TranscriptInfo, TranscriptStore } from 'botbuilder';
import type { AssistantStorage } from '../../storage/types';
import { updateItem } from '../../storage/update';
import { TranscriptDayIndex } from './dayIndex';
import { overlap, toStored, type StoredActivity } from './storedActivity';

// Moved to storedActivity.ts; re-exported for the code and tests that import them from here.
export { toStored, type StoredActivity } from './storedActivity';

/**
 * Conversation transcripts (what members wrote and what they were sent) in the configured store,
 * behind botbuilder's `TranscriptStore` interface, so that retention, "forget me"
 * (`deleteTranscript`) and reports over transcripts can be built on it.
 *
 * What is kept is deliberately little: message activities only, in the form `toStored` gives them
 * (storedActivity.ts: redacted, never attachments, card payloads, channel data, `value`s (the
 * member/identity assertion is an event, never kept) or the channel's ids for the member).
 * Bounded: the last MAX_ACTIVITIES per conversation, MAX_TEXT characters each.
 *
 * Keys: `transcripts/<channel>/<conversation id>` (one document per conversation), and the
 * index of conversations per channel and day (dayIndex.ts, for listing and reports).
 *
 * Writes stay off the member's turn and are few: the recorder hands entries over and the turn
 * goes on; a conversation's entries are written together a few seconds later (one store write
 * for a burst of turns), one write at a time, in order; the day indexes, one key shared by every
 * conversation of the day, are written in batches too. `drain()` (graceful stop) writes all of
 * it; a read of a conversation writes its entries first. Turns go through `appendDurably`: until
 * a conversation's entries are in its document, they are also kept in one small "tail" item of
 * the conversation journal (`transcript-tail/conversations/…`, where the store can list such keys:
 * STORAGE=file), written with the journal's group commit, and the turn's replies are released only
 * after it (recorder.ts): a crash never loses a message the member was answered, and `recover()`
 * moves the tails into the documents on start.
 */

export const MAX_ACTIVITIES = 200;
const PAGE_SIZE = 100;
/** How far back listTranscripts looks for days with conversations. */
const LIST_DAYS = 90;

/** One conversation's transcript as stored. */
export interface TranscriptDoc extends StoreItem {
  channelId: string;
  conversationId: string;
  day: string;
  createdAt: string;
  dropped: number;
  activities: StoredActivity[];
}

const docKey = (channelId: string, conversationId: string) => `transcripts/${channelId}/${conversationId}`;
/** Entries not yet in a conversation's document, in the conversation journal (a conversation key: group-committed). */
const TAIL_PREFIX = 'transcript-tail/conversations/';
const tailKey = (channelId: string, conversationId: string) => `${TAIL_PREFIX}${channelId}/${conversationId}`;

interface TailItem extends StoreItem {
  channelId: string;
  conversationId: string;
  activities: StoredActivity[];
}
/** Documents read at once by `conversations()`. */
const READ_BATCH = 50;

interface Pending {
  channelId: string;
  conversationId: string;
  activities: StoredActivity[];
  timer?: NodeJS.Timeout;
  /** The last write started (writes of a conversation run one after the other). */
  writing: Promise<void>;
  /** The batch being written to the document (still in the tail until it is). */
  inFlight: StoredActivity[];
  /** Whether this conversation has a tail item that may need updating. */
  tailed: boolean;
}

/** Conversations with unwritten entries beyond this are written at once (memory bound). */
const MAX_PENDING = 5000;

export class AssistantTranscriptStore implements TranscriptStore {
  private readonly pending = new Map<string, Pending>();
  /** The last tail write of each conversation (one at a time, in order). */
  private readonly tailWrites = new Map<string, Promise<void>>();

  constructor(
    private readonly storage: AssistantStorage,
    private readonly now: () => number = Date.now,
    private readonly onError: (err: unknown) => void = () => undefined,
    /** How long entries of a conversation may wait to be written together. */
    private readonly delayMs = 3000,
    /** The conversations started per channel and day (built on the same store by default). */
    private readonly index = new TranscriptDayIndex(storage, now, onError, delayMs),
  ) {}

  /** botbuilder's TranscriptLogger: one activity (written with the conversation's next batch). */
  async logActivity(activity: Activity): Promise<void> {
    const stored = toStored(activity);
    if (stored && activity.channelId && activity.conversation?.id) this.append(activity.channelId, activity.conversation.id, [stored]);
  }

  /**
   * Adds entries to a conversation's transcript. They are written a moment later, together with
   * whatever else the conversation says meanwhile (a conversation costs one write every few
   * seconds at most, not one per turn); a read of the conversation, `drain()` or a full buffer
   * writes them at once. Writes of one conversation happen one at a time, in order.
   */
  append(channelId: string, conversationId: string, activities: StoredActivity[]): void {
    if (!activities.length) return;
    const key = docKey(channelId, conversationId);
    let entry = this.pending.get(key);
    if (!entry) this.pending.set(key, (entry = { channelId, conversationId, activities: [], writing: Promise.resolve(), inFlight: [], tailed: false }));
    entry.activities.push(...activities);
    if (entry.activities.length > MAX_ACTIVITIES) entry.activities.splice(0, entry.activities.length - MAX_ACTIVITIES);
    if (this.pending.size > MAX_PENDING) {
      void this.flush(key);
    } else if (!entry.timer) {
      entry.timer = setTimeout(() => void this.flush(key), this.delayMs);
      entry.timer.unref();
    }
  }

  /**
   * `append`, and resolves once the entries are durable: in the conversation's tail item, which
   * the store's journal group-commits with the state writes of concurrent turns (one fdatasync for
   * all of them). Stores that cannot list their tails (blob, cosmos, memory) resolve at once.
   * A tail that cannot be written is logged (the entries stay pending for the document write).
   */
  async appendDurably(channelId: string, conversationId: string, activities: StoredActivity[]): Promise<void> {
    this.append(channelId, conversationId, activities);
    const entry = this.pending.get(docKey(channelId, conversationId));
    if (!activities.length || !entry || !this.storage.keysWithPrefix) return;
    entry.tailed = true;
    await this.syncTail(channelId, conversationId).catch((err) => this.onError(err));
  }

  /** Makes the tail item hold what the document does not yet (or removes it), after any tail write in flight. */
  private syncTail(channelId: string, conversationId: string): Promise<void> {
    const key = docKey(channelId, conversationId);
    const run = async (): Promise<void> => {
      const entry = this.pending.get(key);
      if (entry && !entry.tailed) return;
      const unwritten = entry ? [...entry.inFlight, ...entry.activities] : [];
      if (unwritten.length) {
        await this.storage.put(tailKey(channelId, conversationId), { channelId, conversationId, activities: unwritten.slice(-MAX_ACTIVITIES) }, '*');
      } else {
        await this.storage.delete([tailKey(channelId, conversationId)]);
        // Entries appended while the delete was on its way (a turn committing as a flush ends) still
        // need their tail: their own syncTail is queued behind this one and must not be skipped.
        if (entry && !entry.inFlight.length && !entry.activities.length) entry.tailed = false;
      }
    };
    const previous = this.tailWrites.get(key) ?? Promise.resolve();
    const writing = previous.catch(() => undefined).then(run);
    this.tailWrites.set(key, writing);
    void writing
      .catch(() => undefined)
      .then(() => {
        if (this.tailWrites.get(key) === writing) this.tailWrites.delete(key);
      });
    return writing;
  }

  /** On start: entries a crash left in tails go into their documents (once), and the tails are removed. */
  async recover(): Promise<number> {
    const keys = (await this.storage.keysWithPrefix?.(TAIL_PREFIX)) ?? [];
    let recovered = 0;
    for (const key of keys) {
      try {
        const tail = (await this.storage.read([key]))[key] as TailItem | undefined;
        if (tail?.activities?.length && tail.channelId && tail.conversationId) {
          await this.write(tail.channelId, tail.conversationId, tail.activities, true);
          recovered++;
        }
        await this.storage.delete([key]);
      } catch (err) {
        // Kept for the next start; never stops this one.
        this.onError(err);
      }
    }
    return recovered;
  }

  /** Writes what one conversation has pending, after any write of it in flight. */
  private flush(key: string): Promise<void> {
    const entry = this.pending.get(key);
    if (!entry) return Promise.resolve();
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = undefined;
    const run = async (): Promise<void> => {
      while (entry.activities.length) {
        const batch = entry.activities.splice(0);
        entry.inFlight = batch;
        try {
          await this.write(entry.channelId, entry.conversationId, batch);
        } catch (err) {
          // Not in the document: kept for the next write (and so in the tail, which is not removed).
          entry.activities.unshift(...batch);
          if (entry.activities.length > MAX_ACTIVITIES) entry.activities.splice(0, entry.activities.length - MAX_ACTIVITIES);
          throw err;
        } finally {
          entry.inFlight = [];
        }
      }
      if (entry.tailed) await this.syncTail(entry.channelId, entry.conversationId);
    };
    const writing = entry.writing.then(run).catch((err) => this.onError(err));
    entry.writing = writing;
    void writing.then(() => {
      if (this.pending.get(key) === entry && entry.writing === writing && !entry.activities.length && !entry.timer && !entry.tailed) this.pending.delete(key);
    });
    return writing;
  }

  /** `overlapping`: entries from a tail, whose first ones may already end the document (a crash between the two writes). */
  private async write(channelId: string, conversationId: string, activities: StoredActivity[], overlapping = false): Promise<void> {
    const today = new Date(this.now()).toISOString().slice(0, 10);
    let created = false;
    await updateItem<TranscriptDoc>(this.storage, docKey(channelId, conversationId), (doc) => {
      created = !doc;
      const skip = overlapping ? overlap(doc?.activities ?? [], activities) : 0;
      if (overlapping && skip === activities.length) return undefined;
      const all = [...(doc?.activities ?? []), ...activities.slice(skip)];
      const excess = Math.max(0, all.length - MAX_ACTIVITIES);
      return {
        channelId,
        conversationId,
        day: doc?.day ?? today,
        createdAt: doc?.createdAt ?? new Date(this.now()).toISOString(),
        dropped: (doc?.dropped ?? 0) + excess,
        activities: all.slice(excess),
      };
    });
    if (created) this.index.add(channelId, today, conversationId);
  }

  /** Writes everything this instance holds (graceful stop, listing). */
  async drain(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((key) => this.flush(key)));
    await Promise.all([...this.tailWrites.values()].map((writing) => writing.catch(() => undefined)));
    await this.index.flush();
  }

  /** Before reading a conversation: its pending entries are written. */
  private settled(channelId: string, conversationId: string): Promise<void> {
    return this.flush(docKey(channelId, conversationId));
  }

  /** The last `limit` kept activities of a conversation, oldest first. */
  async recent(channelId: string, conversationId: string, limit = 50): Promise<StoredActivity[]> {
    await this.settled(channelId, conversationId);
    const doc = (await this.storage.read([docKey(channelId, conversationId)]))[docKey(channelId, conversationId)] as TranscriptDoc | undefined;
    return (doc?.activities ?? []).slice(-limit);
  }

  async getTranscriptActivities(channelId: string, conversationId: string, continuationToken?: string, startDate?: Date): Promise<PagedResult<Activity>> {
    await this.settled(channelId, conversationId);
    const doc = (await this.storage.read([docKey(channelId, conversationId)]))[docKey(channelId, conversationId)] as TranscriptDoc | undefined;
    const from = Math.max(0, Number(continuationToken ?? 0) || 0);
    const since = startDate?.getTime() ?? 0;
    const matching = (doc?.activities ?? []).filter((a) => Date.parse(a.timestamp) >= since);
    const page = matching.slice(from, from + PAGE_SIZE).map(
      (a) =>
        ({
          ...a,
          channelId,
          conversation: { id: conversationId },
          from: { id: a.from.role, name: a.from.name, role: a.from.role === 'user' ? 'user' : 'bot' },
        }) as unknown as Activity,
    );
    const next = from + PAGE_SIZE < matching.length ? String(from + PAGE_SIZE) : '';
    return { items: page, continuationToken: next };
  }

  /** Conversations with a transcript, newest day first; the token is the next day to look at. */
  async listTranscripts(channelId: string, continuationToken?: string): Promise<PagedResult<TranscriptInfo>> {
    await this.drain();
    const items: TranscriptInfo[] = [];
    const start = continuationToken && /^\d{4}-\d{2}-\d{2}$/.test(continuationToken) ? Date.parse(`${continuationToken}T00:00:00Z`) : this.now();
    let day = new Date(start);
    for (let i = 0; i < LIST_DAYS && items.length < PAGE_SIZE; i++) {
      const name = day.toISOString().slice(0, 10);
      for (const c of await this.index.conversationsOn(channelId, name)) items.push({ channelId, id: c.id, created: new Date(c.created) });
      day = new Date(day.getTime() - 86_400_000);
    }
    const oldest = new Date(this.now() - LIST_DAYS * 86_400_000);
    const more = day.getTime() > oldest.getTime() && items.length >= PAGE_SIZE;
    return { items, continuationToken: more ? day.toISOString().slice(0, 10) : '' };
  }

  /** The channels with transcripts, as far as the channel index knows (for reports). */
  async channels(): Promise<string[]> {
    await this.drain();
    return this.index.channels();
  }

  /**
   * The transcripts of the conversations that started on these days (YYYY-MM-DD, UTC) on a
   * channel, a few documents at a time (reports go through every conversation of a period
   * without holding them all).
   */
  async *conversations(channelId: string, days: readonly string[]): AsyncGenerator<TranscriptDoc> {
    await this.drain();
    for (const day of days) {
      const keys = [...new Set((await this.index.conversationsOn(channelId, day)).map((c) => docKey(channelId, c.id)))];
      for (let i = 0; i < keys.length; i += READ_BATCH) {
        const batch = keys.slice(i, i + READ_BATCH);
        const docs = await this.storage.read(batch);
        for (const key of batch) if (docs[key]) yield docs[key] as TranscriptDoc;
      }
    }
  }

  /** Forgets a conversation's transcript ("forget me"). */
  async deleteTranscript(channelId: string, conversationId: string): Promise<void> {
    await this.drain();
    const key = docKey(channelId, conversationId);
    const doc = (await this.storage.read([key]))[key] as TranscriptDoc | undefined;
    if (doc?.day) await this.index.remove(channelId, doc.day, conversationId);
    await this.storage.delete([key, tailKey(channelId, conversationId)]);
  }
}
