import type { StoreItem } from 'botbuilder';
import { isStorageConflict, type AssistantStorage } from '../storage/types';

/**
 * The local Direct Line channel's conversations: for each conversation id, the member it belongs
 * to and its activities in order, numbered by a watermark. Kept in the configured store
 * (`STORAGE`: botbuilder's Storage plus an eTag-checked `put`), next to the bot's state; keys are
 * `directline-local/conversations/<id>`, so the file store's idle sweep applies to them too.
 *
 * Memory is bounded three ways: a conversation keeps at most `maxActivities` activities and
 * `maxBytes` of them (the oldest are dropped; a client reconnecting from an older watermark gets
 * what is left), conversations idle for `idleMs` are deleted, and at most `maxConversations` are
 * kept, at most `maxPerClient` of them started from one client address. To make room for a new
 * conversation only one nobody has written in yet (a started chat where the member has not sent a
 * message) is dropped, the least recently active first — never a conversation a member is using:
 * when every kept one is in use, the newcomer is refused (ChannelFullError) until some go idle. A
 * flood of token and start calls thus cannot end members' live chats. The channel serializes calls
 * per conversation; the eTag check guards against a second writer anyway.
 */

export type ActivityJson = Record<string, unknown>;

interface Entry {
  seq: number;
  size: number;
  activity: ActivityJson;
}

export interface ConversationRecord {
  conversationId: string;
  userId: string;
  createdAt: number;
  lastActiveAt: number;
  /** The number of the last activity: the conversation's watermark. */
  seq: number;
  lastTimestamp: number;
  bytes: number;
  activities: Entry[];
}

export interface ActivityPage {
  activities: ActivityJson[];
  watermark: string;
}

export interface StoreLimits {
  maxConversations: number;
  /** Conversations one client address may hold (every member behind one proxy shares it). */
  maxPerClient: number;
  idleMs: number;
  maxActivities: number;
  maxBytes: number;
}

export const DEFAULT_STORE_LIMITS: StoreLimits = {
  maxConversations: 1000,
  maxPerClient: 100,
  idleMs: 60 * 60_000,
  maxActivities: 500,
  maxBytes: 512 * 1024,
};

const KEY_PREFIX = 'directline-local/conversations/';
const SWEEP_EVERY_MS = 60_000;
const WRITE_ATTEMPTS = 3;

/** No room for a new conversation without ending one a member is using (or this client holds its share). */
export class ChannelFullError extends Error {
  constructor(readonly scope: 'client' | 'channel') {
    super(scope === 'client' ? 'too many conversations from this client' : 'no room for another conversation');
    this.name = 'ChannelFullError';
  }
}

/** What this instance knows of a conversation it started (not kept across restarts). */
interface Started {
  client: string;
  /** The member has sent a message: the conversation is in use and never dropped to make room. */
  engaged: boolean;
}

export class UnknownConversationError extends Error {
  constructor() {
    super('unknown conversation');
    this.name = 'UnknownConversationError';
  }
}

/** `<conversationId>|0000042`: ids sort in conversation order, as Azure's do. */
export function activityId(conversationId: string, seq: number): string {
  return `${conversationId}|${String(seq).padStart(7, '0')}`;
}

export class ConversationStore {
  /** Conversation id → last activity (ms), least recently active first. */
  private readonly active = new Map<string, number>();
  private readonly started = new Map<string, Started>();
  private readonly perClient = new Map<string, number>();
  private lastSweep = 0;

  constructor(
    private readonly storage: AssistantStorage,
    private readonly limits: StoreLimits = DEFAULT_STORE_LIMITS,
    private readonly now: () => number = Date.now,
    /** Told when a conversation is dropped for idleness or room (the channel closes its streams). */
    private readonly onDropped: (conversationId: string) => void = () => undefined,
  ) {}

  get size(): number {
    return this.active.size;
  }

  /**
   * Creates the conversation unless it exists. True when it was created. `client` is the address
   * that started it (its share is bounded). Throws ChannelFullError when there is no room.
   */
  async create(conversationId: string, userId: string, client = 'unknown'): Promise<boolean> {
    if (await this.get(conversationId)) return false;
    await this.makeRoom(client);
    const now = this.now();
    const record: ConversationRecord = {
      conversationId,
      userId,
      createdAt: now,
      lastActiveAt: now,
      seq: 0,
      lastTimestamp: 0,
      bytes: 0,
      activities: [],
    };
    try {
      // Create-only: a conversation started at the same moment elsewhere wins.
      await this.storage.put(KEY_PREFIX + conversationId, record as unknown as StoreItem, null);
    } catch (err) {
      if (isStorageConflict(err)) return false;
      throw err;
    }
    this.markActive(conversationId, now);
    this.started.set(conversationId, { client, engaged: false });
    this.perClient.set(client, (this.perClient.get(client) ?? 0) + 1);
    return true;
  }

  /** The conversation, or undefined when it does not exist or has expired (it is then deleted). */
  async get(conversationId: string): Promise<ConversationRecord | undefined> {
    return (await this.read(conversationId))?.record;
  }

  /**
   * Appends one activity: gives it its id (`<conversationId>|0000042`) and a server timestamp
   * that never goes backwards, and returns it with the new watermark.
   */
  async append(conversationId: string, activity: ActivityJson): Promise<{ activity: ActivityJson; watermark: string }> {
    const fromMember = activity.type === 'message' && (activity.from as { role?: unknown } | undefined)?.role === 'user';
    const started = this.started.get(conversationId);
    if (fromMember && started) started.engaged = true;
    return this.update(conversationId, (record) => {
      const now = this.now();
      const seq = record.seq + 1;
      const timestamp = Math.max(now, record.lastTimestamp + 1);
      const stored: ActivityJson = { ...activity, id: activityId(conversationId, seq), timestamp: new Date(timestamp).toISOString() };
      const size = Buffer.byteLength(JSON.stringify(stored));
      record.seq = seq;
      record.lastTimestamp = timestamp;
      record.lastActiveAt = now;
      record.activities.push({ seq, size, activity: stored });
      record.bytes += size;
      while (record.activities.length > 1 && (record.activities.length > this.limits.maxActivities || record.bytes > this.limits.maxBytes)) {
        record.bytes -= record.activities.shift()!.size;
      }
      return { activity: stored, watermark: String(seq) };
    });
  }

  /** Changes fields of a stored activity (the turn masked a password the member typed). */
  async patch(conversationId: string, id: string, fields: ActivityJson): Promise<void> {
    await this.update(conversationId, (record) => {
      const entry = record.activities.find((e) => e.activity.id === id);
      if (!entry) return;
      entry.activity = { ...entry.activity, ...fields };
      const size = Buffer.byteLength(JSON.stringify(entry.activity));
      record.bytes += size - entry.size;
      entry.size = size;
    });
  }

  /** The activities after `watermark` (all of them for 0) and the conversation's watermark. */
  async since(conversationId: string, watermark: number): Promise<ActivityPage | undefined> {
    const record = await this.get(conversationId);
    if (!record) return undefined;
    this.markActive(conversationId, this.now());
    return {
      activities: record.activities.filter((entry) => entry.seq > watermark).map((entry) => entry.activity),
      watermark: String(record.seq),
    };
  }

  /** Records that the member is still there (a token refresh), so the conversation is kept. */
  async touch(conversationId: string): Promise<void> {
    await this.update(conversationId, (record) => {
      record.lastActiveAt = this.now();
    });
  }

  /** Whether an activity with this id is in the conversation's (kept) history. */
  static has(record: ConversationRecord, id: string): boolean {
    return record.activities.some((entry) => entry.activity.id === id);
  }

  async delete(conversationId: string): Promise<void> {
    this.active.delete(conversationId);
    this.forgetStarted(conversationId);
    await this.storage.delete([KEY_PREFIX + conversationId]);
  }

  private async read(conversationId: string): Promise<{ record: ConversationRecord; eTag?: string } | undefined> {
    const key = KEY_PREFIX + conversationId;
    const item = (await this.storage.read([key]))[key] as (ConversationRecord & { eTag?: string }) | undefined;
    if (!item) {
      this.active.delete(conversationId);
      this.forgetStarted(conversationId);
      return undefined;
    }
    const { eTag, ...record } = item;
    const lastActive = Math.max(record.lastActiveAt, this.active.get(conversationId) ?? 0);
    if (this.now() - lastActive > this.limits.idleMs) {
      await this.drop(conversationId);
      return undefined;
    }
    if (!this.active.has(conversationId)) this.active.set(conversationId, lastActive);
    return { record, eTag };
  }

  private async update<T>(conversationId: string, change: (record: ConversationRecord) => T): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const found = await this.read(conversationId);
      if (!found) throw new UnknownConversationError();
      const result = change(found.record);
      try {
        await this.storage.put(KEY_PREFIX + conversationId, found.record as unknown as StoreItem, found.eTag ?? '*');
        this.markActive(conversationId, found.record.lastActiveAt);
        return result;
      } catch (err) {
        // Another writer got there first (eTag conflict): read again and redo the change.
        if (!isStorageConflict(err) || attempt >= WRITE_ATTEMPTS) throw err;
      }
    }
  }

  private markActive(conversationId: string, at: number): void {
    this.active.delete(conversationId);
    this.active.set(conversationId, at);
  }

  /** Deletes idle conversations (at most once a minute) and, when full, the least recently active. */
  private async drop(conversationId: string): Promise<void> {
    await this.delete(conversationId);
    this.onDropped(conversationId);
  }

  private forgetStarted(conversationId: string): void {
    const started = this.started.get(conversationId);
    if (!started) return;
    this.started.delete(conversationId);
    const left = (this.perClient.get(started.client) ?? 1) - 1;
    if (left > 0) this.perClient.set(started.client, left);
    else this.perClient.delete(started.client);
  }

  /**
   * The least recently active conversation that may be dropped for a newcomer (of `client` only,
   * when given): an idle one, or one started here where the member has not written yet. Those
   * this instance did not start (another instance's, or from before a restart) count as in use.
   */
  private evictable(client?: string): string | undefined {
    const now = this.now();
    for (const [conversationId, at] of this.active) {
      const started = this.started.get(conversationId);
      if (client !== undefined && started?.client !== client) continue;
      if (now - at > this.limits.idleMs || (started && !started.engaged)) return conversationId;
    }
    return undefined;
  }

  private async makeRoom(client: string): Promise<void> {
    const now = this.now();
    if (now - this.lastSweep >= SWEEP_EVERY_MS) {
      this.lastSweep = now;
      for (const [conversationId, at] of [...this.active]) {
        if (now - at <= this.limits.idleMs) break;
        await this.drop(conversationId);
      }
    }
    // Bounded: each round drops one conversation or throws.
    while ((this.perClient.get(client) ?? 0) >= this.limits.maxPerClient) {
      const own = this.evictable(client);
      if (!own) throw new ChannelFullError('client');
      await this.drop(own);
    }
    while (this.active.size >= this.limits.maxConversations) {
      const victim = this.evictable();
      if (!victim) throw new ChannelFullError('channel');
      await this.drop(victim);
    }
  }
}
