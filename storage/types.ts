import type { Storage, StoreItem, StoreItems } from 'botbuilder';

/** botbuilder's stored item (an object with an optional eTag), for stores built on AssistantStorage. */
export type { StoreItem };
import { StartupError } from '../common/errors';

/**
 * What the assistant needs from a store, on top of botbuilder's `Storage` (read / write / delete,
 * `StoreItem.eTag`; a write with a specific eTag fails when the stored eTag differs, `*` or no eTag
 * writes unconditionally).
 *
 * `Storage.write` cannot say "only if nothing is stored yet" and does not return the new eTag, and
 * both are needed to save state without losing a concurrent update: `put` adds them.
 */
export type StorageKind = 'file' | 'blob' | 'cosmos' | 'memory';

/**
 * The eTag a `put` expects: a stored eTag (replace exactly that version), `null` (create: only if
 * nothing is stored under the key) or `'*'` (unconditional).
 */
export type Expected = string | null;

export interface AssistantStorage extends Storage {
  readonly kind: StorageKind | 'custom';
  /**
   * Writes one item if the stored version is the `expected` one, and returns the new eTag.
   * Throws a `StorageConflictError` otherwise (nothing is written). The item's own `eTag` field
   * is ignored.
   */
  put(key: string, item: StoreItem, expected: Expected): Promise<string>;
  /** Start-up check: the store can be reached and written. Throws a StartupError if not. */
  ready(): Promise<void>;
  /** Stops background work (expiry sweeps). Idempotent. */
  close(): Promise<void>;
  /**
   * Removes superseded versions of items that an append-only store still holds on disk (the file
   * store's journal: compaction); absent where a write replaces the item. After "forget me".
   */
  purge?(): Promise<void>;
  /**
   * The keys that start with `prefix`, where the store can list them cheaply (the file store's
   * conversation journal, for journal keys); absent elsewhere.
   */
  keysWithPrefix?(prefix: string): Promise<string[]>;
}

/** An eTag mismatch: somebody else wrote (or deleted) the item since it was read. */
export class StorageConflictError extends Error {
  constructor(readonly key: string) {
    // The same words botbuilder's MemoryStorage and BlobsStorage use.
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'StorageConflictError';
  }
}

/**
 * True for an eTag conflict from any store: ours, botbuilder's MemoryStorage / BlobsStorage (they
 * throw a plain Error with "due to eTag conflict"), Azure (412 Precondition Failed, 409 when a
 * create-only write finds the blob) and Cosmos DB (`code` 412 / 409).
 */
export function isStorageConflict(err: unknown): boolean {
  if (err instanceof StorageConflictError) return true;
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { message?: unknown; statusCode?: unknown; code?: unknown };
  if (typeof e.message === 'string' && /due to eTag conflict/.test(e.message)) return true;
  return e.statusCode === 412 || e.statusCode === 409 || e.code === 412 || e.code === 409;
}

/** The item without its `eTag` field: what a store keeps as content. */
export function contentOf(item: StoreItem): Record<string, unknown> {
  const { eTag: _eTag, ...content } = item;
  return content;
}

/** The configured store cannot be used (folder not writable, account unreachable, bad settings). */
export class StorageStartupError extends StartupError {}

/**
 * botbuilder's `Storage.write` in terms of `put`: a specific eTag must match, `*` or none writes
 * unconditionally; every key is attempted and the first failure is thrown.
 */
export async function writeThroughPut(
  changes: StoreItems,
  put: (key: string, item: StoreItem, expected: Expected) => Promise<string>,
): Promise<void> {
  if (!changes || typeof changes !== 'object') throw new ReferenceError('Changes are required when writing.');
  const results = await Promise.allSettled(
    Object.entries(changes).map(([key, item]: [string, StoreItem]) => {
      const eTag = item?.eTag;
      return put(key, item ?? {}, typeof eTag === 'string' && eTag !== '' && eTag !== '*' ? eTag : '*');
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
