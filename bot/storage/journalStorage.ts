import { randomBytes } from 'node:crypto';
import { constants, promises as fsp } from 'node:fs';
import path from 'node:path';
import type { StoreItem, StoreItems } from 'botbuilder';
import type { Logger } from '../../common/logger';
import type { ExpiryOptions } from './fileStorage';
import { DIR_MODE, errnoOf, FILE_MODE, realFileOps } from './fileOps';
import { COMPACT_SUFFIX, JOURNAL_NAME, LOCK_NAME, readAt, releaseLock, scanLines, takeLock, writeAt } from './journalFile';
import { KeyedMutex } from './keyedMutex';
import { RecordCache } from './recordCache';
import { contentOf, StorageConflictError, StorageStartupError, type AssistantStorage, type Expected, writeThroughPut } from './types';

export interface JournalStorageOptions {
  /** The folder that holds the journal (created if missing, owner-only). */
  dir: string;
  logger: Logger;
  /** Milliseconds since the epoch; tests move it to expire conversations without waiting. */
  clock?: () => number;
  expiry?: ExpiryOptions;
  /** Memory for recently used items, in bytes (0: none). Default 1 MiB: a turn reads the state its conversation wrote a moment ago, and a miss is one read from the page cache. */
  cacheBytes?: number;
  /** The journal is compacted once it is this big and holds more than half dead records. Default 8 MiB. */
  compactAtBytes?: number;
  /** Writes one batch and makes it durable (tests make it fail part-way, like a full disk). */
  writeDurably?: (handle: fsp.FileHandle, data: Buffer, off: number) => Promise<void>;
}

/** Where the current version of a key is in the journal. */
interface Entry {
  off: number;
  len: number;
  eTag: string;
  /** When it was written (for idle expiry). */
  t: number;
}

/** The open journal file; a compaction swaps it, and the old one closes once no read uses it. */
interface Segment {
  handle: fsp.FileHandle;
  readers: number;
  retired: boolean;
}

interface Pending {
  data: string;
  bytes: number;
  /** Updates the index, synchronously as the batch completes (so a compaction never sees half a batch). */
  durable: (off: number, len: number) => void;
  resolve: () => void;
  reject: (err: unknown) => void;
}

const defaultWrite = async (handle: fsp.FileHandle, data: Buffer, off: number): Promise<void> => {
  await writeAt(handle, data, off);
  await handle.datasync();
};

/**
 * Conversation state for the embedded file store: one append-only journal instead of one file per
 * key, because conversation state is written on every turn and a file per write (create, write,
 * flush, rename, folder sync) costs about 0.6 ms of CPU in system calls, more than the rest of
 * the turn's storage work together.
 *
 * - Every put or delete appends one JSON line (`{"k":key,"e":eTag,"t":time,"v":item}` or
 *   `{"k":key,"d":true,"t":time}`). Writes waiting at the same time go out as one write followed
 *   by one fdatasync (group commit), and a put resolves only after its line is on disk: a turn's
 *   replies are never sent before its state is durable.
 * - The newest line of a key wins. Where each key's newest line is, and its eTag, is kept in
 *   memory (about 150 bytes a key), so eTag checks need no reads; recently used items are cached.
 * - A crash can only cut the last batch short: on start the torn end (never acknowledged) is cut
 *   off. A line that cannot be read in the middle (disk damage) is skipped, and the journal is
 *   first copied aside as `*.corrupt` (kept for inspection) and logged without content.
 * - When the journal holds more than half dead lines (and is past `compactAtBytes`), the live
 *   lines are copied to a new file while turns go on; writes pause only for the copy of what
 *   was written meanwhile, then the new file is flushed and renamed over the old one.
 * - eTags are random per write. One process owns the journal (a lock file with its process id).
 */
export class JournalStorage implements AssistantStorage {
  readonly kind = 'file' as const;
  private readonly clock: () => number;
  private readonly locks = new KeyedMutex();
  private readonly cache: RecordCache | null;
  private readonly compactAtBytes: number;
  private readonly writeDurably: (handle: fsp.FileHandle, data: Buffer, off: number) => Promise<void>;
  private readonly index = new Map<string, Entry>();
  private liveBytes = 0;
  private segment?: Segment;
  /** Bytes of the journal that are written and durable. */
  private end = 0;
  private queue: Pending[] = [];
  private flushing?: Promise<void>;
  private inFlight?: Promise<void>;
  /** Set while a compaction swaps files: no batch starts. */
  private gate?: Promise<void>;
  private compacting?: Promise<void>;
  private opening?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<number>;

  constructor(private readonly options: JournalStorageOptions) {
    this.clock = options.clock ?? Date.now;
    const cacheBytes = options.cacheBytes ?? 1024 * 1024;
    this.cache = cacheBytes > 0 ? new RecordCache(cacheBytes) : null;
    this.compactAtBytes = options.compactAtBytes ?? 8 * 1024 * 1024;
    this.writeDurably = options.writeDurably ?? defaultWrite;
  }

  get dir(): string {
    return this.options.dir;
  }

  get file(): string {
    return path.join(this.dir, JOURNAL_NAME);
  }

  /** Keys stored, and the journal's size in bytes (for tests and the storage bench). */
  stats(): { keys: number; liveBytes: number; journalBytes: number } {
    return { keys: this.index.size, liveBytes: this.liveBytes, journalBytes: this.end };
  }

  /** Opens (or creates) the journal and starts the expiry sweeps. */
  async ready(): Promise<void> {
    await this.open();
    this.startSweeps();
  }

  /** Stops sweeps, waits for writes and a running compaction, closes the journal. It reopens on next use. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.sweeping;
    if (!this.opening) return;
    await this.opening.catch(() => undefined);
    await this.flushing;
    await this.compacting;
    const segment = this.segment;
    this.opening = undefined;
    this.segment = undefined;
    this.index.clear();
    this.liveBytes = 0;
    this.end = 0;
    this.cache?.clear();
    if (segment) {
      await segment.handle.close().catch(() => undefined);
      await releaseLock(path.join(this.dir, LOCK_NAME));
    }
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    await this.open();
    const found: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const item = await this.readOne(key);
        if (item) found[key] = item;
      }),
    );
    return found;
  }

  write(changes: StoreItems): Promise<void> {
    return writeThroughPut(changes, (key, item, expected) => this.put(key, item, expected));
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when deleting.');
    await this.open();
    await Promise.all(keys.map((key) => this.locks.run(key, () => this.remove(key))));
  }

  async put(key: string, item: StoreItem, expected: Expected): Promise<string> {
    if (typeof key !== 'string' || key.length === 0) throw new Error('Please provide a non-empty key');
    await this.open();
    return this.locks.run(key, async () => {
      const current = this.index.get(key);
      if (expected !== '*' && (expected === null ? current !== undefined : current?.eTag !== expected)) {
        throw new StorageConflictError(key);
      }
      const json = JSON.stringify(contentOf(item));
      const eTag = newETag();
      const t = this.clock();
      await this.append(`${header(key, eTag, t)}${json}}\n`, (off, len) => {
        this.setEntry(key, { off, len, eTag, t });
        this.cache?.set(key, { eTag, json });
      });
      return eTag;
    });
  }

  /** Removes conversations idle for longer than the limit. Returns how many it removed. */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  /** Rewrites the journal with only the live lines (normally started on its own; tests call it). */
  compact(): Promise<void> {
    this.compacting ??= this.compactOnce()
      .catch((err: unknown) => {
        this.options.logger.warn({ err: { name: (err as Error)?.name, code: errnoOf(err) } }, 'conversation journal compaction failed: will try again later');
      })
      .finally(() => (this.compacting = undefined));
    return this.compacting;
  }

  private open(): Promise<void> {
    this.opening ??= this.load().catch((err: unknown) => {
      this.opening = undefined;
      throw err instanceof StorageStartupError
        ? err
        : new StorageStartupError(
            `DATA_DIR is not writable: cannot open the conversation journal in ${this.dir} (${errnoOf(err) ?? (err as Error).message}). ` +
              'Set DATA_DIR to a folder the assistant may write to, or choose another STORAGE.',
          );
    });
    return this.opening;
  }

  private async load(): Promise<void> {
    await fsp.mkdir(this.dir, { recursive: true, mode: DIR_MODE });
    await takeLock(path.join(this.dir, LOCK_NAME), this.dir);
    await fsp.unlink(this.file + COMPACT_SUFFIX).catch(() => undefined);
    let created = false;
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(this.file, constants.O_RDWR);
    } catch (err) {
      if (errnoOf(err) !== 'ENOENT') throw err;
      handle = await fsp.open(this.file, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL, FILE_MODE);
      created = true;
    }
    let damagedLines = 0;
    try {
      const damaged: number[] = [];
      const scan = await scanLines(handle, (line, off, len) => {
        if (!this.replay(line, off, len)) damaged.push(off);
      });
      damagedLines = damaged.length;
      if (damaged.length > 0) {
        const aside = `${this.file}.${this.clock()}.corrupt`;
        await fsp.copyFile(this.file, aside);
        this.options.logger.warn(
          { file: JOURNAL_NAME, copiedTo: path.basename(aside), unreadableLines: damaged.length, firstAtByte: damaged[0] },
          'conversation journal has unreadable lines: skipped them (a copy of the journal is kept), those conversations start fresh',
        );
      }
      if (scan.tornBytes > 0) {
        await handle.truncate(scan.end);
        this.options.logger.warn({ file: JOURNAL_NAME, droppedBytes: scan.tornBytes }, 'conversation journal ended in a cut-off write (a crash while writing; never acknowledged): removed it');
      }
      this.end = scan.end;
      this.segment = { handle, readers: 0, retired: false };
      if (created) await realFileOps.syncDir(this.dir);
    } catch (err) {
      await handle.close().catch(() => undefined);
      this.index.clear();
      this.liveBytes = 0;
      throw err;
    }
    // Unreadable lines are rewritten away at once, so the next start does not warn again.
    if (this.needsCompaction() || damagedLines > 0) void this.compact();
  }

  /** Applies one journal line to the index at start-up; false if the line cannot be read. */
  private replay(line: Buffer, off: number, len: number): boolean {
    let record: unknown;
    try {
      record = JSON.parse(line.toString('utf8'));
    } catch {
      return false;
    }
    const r = record as { k?: unknown; e?: unknown; t?: unknown; v?: unknown; d?: unknown };
    if (typeof r.k !== 'string' || r.k === '' || typeof r.t !== 'number') return false;
    if (r.d === true) {
      this.deleteEntry(r.k);
      return true;
    }
    if (typeof r.e !== 'string' || r.e === '' || typeof r.v !== 'object' || r.v === null || Array.isArray(r.v)) return false;
    this.setEntry(r.k, { off, len, eTag: r.e, t: r.t });
    return true;
  }

  private async readOne(key: string): Promise<StoreItem | undefined> {
    const entry = this.index.get(key);
    if (!entry) return undefined;
    const cached = this.cache?.get(key);
    if (cached && cached.eTag === entry.eTag) return { ...(JSON.parse(cached.json) as object), eTag: entry.eTag };
    // Offset and file are taken together: a compaction swaps both at once.
    const { off, len, eTag, t } = entry;
    const segment = this.segment;
    if (!segment) throw new Error('the conversation journal is closed');
    segment.readers++;
    let text: string;
    try {
      text = (await readAt(segment.handle, off, len)).toString('utf8');
    } finally {
      this.leave(segment);
    }
    const head = header(key, eTag, t);
    let value: object | undefined;
    if (text.startsWith(head) && text.endsWith('}\n')) {
      try {
        value = JSON.parse(text.slice(head.length, -2)) as object;
      } catch {
        value = undefined;
      }
    }
    if (!value) return this.unreadable(key, eTag);
    if (this.index.get(key)?.eTag === eTag) this.cache?.set(key, { eTag, json: text.slice(head.length, -2) });
    return { ...value, eTag };
  }

  /** A stored line that no longer reads back (disk damage): logged, and the conversation starts fresh. */
  private async unreadable(key: string, eTag: string): Promise<undefined> {
    await this.locks.run(key, async () => {
      if (this.index.get(key)?.eTag !== eTag) return;
      this.options.logger.warn({ file: JOURNAL_NAME, keyKind: keyKind(key) }, 'stored conversation state is unreadable: starting from fresh state');
      await this.remove(key);
    });
    return undefined;
  }

  /** Appends a delete of `key` (under its lock), if anything is stored. */
  private async remove(key: string): Promise<void> {
    if (!this.index.has(key)) return;
    await this.append(`{"k":${JSON.stringify(key)},"d":true,"t":${this.clock()}}\n`, () => {
      this.deleteEntry(key);
      this.cache?.forget(key);
    });
  }

  private setEntry(key: string, entry: Entry): void {
    const current = this.index.get(key);
    if (current) {
      // Updated in place: the index keeps the key string it first got.
      this.liveBytes += entry.len - current.len;
      Object.assign(current, entry);
      return;
    }
    // A flat copy: the caller's key is often a concatenation that holds on to its parts.
    this.index.set(flat(key), entry);
    this.liveBytes += entry.len;
  }

  private deleteEntry(key: string): void {
    const old = this.index.get(key);
    if (!old) return;
    this.index.delete(key);
    this.liveBytes -= old.len;
  }

  /** Queues a line; once it is durable, `durable` gets where it landed and the promise resolves. */
  private append(data: string, durable: (off: number, len: number) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ data, bytes: Buffer.byteLength(data), durable, resolve, reject });
      this.flushing ??= this.flushAll();
    });
  }

  private async flushAll(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        while (this.gate) await this.gate;
        const batch = this.queue;
        this.queue = [];
        this.inFlight = this.writeBatch(batch);
        await this.inFlight;
        this.inFlight = undefined;
      }
    } finally {
      this.flushing = undefined;
    }
    if (this.needsCompaction()) void this.compact();
  }

  private async writeBatch(batch: Pending[]): Promise<void> {
    const segment = this.segment;
    if (!segment) {
      for (const p of batch) p.reject(new Error('the conversation journal is closed'));
      return;
    }
    const start = this.end;
    const data = Buffer.from(batch.length === 1 ? batch[0]!.data : batch.map((p) => p.data).join(''), 'utf8');
    try {
      await this.writeDurably(segment.handle, data, start);
    } catch (err) {
      // Nothing of this batch counts: cut off whatever part of it reached the file (the next
      // batch is written at the same place anyway; a crash first leaves a torn end, cut on start).
      await segment.handle.truncate(start).catch(() => undefined);
      this.options.logger.error({ err: { name: (err as Error)?.name, code: errnoOf(err) }, writes: batch.length }, 'conversation journal write failed');
      for (const p of batch) p.reject(err);
      return;
    }
    this.end = start + data.length;
    let off = start;
    for (const p of batch) {
      p.durable(off, p.bytes);
      off += p.bytes;
    }
    for (const p of batch) p.resolve();
  }

  private needsCompaction(): boolean {
    return !this.compacting && this.segment !== undefined && this.end >= this.compactAtBytes && this.end > 2 * this.liveBytes;
  }

  private async compactOnce(): Promise<void> {
    const old = this.segment;
    if (!old) return;
    const temp = this.file + COMPACT_SUFFIX;
    const out = await fsp.open(temp, 'w+', FILE_MODE);
    let swapped = false;
    try {
      // 1. Copy every live line written so far; turns go on meanwhile (appends land after snapshotEnd).
      const snapshotEnd = this.end;
      // Copies of where the lines are now (entries change in place as turns write).
      const live = [...this.index.values()]
        .filter((e) => e.off < snapshotEnd)
        .map(({ off, len }) => ({ off, len }))
        .sort((a, b) => a.off - b.off);
      const moved = new Map<number, number>();
      let outPos = 0;
      old.readers++;
      try {
        for (let i = 0; i < live.length; ) {
          const group: Array<{ off: number; len: number }> = [];
          let bytes = 0;
          while (i < live.length && (group.length === 0 || bytes + live[i]!.len <= 1024 * 1024)) {
            group.push(live[i]!);
            bytes += live[i]!.len;
            i++;
          }
          const parts = await Promise.all(group.map((e) => readAt(old.handle, e.off, e.len)));
          for (const [k, e] of group.entries()) {
            moved.set(e.off, outPos);
            outPos += parts[k]!.length;
          }
          await writeAt(out, Buffer.concat(parts), outPos - bytes);
        }
      } finally {
        this.leave(old);
      }
      // 2. Hold new batches, copy what was written since, and swap files.
      let open!: () => void;
      this.gate = new Promise<void>((resolve) => (open = resolve));
      try {
        await this.inFlight;
        const tailStart = snapshotEnd;
        const tail = await readAt(old.handle, tailStart, this.end - tailStart);
        await writeAt(out, tail, outPos);
        const tailBase = outPos;
        outPos += tail.length;
        await out.datasync();
        // Where every key's line is in the new file; checked before anything is swapped.
        const relocated: Array<[Entry, number]> = [];
        for (const e of this.index.values()) {
          const to = e.off >= tailStart ? tailBase + (e.off - tailStart) : moved.get(e.off);
          if (to === undefined) throw new Error('compaction lost track of a line');
          relocated.push([e, to]);
        }
        const before = this.end;
        await fsp.rename(temp, this.file);
        swapped = true;
        for (const [e, to] of relocated) e.off = to;
        this.segment = { handle: out, readers: 0, retired: false };
        this.end = outPos;
        old.retired = true;
        this.leave(old, true);
        await realFileOps.syncDir(this.dir).catch(() => undefined);
        this.options.logger.info({ file: JOURNAL_NAME, beforeBytes: before, afterBytes: outPos, keys: this.index.size }, 'conversation journal compacted');
      } finally {
        this.gate = undefined;
        open();
      }
    } finally {
      if (!swapped) {
        await out.close().catch(() => undefined);
        await fsp.unlink(temp).catch(() => undefined);
      }
    }
  }

  /** A read (or the compaction) is done with a file; a retired file closes once nobody reads it. */
  private leave(segment: Segment, checkOnly = false): void {
    if (!checkOnly) segment.readers--;
    if (segment.retired && segment.readers === 0) void segment.handle.close().catch(() => undefined);
  }

  private startSweeps(): void {
    const expiry = this.options.expiry;
    if (!expiry || this.timer) return;
    this.timer = setInterval(() => {
      this.sweep().catch((err: unknown) =>
        this.options.logger.warn({ err: { name: (err as Error)?.name, code: errnoOf(err) } }, 'conversation expiry sweep failed'),
      );
    }, expiry.sweepEveryMs);
    this.timer.unref();
  }

  private async sweepOnce(): Promise<number> {
    const expiry = this.options.expiry;
    if (!expiry || !this.opening) return 0;
    await this.open();
    const now = this.clock();
    const idle = [...this.index].filter(([key, e]) => now - e.t > expiry.idleMs && expiry.appliesTo(key)).map(([key]) => key);
    const removed = await Promise.all(
      idle.map((key) =>
        this.locks.run(key, async () => {
          // Written again since the listing? Then it is not idle any more.
          const e = this.index.get(key);
          if (!e || now - e.t <= expiry.idleMs) return 0;
          await this.remove(key);
          return 1;
        }),
      ),
    );
    const count = removed.reduce<number>((n, r) => n + r, 0);
    if (count > 0) this.options.logger.info({ removed: count, idleMinutes: Math.round(expiry.idleMs / 60_000) }, 'idle conversations expired');
    return count;
  }
}

/**
 * A new eTag: random per process start, then a counter. Unique across restarts (48 random bits) and
 * short, because the index keeps one per conversation.
 */
const bootId = randomBytes(6).toString('base64url');
let sequence = 0;
function newETag(): string {
  return `${bootId}.${(++sequence).toString(36)}`;
}

function flat(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** The start of a key's line, up to where the item's JSON begins. */
function header(key: string, eTag: string, t: number): string {
  return `{"k":${JSON.stringify(key)},"e":"${eTag}","t":${t},"v":`;
}

function keyKind(key: string): string {
  if (key.includes('/conversations/')) return 'conversation';
  if (key.includes('/users/')) return 'user';
  return 'other';
}
