import { randomBytes } from 'node:crypto';
import { updateItem } from '../../storage/update';
import type { AssistantStorage, StoreItem } from '../../storage/types';
import {
  appendEntries,
  escalationSchema,
  isOpen,
  queueOrder,
  type EscalationDraft,
  type EscalationRecord,
} from './model';

/**
 * Escalations in the configured store (`STORAGE`), never in process memory: a restart loses none,
 * and every instance sees the same queue.
 *
 * Keys:
 * - `handoff/escalations/<id>`: one escalation (model.ts), changed only by eTag-checked
 *   read-modify-write (`updateItem`), so two agents claiming at once cannot both win, on one
 *   instance or many;
 * - `handoff/open`: the index of open escalations (ids and creation times), itself eTag-checked;
 *   an id in the index whose escalation is missing or closed is ignored (and removed);
 * - `handoff/conversations/<channel>/<conversation id>`: the escalation a conversation has, so that
 *   a turn re-run after a state conflict finds the one it made instead of making a second, and
 *   every escalation it ever had (`history`), so that "forget me" deletes them all;
 * - `handoff/created/<YYYY-MM-DD>` and `handoff/days`: the escalations made each day, so that those
 *   past their retention period are deleted (`sweep`) without listing the store.
 */

const ESCALATION_PREFIX = 'handoff/escalations/';
const INDEX_KEY = 'handoff/open';
const CONVERSATION_PREFIX = 'handoff/conversations/';
const STATS_KEY = 'handoff/stats';
const DAY_PREFIX = 'handoff/created/';
const DAYS_KEY = 'handoff/days';
/** Escalations remembered per conversation for "forget me" (the oldest beyond this are dropped from the list, not the store: retention deletes them). */
const MAX_HISTORY = 50;
/** More open escalations than this: the member is given the other ways to reach us instead. */
export const MAX_OPEN = 500;
const RECENT_SAMPLES = 20;

interface IndexItem extends StoreItem {
  entries: Array<{ id: string; createdAt: string }>;
}

interface PointerItem extends StoreItem {
  escalationId: string;
  /** Every escalation of the conversation, oldest first (absent in records written before it). */
  history?: string[];
}

interface DayItem extends StoreItem {
  ids: string[];
}

interface DaysItem extends StoreItem {
  days: string[];
}

interface StatsItem extends StoreItem {
  /** Minutes from claim to close of the last escalations (for the wait estimate). */
  handleMinutes: number[];
}

export type Stored = EscalationRecord & { eTag?: string };

export function newEscalationId(): string {
  return `esc_${randomBytes(12).toString('base64url')}`;
}

/** A random token naming one writer's attempt at a transition (see `writer` in model.ts). */
export function writerToken(): string {
  return randomBytes(9).toString('base64url');
}

export class EscalationStore {
  constructor(
    private readonly storage: AssistantStorage,
    private readonly now: () => number = Date.now,
  ) {}

  private iso(): string {
    return new Date(this.now()).toISOString();
  }

  private static key(id: string): string {
    return ESCALATION_PREFIX + id;
  }

  private static pointerKey(channelId: string, conversationId: string): string {
    return `${CONVERSATION_PREFIX}${channelId}/${conversationId}`;
  }

  /** The stored escalation, or undefined (unknown id, or a record that does not validate). */
  async get(id: string): Promise<EscalationRecord | undefined> {
    const item = (await this.storage.read([EscalationStore.key(id)]))[EscalationStore.key(id)];
    return parse(item);
  }

  /** The open escalation of a conversation, if it has one. */
  async openFor(channelId: string, conversationId: string): Promise<EscalationRecord | undefined> {
    const key = EscalationStore.pointerKey(channelId, conversationId);
    const pointer = (await this.storage.read([key]))[key] as PointerItem | undefined;
    if (!pointer?.escalationId) return undefined;
    const record = await this.get(pointer.escalationId);
    return record && isOpen(record.status) ? record : undefined;
  }

  /**
   * Queues a new escalation for the conversation, or answers the open one it already has (a turn
   * that runs again must not queue the member twice). `created` is false in that case; `full` when
   * the queue is at MAX_OPEN (nothing is created).
   */
  async create(draft: EscalationDraft): Promise<{ record?: EscalationRecord; created: boolean; full?: boolean }> {
    const existing = await this.openFor(draft.channelId, draft.conversationId);
    if (existing) return { record: existing, created: false };

    const id = newEscalationId();
    const at = this.iso();
    let full = false;
    await updateItem<IndexItem>(this.storage, INDEX_KEY, (index) => {
      const entries = index?.entries ?? [];
      full = entries.length >= MAX_OPEN;
      if (full) return undefined;
      return { entries: [...entries, { id, createdAt: at }] };
    });
    if (full) return { created: false, full: true };

    const record: EscalationRecord = {
      id,
      conversationId: draft.conversationId,
      channelId: draft.channelId,
      reference: draft.reference,
      member: draft.member,
      locale: draft.locale,
      intent: draft.intent,
      reason: draft.reason,
      summary: draft.summary.slice(0, 1000),
      status: 'queued',
      createdAt: at,
      updatedAt: at,
      transcript: [],
      nextSeq: 1,
      dropped: 0,
      alerts: 0,
    };
    appendEntries(record, draft.transcript);
    // Listed for retention before it exists: a crash in between leaves an id the sweep skips, never
    // a record nothing would ever delete.
    const day = at.slice(0, 10);
    await updateItem<DaysItem>(this.storage, DAYS_KEY, (item) => (item?.days.includes(day) ? undefined : { days: [...(item?.days ?? []), day].sort() }));
    await updateItem<DayItem>(this.storage, DAY_PREFIX + day, (item) => ({ ids: [...(item?.ids ?? []), id] }));
    await this.storage.put(EscalationStore.key(id), record, null);
    await updateItem<PointerItem>(this.storage, EscalationStore.pointerKey(draft.channelId, draft.conversationId), (pointer) => ({
      escalationId: id,
      history: [...historyOf(pointer), id].slice(-MAX_HISTORY),
    }));
    return { record, created: true };
  }

  /**
   * "Forget me": deletes every escalation the conversation had (open ones leave the queue) and the
   * conversation's pointer. Resolves with how many were deleted.
   */
  async forgetConversation(channelId: string, conversationId: string): Promise<number> {
    const key = EscalationStore.pointerKey(channelId, conversationId);
    const pointer = (await this.storage.read([key]))[key] as PointerItem | undefined;
    const ids = historyOf(pointer);
    for (const id of ids) {
      await this.storage.delete([EscalationStore.key(id)]);
      await this.leaveIndex(id);
    }
    if (pointer) await this.storage.delete([key]);
    return ids.length;
  }

  /**
   * Retention: deletes the closed escalations created on a day before `cutoffMs` (open ones stay
   * until they are closed, then go at the next sweep). Resolves with how many were deleted.
   */
  async sweep(cutoffMs: number): Promise<number> {
    const cutoffDay = new Date(cutoffMs).toISOString().slice(0, 10);
    const days = ((await this.storage.read([DAYS_KEY]))[DAYS_KEY] as DaysItem | undefined)?.days ?? [];
    let deleted = 0;
    for (const day of days.filter((d) => d < cutoffDay)) {
      const dayKey = DAY_PREFIX + day;
      const ids = ((await this.storage.read([dayKey]))[dayKey] as DayItem | undefined)?.ids ?? [];
      const kept: string[] = [];
      for (const id of ids) {
        const record = await this.get(id);
        if (record && isOpen(record.status)) {
          kept.push(id);
          continue;
        }
        if (record) {
          await this.storage.delete([EscalationStore.key(id)]);
          await this.dropFromPointer(record.channelId, record.conversationId, id);
          deleted++;
        }
      }
      if (kept.length) {
        await updateItem<DayItem>(this.storage, dayKey, () => ({ ids: kept }));
      } else {
        await this.storage.delete([dayKey]);
        await updateItem<DaysItem>(this.storage, DAYS_KEY, (item) => (item?.days.includes(day) ? { days: item.days.filter((d) => d !== day) } : undefined));
      }
    }
    return deleted;
  }

  private async dropFromPointer(channelId: string, conversationId: string, id: string): Promise<void> {
    const key = EscalationStore.pointerKey(channelId, conversationId);
    const pointer = (await this.storage.read([key]))[key] as PointerItem | undefined;
    if (!pointer) return;
    const history = historyOf(pointer).filter((h) => h !== id);
    if (!history.length) await this.storage.delete([key]);
    else await updateItem<PointerItem>(this.storage, key, () => ({ escalationId: history[history.length - 1]!, history }));
  }

  /**
   * eTag-checked read-modify-write of one escalation. `change` gets a copy and returns the new
   * record, or undefined to leave it as it is; it may run several times (on conflicts), so it must
   * be pure. Resolves with the stored record (changed or not), or undefined for an unknown id.
   * A record that becomes closed leaves the open index.
   */
  async update(id: string, change: (record: EscalationRecord) => EscalationRecord | undefined): Promise<EscalationRecord | undefined> {
    let missing = false;
    const stored = await updateItem<Stored>(this.storage, EscalationStore.key(id), (item) => {
      const record = parse(item);
      missing = !record;
      if (!record) return undefined;
      const next = change(record);
      if (!next) return undefined;
      return { ...next, updatedAt: this.iso() };
    });
    if (missing) return undefined;
    const record = parse(stored);
    if (record && !isOpen(record.status)) await this.leaveIndex(record.id);
    return record;
  }

  private async leaveIndex(id: string): Promise<void> {
    await updateItem<IndexItem>(this.storage, INDEX_KEY, (index) =>
      index?.entries.some((e) => e.id === id) ? { entries: index.entries.filter((e) => e.id !== id) } : undefined,
    );
  }

  /** Every open escalation in queue order (urgent first, then oldest first). Index entries whose record is gone or closed are cleaned up. */
  async listOpen(): Promise<EscalationRecord[]> {
    const index = (await this.storage.read([INDEX_KEY]))[INDEX_KEY] as IndexItem | undefined;
    const entries = index?.entries ?? [];
    if (!entries.length) return [];
    const keys = entries.map((e) => EscalationStore.key(e.id));
    const items = await this.storage.read(keys);
    const open: EscalationRecord[] = [];
    const stale: string[] = [];
    for (const entry of entries) {
      const record = parse(items[EscalationStore.key(entry.id)]);
      if (record && isOpen(record.status)) open.push(record);
      // A fresh entry without its record may be one being created right now: leave it.
      else if (record || this.now() - Date.parse(entry.createdAt) > 60_000) stale.push(entry.id);
    }
    for (const id of stale) await this.leaveIndex(id);
    return open.sort(queueOrder);
  }

  /** The escalations created from day `fromDay` to `toDay` (YYYY-MM-DD, both included), for the history search. */
  async createdBetween(fromDay: string, toDay: string, max = 2000): Promise<EscalationRecord[]> {
    const days = (((await this.storage.read([DAYS_KEY]))[DAYS_KEY] as DaysItem | undefined)?.days ?? []).filter((d) => d >= fromDay && d <= toDay);
    const ids: string[] = [];
    for (const day of days.reverse()) {
      const dayKey = DAY_PREFIX + day;
      ids.push(...(((await this.storage.read([dayKey]))[dayKey] as DayItem | undefined)?.ids ?? []).slice().reverse());
      if (ids.length >= max) break;
    }
    const keys = ids.slice(0, max).map((id) => EscalationStore.key(id));
    const items = keys.length ? await this.storage.read(keys) : {};
    return keys.map((key) => parse(items[key])).filter((r): r is EscalationRecord => Boolean(r));
  }

  /** The index's version: changes whenever an escalation opens or closes (other instances poll it). */
  async indexVersion(): Promise<string> {
    const index = (await this.storage.read([INDEX_KEY]))[INDEX_KEY] as IndexItem | undefined;
    return String(index?.eTag ?? 'none');
  }

  /** Minutes agents took per escalation lately (claim to close), for the wait estimate. */
  async recentHandleMinutes(): Promise<number[]> {
    const stats = (await this.storage.read([STATS_KEY]))[STATS_KEY] as StatsItem | undefined;
    return Array.isArray(stats?.handleMinutes) ? stats.handleMinutes.filter((n) => typeof n === 'number') : [];
  }

  async recordHandleMinutes(minutes: number): Promise<void> {
    await updateItem<StatsItem>(this.storage, STATS_KEY, (stats) => ({
      handleMinutes: [...(stats?.handleMinutes ?? []), minutes].slice(-RECENT_SAMPLES),
    }));
  }
}

/** The escalations a conversation pointer names, oldest first. */
function historyOf(pointer: PointerItem | undefined): string[] {
  if (!pointer) return [];
  const history = Array.isArray(pointer.history) ? pointer.history.filter((h): h is string => typeof h === 'string') : [];
  if (typeof pointer.escalationId === 'string' && !history.includes(pointer.escalationId)) history.push(pointer.escalationId);
  return history;
}

function parse(item: unknown): EscalationRecord | undefined {
  if (!item || typeof item !== 'object') return undefined;
  const { eTag: _eTag, ...content } = item as Record<string, unknown>;
  const parsed = escalationSchema.safeParse(content);
  return parsed.success ? parsed.data : undefined;
}
