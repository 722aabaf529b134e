import type { StoreItem } from 'botbuilder';
import type { AssistantStorage } from '../../storage/types';
import { updateItem } from '../../storage/update';

/**
 * The index of transcripts, for listing and reports: `transcripts-index/<channel>/<YYYY-MM-DD>`
 * (the conversations started that day) and `transcripts-index/channels` (the channels with
 * transcripts, for reports over all of them).
 *
 * A day index is one key shared by every conversation of the day, so additions are written in
 * batches a few seconds later (`flush()` writes them at once: graceful stop, listing).
 */

/** Conversations listed per channel and day (listing is for reports; beyond this, use the store's own listing). */
const MAX_PER_DAY = 20_000;

export interface DayEntry {
  id: string;
  created: string;
}

interface DayIndexItem extends StoreItem {
  conversations: DayEntry[];
}

interface ChannelIndex extends StoreItem {
  channels: string[];
}

const dayKey = (channelId: string, day: string) => `transcripts-index/${channelId}/${day}`;
/** The channels with transcripts (one segment fewer than a day index, so never one of them). */
const CHANNELS_KEY = 'transcripts-index/channels';

export class TranscriptDayIndex {
  /** Conversations to add to the day indexes, written together every few seconds (one shared key per day). */
  private readonly pending = new Map<string, Map<string, string>>();
  /** Channels this instance has written to the channel index (or found there). */
  private readonly indexedChannels = new Set<string>();
  private readonly pendingChannels = new Set<string>();
  private timer?: NodeJS.Timeout;
  private writing?: Promise<void>;

  constructor(
    private readonly storage: AssistantStorage,
    private readonly now: () => number = Date.now,
    private readonly onError: (err: unknown) => void = () => undefined,
    /** How long additions may wait to be written together. */
    private readonly delayMs = 3000,
  ) {}

  /** A conversation started on `day` (written with the next batch). */
  add(channelId: string, day: string, conversationId: string): void {
    const key = dayKey(channelId, day);
    let ids = this.pending.get(key);
    if (!ids) this.pending.set(key, (ids = new Map()));
    ids.set(conversationId, new Date(this.now()).toISOString());
    if (!this.indexedChannels.has(channelId)) this.pendingChannels.add(channelId);
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.write().catch((err) => this.onError(err));
      }, this.delayMs);
      this.timer.unref();
    }
  }

  /** Writes what this instance has collected now (graceful stop, listing). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.write();
  }

  /** Writes the day indexes this instance has collected. */
  private async write(): Promise<void> {
    if (this.writing) await this.writing.catch(() => undefined);
    const batches = [...this.pending];
    this.pending.clear();
    const channels = [...this.pendingChannels];
    this.pendingChannels.clear();
    this.writing = (async () => {
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
        await updateItem<DayIndexItem>(this.storage, key, (index) => {
          const known = new Set((index?.conversations ?? []).map((c) => c.id));
          const added = [...ids].filter(([id]) => !known.has(id)).map(([id, created]) => ({ id, created }));
          const room = MAX_PER_DAY - known.size;
          if (!added.length || room <= 0) return undefined;
          return { conversations: [...(index?.conversations ?? []), ...added.slice(0, room)] };
        });
      }
    })();
    try {
      await this.writing;
    } finally {
      this.writing = undefined;
    }
  }

  /** The conversations indexed as started on `day` (YYYY-MM-DD, UTC) on a channel, as stored (call `flush()` first). */
  async conversationsOn(channelId: string, day: string): Promise<DayEntry[]> {
    const index = (await this.storage.read([dayKey(channelId, day)]))[dayKey(channelId, day)] as DayIndexItem | undefined;
    return index?.conversations ?? [];
  }

  /** The channels with transcripts, as far as the channel index knows (call `flush()` first). */
  async channels(): Promise<string[]> {
    const index = (await this.storage.read([CHANNELS_KEY]))[CHANNELS_KEY] as ChannelIndex | undefined;
    return [...(index?.channels ?? [])];
  }

  /** Takes a conversation out of its day's index ("forget me"). */
  async remove(channelId: string, day: string, conversationId: string): Promise<void> {
    await updateItem<DayIndexItem>(this.storage, dayKey(channelId, day), (index) =>
      index?.conversations.some((c) => c.id === conversationId) ? { conversations: index.conversations.filter((c) => c.id !== conversationId) } : undefined,
    );
  }
}
