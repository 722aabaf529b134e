import { constants, promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../common/logger';
import { errnoOf, FILE_MODE, realFileOps } from './fileOps';
import { COMPACT_SUFFIX, readAt, scanLines, writeAt } from './journalFile';

/** Where a line is in the log. A compaction moves lines: it rewrites `off` of the ranges it is given. */
export interface LogRange {
  off: number;
  len: number;
}

/** Writes one batch at `off` and makes it durable. */
export type DurableWrite = (handle: fsp.FileHandle, data: Buffer, off: number) => Promise<void>;

export interface AppendLogOptions {
  logger: Logger;
  /** Default: a positional write, then fdatasync (tests make it fail part-way, like a full disk). */
  writeDurably?: DurableWrite;
  /** Called after the queue of writes has been flushed (the owner decides whether to compact). */
  onFlushed?: () => void;
}

/** The open file; a compaction swaps it, and the old one closes once no read uses it. */
interface Segment {
  handle: fsp.FileHandle;
  readers: number;
  retired: boolean;
}

interface Pending {
  data: string;
  bytes: number;
  /** Runs synchronously as the batch completes (so a compaction never sees half a batch). */
  durable: (off: number, len: number) => void;
  resolve: () => void;
  reject: (err: unknown) => void;
}

const defaultWrite: DurableWrite = async (handle, data, off) => {
  await writeAt(handle, data, off);
  await handle.datasync();
};

/**
 * A file of newline-terminated lines, only ever appended to, with group commit: lines queued
 * while a batch is being written go out together as the next batch, one write and one fdatasync,
 * and each line's `durable` callback and promise run only once its batch is on disk. A batch that
 * fails is cut off the file again and rejected as a whole. Compaction copies the lines still in
 * use to a new file while appends go on, holds appends only to copy what was appended meanwhile,
 * then renames the new file over the old one. Knows nothing of keys: journalStorage.ts does.
 */
export class AppendLog {
  private readonly writeDurably: DurableWrite;
  private segment?: Segment;
  /** Bytes of the file that are written and durable. */
  private end = 0;
  private queue: Pending[] = [];
  private flushing?: Promise<void>;
  private inFlight?: Promise<void>;
  /** Set while a compaction swaps files: no batch starts. */
  private gate?: Promise<void>;

  constructor(
    readonly file: string,
    private readonly options: AppendLogOptions,
  ) {
    this.writeDurably = options.writeDurably ?? defaultWrite;
  }

  /** Bytes in the log. */
  get size(): number {
    return this.end;
  }

  get isOpen(): boolean {
    return this.segment !== undefined;
  }

  /**
   * Opens the file (creating it, owner-only, if missing), calls `onLine` for each complete line in
   * order, and cuts off a torn end (a batch a crash cut short: never acknowledged).
   */
  async open(onLine: (line: Buffer, off: number, len: number) => void): Promise<{ tornBytes: number }> {
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
    try {
      const scan = await scanLines(handle, onLine);
      if (scan.tornBytes > 0) await handle.truncate(scan.end);
      if (created) await realFileOps.syncDir(path.dirname(this.file));
      this.end = scan.end;
      this.segment = { handle, readers: 0, retired: false };
      return { tornBytes: scan.tornBytes };
    } catch (err) {
      await handle.close().catch(() => undefined);
      throw err;
    }
  }

  /** Waits for queued writes, then closes the file. */
  async close(): Promise<void> {
    await this.flushing;
    const segment = this.segment;
    this.segment = undefined;
    this.end = 0;
    await segment?.handle.close().catch(() => undefined);
  }

  /** Queues a line (ending in a newline); once it is durable, `durable` gets where it landed and the promise resolves. */
  append(data: string, durable: (off: number, len: number) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ data, bytes: Buffer.byteLength(data), durable, resolve, reject });
      this.flushing ??= this.flushAll();
    });
  }

  /** The bytes of one line, from the file it is in now (a compaction does not disturb the read). */
  async read(range: LogRange): Promise<Buffer> {
    // Offset and file are taken together: a compaction swaps both at once.
    const { off, len } = range;
    const segment = this.segment;
    if (!segment) throw new Error('the conversation journal is closed');
    segment.readers++;
    try {
      return await readAt(segment.handle, off, len);
    } finally {
      this.leave(segment);
    }
  }

  /**
   * Rewrites the file with only the lines of `live()` (called twice: what to copy, then, with
   * appends held, every range to move). Returns the sizes before and after.
   */
  async compact(live: () => Iterable<LogRange>): Promise<{ beforeBytes: number; afterBytes: number }> {
    const old = this.segment;
    if (!old) return { beforeBytes: 0, afterBytes: 0 };
    const temp = this.file + COMPACT_SUFFIX;
    const out = await fsp.open(temp, 'w+', FILE_MODE);
    let swapped = false;
    try {
      // 1. Copy every live line written so far; appends go on meanwhile, after snapshotEnd.
      const snapshotEnd = this.end;
      // Copies of where the lines are now (the owner's ranges change as it writes).
      const lines = [...live()]
        .filter((r) => r.off < snapshotEnd)
        .map(({ off, len }) => ({ off, len }))
        .sort((a, b) => a.off - b.off);
      const moved = new Map<number, number>();
      let outPos = 0;
      old.readers++;
      try {
        for (let i = 0; i < lines.length; ) {
          const group: LogRange[] = [];
          let bytes = 0;
          while (i < lines.length && (group.length === 0 || bytes + lines[i]!.len <= 1024 * 1024)) {
            group.push(lines[i]!);
            bytes += lines[i]!.len;
            i++;
          }
          const parts = await Promise.all(group.map((r) => readAt(old.handle, r.off, r.len)));
          for (const [k, r] of group.entries()) {
            moved.set(r.off, outPos);
            outPos += parts[k]!.length;
          }
          await writeAt(out, Buffer.concat(parts), outPos - bytes);
        }
      } finally {
        this.leave(old);
      }
      // 2. Hold new batches, copy what was appended since, and swap files.
      let release!: () => void;
      this.gate = new Promise<void>((resolve) => (release = resolve));
      try {
        await this.inFlight;
        const tail = await readAt(old.handle, snapshotEnd, this.end - snapshotEnd);
        await writeAt(out, tail, outPos);
        const tailBase = outPos;
        outPos += tail.length;
        await out.datasync();
        // Where every live line is in the new file; checked before anything is swapped.
        const relocated: Array<[LogRange, number]> = [];
        for (const r of live()) {
          const to = r.off >= snapshotEnd ? tailBase + (r.off - snapshotEnd) : moved.get(r.off);
          if (to === undefined) throw new Error('compaction lost track of a line');
          relocated.push([r, to]);
        }
        const beforeBytes = this.end;
        await fsp.rename(temp, this.file);
        swapped = true;
        for (const [r, to] of relocated) r.off = to;
        this.segment = { handle: out, readers: 0, retired: false };
        this.end = outPos;
        old.retired = true;
        this.leave(old, true);
        await realFileOps.syncDir(path.dirname(this.file)).catch(() => undefined);
        return { beforeBytes, afterBytes: outPos };
      } finally {
        this.gate = undefined;
        release();
      }
    } finally {
      if (!swapped) {
        await out.close().catch(() => undefined);
        await fsp.unlink(temp).catch(() => undefined);
      }
    }
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
    this.options.onFlushed?.();
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

  /** A read (or the compaction) is done with a file; a retired file closes once nobody reads it. */
  private leave(segment: Segment, checkOnly = false): void {
    if (!checkOnly) segment.readers--;
    if (segment.retired && segment.readers === 0) void segment.handle.close().catch(() => undefined);
  }
}
