import { randomBytes, randomUUID } from 'node:crypto';
import { makeDir } from '../common/makeDir';
import path from 'node:path';
import type { StoreItem, StoreItems } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../common/logger';
import { fileNameFor, fileNameMayHoldFirstSegment, isStateName, isTempName, keyKind, tempNameFor, CORRUPT_SUFFIX } from './fileNames';
import { DIR_MODE, errnoOf, realFileOps, type FileOps } from './fileOps';
import { startSweepTimer, type ExpiryOptions } from './expiry';
import { EXPIRING_PREFIX, expiresAtOf } from './expiring';
import { KeyedMutex } from './keyedMutex';
import { RecordCache } from './recordCache';
import {
  contentOf,
  StorageConflictError,
  StorageStartupError,
  type AssistantStorage,
  type Expected,
  writeThroughPut,
} from './types';

export interface FileStorageOptions {
  /** The folder that holds one file per key (created if missing, owner-only). */
  dir: string;
  logger: Logger;
  ops?: FileOps;
  /** Milliseconds since the epoch; tests move it to expire files without waiting. */
  clock?: () => number;
  expiry?: ExpiryOptions;
  /** Memory for the write-through record cache, in bytes (0: none). Default 8 MiB. */
  cacheBytes?: number;
}

/** How a file looks on disk. `key` is kept so a sweep knows what a hashed file name stands for. */
const recordSchema = z.object({
  format: z.literal(1),
  key: z.string(),
  eTag: z.string().min(1),
  item: z.record(z.string(), z.unknown()),
});
type StoredRecord = z.infer<typeof recordSchema>;

/** Leftover temporary files (a crash between write and rename) older than this are removed. */
const TEMP_GRACE_MS = 10 * 60_000;
/** The first key segment of records that carry their own expiry ("expiring"). */
const EXPIRING_SEGMENT = EXPIRING_PREFIX.slice(0, -1);

/**
 * The embedded default store: one JSON file per key under DATA_DIR, for a single instance.
 *
 * - Atomic: a write goes to a temporary file in the same folder, is flushed to disk, then renamed
 *   over the old file (and the folder is synced), so a crash at any point leaves either the old or
 *   the new version, never half of one.
 * - eTags are random per write (a content hash would come back after A→B→A and let a stale writer
 *   in). Semantics match BlobsStorage: `*` or no eTag writes unconditionally; a specific eTag must
 *   match the stored one, and fails when nothing is stored (the item was deleted meanwhile).
 * - A per-key lock makes read-check-write atomic within the process; a create-only write uses a
 *   hard link, which fails if the file exists, so it is atomic even across processes.
 * - An unreadable file is moved aside as `<name>.<time>.corrupt` (never deleted: nothing is lost
 *   silently), logged with its file name only, and treated as absent: the conversation starts fresh.
 * - The expiry sweep removes idle conversation files (`expiry`) and, always, records that carry
 *   their own expiry (storage/expiring.ts) once it has passed.
 */
export class FileStorage implements AssistantStorage {
  readonly kind = 'file' as const;
  private readonly ops: FileOps;
  private readonly clock: () => number;
  private readonly locks = new KeyedMutex();
  private readonly cache: RecordCache | null;
  private readonly dirSync: GroupSync;
  private dirReady?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(private readonly options: FileStorageOptions) {
    this.ops = options.ops ?? realFileOps;
    this.clock = options.clock ?? Date.now;
    const cacheBytes = options.cacheBytes ?? 8 * 1024 * 1024;
    this.cache = cacheBytes > 0 ? new RecordCache(cacheBytes) : null;
    this.dirSync = new GroupSync(() => this.ops.syncDir(this.dir));
  }

  get dir(): string {
    return this.options.dir;
  }

  /** Creates the folder, proves it can be written, and starts the expiry sweeps. */
  async ready(): Promise<void> {
    try {
      await this.ensureDir();
      const probe = path.join(this.dir, tempNameFor('write-check', randomBytes(6).toString('hex')));
      await this.ops.writeNewFile(probe, '{}');
      await this.ops.unlink(probe);
    } catch (err) {
      this.dirReady = undefined;
      throw new StorageStartupError(
        `DATA_DIR is not writable: cannot write state files in ${this.dir} (${errnoOf(err) ?? (err as Error).message}). ` +
          'Set DATA_DIR to a folder the assistant may write to, or choose another STORAGE.',
      );
    }
    this.startSweeps();
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.sweeping;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    const found: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const cached = this.cache?.get(key);
        if (cached) found[key] = { ...(JSON.parse(cached.json) as object), eTag: cached.eTag };
        if (cached !== undefined) return;
        const record = await this.readRecord(key, false);
        if (record) found[key] = { ...record.item, eTag: record.eTag };
      }),
    );
    return found;
  }

  write(changes: StoreItems): Promise<void> {
    return writeThroughPut(changes, (key, item, expected) => this.put(key, item, expected));
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when deleting.');
    await Promise.all(
      keys.map((key) =>
        this.locks.run(key, async () => {
          await this.ops.unlink(this.fileFor(key)).catch(ignore('ENOENT'));
          this.cache?.set(key, null);
        }),
      ),
    );
  }

  put(key: string, item: StoreItem, expected: Expected): Promise<string> {
    const file = this.fileFor(key);
    return this.locks.run(key, async () => {
      if (expected !== '*') {
        const cached = this.cache?.get(key);
        const currentETag = cached !== undefined ? cached?.eTag : (await this.readRecord(key, true))?.eTag;
        const matches = expected === null ? currentETag === undefined : currentETag === expected;
        if (!matches) throw new StorageConflictError(key);
      }
      const json = JSON.stringify(contentOf(item));
      try {
        const eTag = await this.persist(key, file, json, expected === null);
        this.cache?.set(key, { eTag, json });
        return eTag;
      } catch (err) {
        // The file may or may not have been replaced: the next read goes to the file.
        this.cache?.forget(key);
        throw err;
      }
    });
  }

  /**
   * Removes conversation files idle for longer than the limit, and records past their own expiry.
   * Returns how many it removed.
   */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private fileFor(key: string): string {
    return path.join(this.dir, fileNameFor(key));
  }

  private ensureDir(): Promise<void> {
    this.dirReady ??= makeDir(this.dir, DIR_MODE);
    return this.dirReady;
  }

  /** Writes `itemJson` (the item, already JSON) as the key's new version; returns its eTag. */
  private async persist(key: string, file: string, itemJson: string, createOnly: boolean): Promise<string> {
    await this.ensureDir();
    const eTag = randomUUID();
    // The same text JSON.stringify({ format: 1, key, eTag, item }) makes, without encoding the item twice.
    const data = `{"format":1,"key":${JSON.stringify(key)},"eTag":"${eTag}","item":${itemJson}}`;
    const temp = path.join(this.dir, tempNameFor(path.basename(file), randomBytes(6).toString('hex')));
    try {
      await this.ops.writeNewFile(temp, data);
      if (createOnly) await this.linkNew(key, temp, file);
      else await this.ops.rename(temp, file);
    } catch (err) {
      await this.ops.unlink(temp).catch(() => undefined);
      throw err;
    }
    await this.dirSync.sync();
    return eTag;
  }

  /** Create-only: a hard link fails if the file exists, even if another process just made it. */
  private async linkNew(key: string, temp: string, file: string): Promise<void> {
    try {
      await this.ops.link(temp, file);
    } catch (err) {
      if (errnoOf(err) === 'EEXIST') throw new StorageConflictError(key);
      // File systems without hard links: the per-key lock already checked that nothing is there.
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS'].includes(errnoOf(err) ?? '')) throw err;
      await this.ops.rename(temp, file);
      return;
    }
    await this.ops.unlink(temp);
  }

  private async readRecord(key: string, locked: boolean): Promise<StoredRecord | undefined> {
    const file = this.fileFor(key);
    const version = this.cache?.version(key) ?? '';
    const raw = await this.readRaw(file);
    if (raw === undefined) {
      this.cache?.fill(key, version, null);
      return undefined;
    }
    const parsed = parseRecord(raw, key);
    if (parsed.record) {
      this.cache?.fill(key, version, { eTag: parsed.record.eTag, json: JSON.stringify(parsed.record.item) });
      return parsed.record;
    }
    if (locked) return this.quarantine(key, file, parsed.reason);
    return this.locks.run(key, async () => {
      // A writer may have replaced the file since: look again before moving anything aside.
      const again = await this.readRaw(file);
      if (again === undefined) return undefined;
      const reparsed = parseRecord(again, key);
      return reparsed.record ?? this.quarantine(key, file, reparsed.reason);
    });
  }

  private async readRaw(file: string): Promise<string | undefined> {
    try {
      return await this.ops.readFile(file);
    } catch (err) {
      if (errnoOf(err) === 'ENOENT') return undefined;
      throw err;
    }
  }

  /** Moves an unreadable file aside (kept for inspection) and treats the key as absent. */
  private async quarantine(key: string, file: string, reason: string): Promise<undefined> {
    this.cache?.forget(key);
    const aside = `${file}.${this.clock()}${CORRUPT_SUFFIX}`;
    try {
      await this.ops.rename(file, aside);
    } catch (err) {
      if (errnoOf(err) === 'ENOENT') return undefined;
      this.options.logger.error(
        { file: path.basename(file), err: { name: (err as Error).name, code: errnoOf(err) } },
        'stored state file is unreadable and could not be moved aside',
      );
      throw err;
    }
    this.options.logger.warn(
      { file: path.basename(file), movedTo: path.basename(aside), reason, keyKind: keyKind(key) },
      'stored state file was unreadable: moved aside, starting from fresh state',
    );
    return undefined;
  }

  private startSweeps(): void {
    const expiry = this.options.expiry;
    if (expiry && !this.timer) this.timer = startSweepTimer(expiry, () => this.sweep(), this.options.logger, 'state');
  }

  private async sweepOnce(): Promise<number> {
    const expiry = this.options.expiry;
    const now = this.clock();
    let names: string[];
    try {
      names = await this.ops.readdir(this.dir);
    } catch (err) {
      if (errnoOf(err) === 'ENOENT') return 0;
      throw err;
    }
    let removed = 0;
    let expired = 0;
    for (const name of names) {
      const file = path.join(this.dir, name);
      if (isTempName(name)) {
        if (!expiry) continue;
        const stats = await this.ops.stat(file).catch(() => undefined);
        if (stats && now - stats.mtimeMs > TEMP_GRACE_MS) await this.ops.unlink(file).catch(() => undefined);
        continue;
      }
      if (!isStateName(name)) continue;
      if (fileNameMayHoldFirstSegment(name, EXPIRING_SEGMENT) && (await this.removeIfExpired(file, now))) {
        expired++;
        continue;
      }
      if (!expiry || expiry.appliesToFileName?.(name) === false) continue;
      const stats = await this.ops.stat(file).catch(() => undefined);
      if (!stats || now - stats.mtimeMs <= expiry.idleMs) continue;
      const raw = await this.readRaw(file).catch(() => undefined);
      const record = raw === undefined ? undefined : parseRecord(raw).record;
      if (!record || !expiry.appliesTo(record.key)) continue;
      const gone = await this.locks.run(record.key, async () => {
        // Written again since the listing? Then it is not idle any more.
        const fresh = await this.ops.stat(file).catch(() => undefined);
        if (!fresh || now - fresh.mtimeMs <= expiry.idleMs) return false;
        await this.ops.unlink(file).catch(ignore('ENOENT'));
        this.cache?.set(record.key, null);
        return true;
      });
      if (gone) removed++;
    }
    if (removed > 0 && expiry) this.options.logger.info({ removed, idleMinutes: Math.round(expiry.idleMs / 60_000) }, 'idle conversations expired');
    if (expired > 0) this.options.logger.info({ removed: expired }, 'records past their own expiry removed');
    return removed + expired;
  }

  /** Removes a record that carries its own expiry (storage/expiring.ts) once that time has passed. */
  private async removeIfExpired(file: string, now: number): Promise<boolean> {
    const raw = await this.readRaw(file).catch(() => undefined);
    const record = raw === undefined ? undefined : parseRecord(raw).record;
    const at = record ? expiresAtOf(record.key, record.item) : undefined;
    if (!record || at === undefined || at > now) return false;
    return this.locks.run(record.key, async () => {
      // Replaced since it was read? Then the new record is looked at by a later sweep.
      const again = await this.readRaw(file).catch(() => undefined);
      if (again === undefined || parseRecord(again, record.key).record?.eTag !== record.eTag) return false;
      await this.ops.unlink(file).catch(ignore('ENOENT'));
      this.cache?.set(record.key, null);
      return true;
    });
  }
}

function parseRecord(raw: string, key?: string): { record?: StoredRecord; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { reason: 'not valid JSON' };
  }
  const parsed = recordSchema.safeParse(json);
  if (!parsed.success) return { reason: 'not a state record' };
  if (key !== undefined && parsed.data.key !== key) return { reason: 'written for another key' };
  return { record: parsed.data, reason: '' };
}

function ignore(code: string) {
  return (err: unknown) => {
    if (errnoOf(err) !== code) throw err;
  };
}

/**
 * Group commit for folder syncs: a rename is durable once a folder sync that started after it
 * has finished. Concurrent writers share one sync instead of each paying for their own: a caller
 * joins the sync in flight only if it has not started yet, else the next one.
 */
export class GroupSync {
  private running?: Promise<void>;
  private next?: Promise<void>;

  constructor(private readonly syncOnce: () => Promise<void>) {}

  sync(): Promise<void> {
    if (!this.running) {
      this.running = this.syncOnce().finally(() => (this.running = undefined));
      return this.running;
    }
    this.next ??= this.running.then(
      () => this.startNext(),
      () => this.startNext(),
    );
    return this.next;
  }

  private startNext(): Promise<void> {
    this.next = undefined;
    return this.sync();
  }
}
