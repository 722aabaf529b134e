import type { Activity, PagedResult, StoreItem, TranscriptInfo, TranscriptStore } from 'botbuilder';
import { PII_CATEGORIES, redactPii, redactText, type PublicNumbers } from '../../common/redaction';

/** What is redacted in the assistant's own words: every identifier, but no "password: …" rule. */
const BOT_REDACTED = PII_CATEGORIES.filter((category) => category !== 'password');
import type { TurnOutcome } from '../../dialogs/turn';
import type { AssistantStorage } from '../../storage/types';
import { updateItem } from '../../storage/update';

/**
 * Conversation transcripts (what members wrote and what they were sent) in the configured store,
 * behind botbuilder's `TranscriptStore` interface, so that retention, "forget me"
 * (`deleteTranscript`) and reports over transcripts can be built on it.
 *
 * What is kept is deliberately little: message activities only, as `{ type, id, timestamp,
 * from: { role, name? }, text, links?, meta? }` with the text passed through `redactText`
 * (passwords and, as the PHI work extends it, other identifiers masked); `meta`, on the member's
 * messages, is what became of the message (intent, not understood, emergency, escalated: ids only). Never attachments, card payloads,
 * channel data, `value`s (the member/identity assertion is an event, never kept) or the channel's
 * ids for the member. Bounded: the last MAX_ACTIVITIES per conversation, MAX_TEXT characters each.
 *
 * Keys: `transcripts/<channel>/<conversation id>` (one document per conversation),
 * `transcripts-index/<channel>/<YYYY-MM-DD>` (conversations started that day, for listing) and
 * `transcripts-index/channels` (the channels with transcripts, for reports over all of them).
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
export const MAX_TEXT = 2000;
const PAGE_SIZE = 100;
/** Conversations listed per channel and day (listing is for reports; beyond this, use the store's own listing). */
const MAX_PER_DAY = 20_000;
/** How far back listTranscripts looks for days with conversations. */
const LIST_DAYS = 90;

export interface StoredLink {
  title: string;
  url: string;
}

export interface StoredActivity {
  type: 'message';
  id?: string;
  timestamp: string;
  from: { role: 'user' | 'bot' | 'agent'; name?: string };
  text: string;
  links?: StoredLink[];
  /** The member's messages: what became of the message (dialogs/turn.ts TurnOutcome). */
  meta?: TurnOutcome;
}

/** One conversation's transcript as stored. */
export interface TranscriptDoc extends StoreItem {
  channelId: string;
  conversationId: string;
  day: string;
  createdAt: string;
  dropped: number;
  activities: StoredActivity[];
}

interface DayIndex extends StoreItem {
  conversations: Array<{ id: string; created: string }>;
}

interface ChannelIndex extends StoreItem {
  channels: string[];
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
const dayKey = (channelId: string, day: string) => `transcripts-index/${channelId}/${day}`;
/** The channels with transcripts (one segment fewer than a day index, so never one of them). */
const CHANNELS_KEY = 'transcripts-index/channels';
/** Documents read at once by `conversations()`. */
const READ_BATCH = 50;

/** Link buttons of an Adaptive Card (Action.OpenUrl), the only part of a card a transcript keeps. */
function linksOf(activity: Partial<Activity>): StoredLink[] | undefined {
  const links: StoredLink[] = [];
  for (const attachment of activity.attachments ?? []) {
    const content = attachment.content as { actions?: Array<{ type?: string; title?: string; url?: string }> } | undefined;
    for (const action of content?.actions ?? []) {
      if (action.type === 'Action.OpenUrl' && typeof action.url === 'string') links.push({ title: String(action.title ?? '').slice(0, 200), url: action.url.slice(0, 2048) });
    }
  }
  return links.length ? links.slice(0, 10) : undefined;
}

/** The kept form of a message activity, redacted; undefined for anything that is not a message. */
export function toStored(activity: Partial<Activity>, role?: StoredActivity['from']['role'], name?: string, keep?: PublicNumbers): StoredActivity | undefined {
  if (activity.type !== 'message') return undefined;
  const from = role ?? (activity.from?.role === 'bot' ? 'bot' : 'user');
  const raw = typeof activity.text === 'string' ? activity.text : '';
  // The assistant's own words never hold a password (it never asks for or repeats one): only the
  // identifiers in them are redacted, so "To reset your password: open the page…" stays readable.
  // The plan's own numbers (`keep`) are nobody's personal data and stay readable.
  const text = from === 'bot' ? redactPii(raw, BOT_REDACTED, keep) : redactText(raw, keep);
  const clipped = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
  const links = linksOf(activity);
  if (!clipped && !links) return undefined;
  const at = activity.timestamp ? new Date(activity.timestamp as unknown as string) : new Date();
  const stored: StoredActivity = {
    type: 'message',
    timestamp: Number.isNaN(at.getTime()) ? new Date().toISOString() : at.toISOString(),
    from: { role: from, ...(name ? { name } : {}) },
    text: clipped,
  };
  if (typeof activity.id === 'string' && activity.id) stored.id = activity.id.slice(0, 256);
  if (links) stored.links = links;
  return stored;
}

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
  /** Conversations to add to the day indexes, written together every few seconds (one shared key per day). */
  private readonly pendingIndex = new Map<string, Map<string, string>>();
  /** Channels this instance has written to the channel index (or found there). */
  private readonly indexedChannels = new Set<string>();
  private readonly pendingChannels = new Set<string>();
  private indexTimer?: NodeJS.Timeout;
  private indexWrite?: Promise<void>;
  /** The last tail write of each conversation (one at a time, in order). */
  private readonly tailWrites = new Map<string, Promise<void>>();

  constructor(
    private readonly storage: AssistantStorage,
    private readonly now: () => number = Date.now,
    private readonly onError: (err: unknown) => void = () => undefined,
    /** How long entries of a conversation may wait to be written together. */
    private readonly delayMs = 3000,
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
    if (created) this.index(channelId, today, conversationId);
  }

  private index(channelId: string, day: string, conversationId: string): void {
    const key = dayKey(channelId, day);
    let ids = this.pendingIndex.get(key);
    if (!ids) this.pendingIndex.set(key, (ids = new Map()));
    ids.set(conversationId, new Date(this.now()).toISOString());
    if (!this.indexedChannels.has(channelId)) this.pendingChannels.add(channelId);
    if (!this.indexTimer) {
      this.indexTimer = setTimeout(() => {
        this.indexTimer = undefined;
        void this.flushIndex().catch((err) => this.onError(err));
      }, this.delayMs);
      this.indexTimer.unref();
    }
  }

  /** Writes the day indexes this instance has collected. */
  private async flushIndex(): Promise<void> {
    if (this.indexWrite) await this.indexWrite.catch(() => undefined);
    const batches = [...this.pendingIndex];
    this.pendingIndex.clear();
    const channels = [...this.pendingChannels];
    this.pendingChannels.clear();
    this.indexWrite = (async () => {
      if (channels.length) {
        try {
          await updateItem<ChannelIndex>(this.storage, CHANNELS_KEY, (index) => {
            const known = index?.channels ?? [];
            const added = channels.filter((c) => !known.includes(c));
            return added.length ? { channels: [...known, ...added].slice(0, 1000) } : undefined;
          });
        } catch (err) {
          for (const c of channels) this.pendingChannels.add(c);
          throw err;
        }
        for (const c of channels) this.indexedChannels.add(c);
      }
      for (const [key, ids] of batches) {
        await updateItem<DayIndex>(this.storage, key, (index) => {
          const known = new Set((index?.conversations ?? []).map((c) => c.id));
          const added = [...ids].filter(([id]) => !known.has(id)).map(([id, created]) => ({ id, created }));
          const room = MAX_PER_DAY - known.size;
          if (!added.length || room <= 0) return undefined;
          return { conversations: [...(index?.conversations ?? []), ...added.slice(0, room)] };
        });
      }
    })();
    try {
      await this.indexWrite;
    } finally {
      this.indexWrite = undefined;
    }
  }

  /** Writes everything this instance holds (graceful stop, listing). */
  async drain(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((key) => this.flush(key)));
    await Promise.all([...this.tailWrites.values()].map((writing) => writing.catch(() => undefined)));
    if (this.indexTimer) {
      clearTimeout(this.indexTimer);
      this.indexTimer = undefined;
    }
    await this.flushIndex();
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
      const index = (await this.storage.read([dayKey(channelId, name)]))[dayKey(channelId, name)] as DayIndex | undefined;
      for (const c of index?.conversations ?? []) items.push({ channelId, id: c.id, created: new Date(c.created) });
      day = new Date(day.getTime() - 86_400_000);
    }
    const oldest = new Date(this.now() - LIST_DAYS * 86_400_000);
    const more = day.getTime() > oldest.getTime() && items.length >= PAGE_SIZE;
    return { items, continuationToken: more ? day.toISOString().slice(0, 10) : '' };
  }

  /** The channels with transcripts, as far as the channel index knows (for reports). */
  async channels(): Promise<string[]> {
    await this.drain();
    const index = (await this.storage.read([CHANNELS_KEY]))[CHANNELS_KEY] as ChannelIndex | undefined;
    return [...(index?.channels ?? [])];
  }

  /**
   * The transcripts of the conversations that started on these days (YYYY-MM-DD, UTC) on a
   * channel, a few documents at a time (reports go through every conversation of a period
   * without holding them all).
   */
  async *conversations(channelId: string, days: readonly string[]): AsyncGenerator<TranscriptDoc> {
    await this.drain();
    for (const day of days) {
      const index = (await this.storage.read([dayKey(channelId, day)]))[dayKey(channelId, day)] as DayIndex | undefined;
      const keys = [...new Set((index?.conversations ?? []).map((c) => docKey(channelId, c.id)))];
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
    if (doc?.day) {
      await updateItem<DayIndex>(this.storage, dayKey(channelId, doc.day), (index) =>
        index?.conversations.some((c) => c.id === conversationId) ? { conversations: index.conversations.filter((c) => c.id !== conversationId) } : undefined,
      );
    }
    await this.storage.delete([key, tailKey(channelId, conversationId)]);
  }
}

/** How many of `entries` already end `kept` (the longest such run). */
function overlap(kept: StoredActivity[], entries: StoredActivity[]): number {
  const same = (a: StoredActivity, b: StoredActivity) => JSON.stringify(a) === JSON.stringify(b);
  for (let n = Math.min(kept.length, entries.length); n > 0; n--) {
    const end = kept.slice(kept.length - n);
    if (end.every((a, i) => same(a, entries[i]!))) return n;
  }
  return 0;
}
