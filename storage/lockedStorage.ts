import { MemoryStorage, type Storage, type StoreItem, type StoreItems } from 'botbuilder';
import { KeyedMutex } from './keyedMutex';
import { contentOf, StorageConflictError, type AssistantStorage, type Expected, writeThroughPut } from './types';

/**
 * Any botbuilder `Storage` made into an AssistantStorage for ONE process: a per-key lock makes the
 * check-then-write of `put` atomic here, which is all botbuilder's MemoryStorage (tests) needs. It
 * also aligns MemoryStorage with BlobsStorage and the file store on one point: a write with a
 * specific eTag to a key that holds nothing fails (MemoryStorage alone would write it).
 *
 * Not for stores shared by several instances: their `put` must be conditional in the store itself.
 */
export class LockedStorage implements AssistantStorage {
  private readonly locks = new KeyedMutex();

  constructor(
    readonly inner: Storage = new MemoryStorage(),
    readonly kind: 'memory' | 'custom' = inner instanceof MemoryStorage ? 'memory' : 'custom',
  ) {}

  async ready(): Promise<void> {}
  async close(): Promise<void> {}

  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }

  write(changes: StoreItems): Promise<void> {
    return writeThroughPut(changes, (key, item, expected) => this.put(key, item, expected));
  }

  delete(keys: string[]): Promise<void> {
    return Promise.all(keys.map((key) => this.locks.run(key, () => this.inner.delete([key])))).then(() => undefined);
  }

  put(key: string, item: StoreItem, expected: Expected): Promise<string> {
    if (typeof key !== 'string' || key.length === 0) return Promise.reject(new Error('Please provide a non-empty key'));
    return this.locks.run(key, async () => {
      if (expected !== '*') {
        const current = (await this.inner.read([key]))[key] as StoreItem | undefined;
        const matches = expected === null ? current === undefined : current?.eTag === expected;
        if (!matches) throw new StorageConflictError(key);
      }
      await this.inner.write({ [key]: { ...contentOf(item), eTag: '*' } });
      const written = (await this.inner.read([key]))[key] as StoreItem | undefined;
      return written?.eTag ?? '*';
    });
  }
}

/** Wraps a plain botbuilder Storage (e.g. a test's MemoryStorage); an AssistantStorage passes through. */
export function asAssistantStorage(storage: Storage | AssistantStorage): AssistantStorage {
  const s = storage as Partial<AssistantStorage>;
  if (typeof s.put === 'function' && typeof s.ready === 'function' && typeof s.close === 'function') {
    return storage as AssistantStorage;
  }
  return new LockedStorage(storage);
}
