import type { StoreItem } from 'botbuilder';
import { jitter } from '../common/jitter';
import { contentOf, isStorageConflict, StorageConflictError, type AssistantStorage } from './types';

export interface UpdateOptions {
  /** Read-modify-write rounds before giving up with a StorageConflictError. Default 30. */
  attempts?: number;
  /** Pause before round `n` (n >= 1). Default: a few random milliseconds, growing. */
  backoff?: (round: number) => Promise<void>;
}

/**
 * Read-modify-write of one item without losing a concurrent update, on any store and any number
 * of instances: read (with its eTag), let `change` compute the new value from a copy, write with
 * that eTag (create-only if nothing was there), and on a conflict start again from a fresh read.
 *
 * `change` may run more than once, so it must be a pure function of what it is given (no sends,
 * no counters outside). Returning `undefined` leaves the item as it is. Resolves with the stored
 * item (with its new eTag), or the unchanged one.
 *
 * For the escalation queue (hand-off), Direct Line sessions and anything else kept in the
 * configured store outside a turn.
 */
export async function updateItem<T extends StoreItem>(
  storage: AssistantStorage,
  key: string,
  change: (current: T | undefined) => T | undefined | Promise<T | undefined>,
  options: UpdateOptions = {},
): Promise<(T & { eTag: string }) | undefined> {
  const attempts = options.attempts ?? 30;
  const backoff = options.backoff ?? ((round: number) => jitter(round, { stepMs: 5, maxMs: 50 }));
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await backoff(attempt);
    const current = (await storage.read([key]))[key] as T | undefined;
    const eTag = typeof current?.eTag === 'string' ? current.eTag : null;
    const next = await change(current === undefined ? undefined : (JSON.parse(JSON.stringify(current)) as T));
    if (next === undefined) return current as (T & { eTag: string }) | undefined;
    try {
      const written = await storage.put(key, next, eTag);
      return { ...contentOf(next), eTag: written } as T & { eTag: string };
    } catch (err) {
      if (!isStorageConflict(err)) throw err;
    }
  }
  throw new StorageConflictError(key);
}
