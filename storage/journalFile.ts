import { promises as fsp } from 'node:fs';
import { StorageStartupError } from './types';
import { errnoOf, FILE_MODE } from './fileOps';

/**
 * The file-level parts of the conversation journal (journalStorage.ts): reading it line by line,
 * and the lock that keeps a second running assistant off the same journal.
 */

export const JOURNAL_NAME = 'conversations.journal';
export const LOCK_NAME = 'conversations.journal.lock';
/** A compaction writes here first, then renames it over the journal. */
export const COMPACT_SUFFIX = '.compact';

const CHUNK = 1024 * 1024;

export interface ScanResult {
  /** Where the last complete line ends: everything after it is a torn write. */
  end: number;
  /** Bytes after the last complete line (a write cut short by a crash or power loss). */
  tornBytes: number;
}

/**
 * Calls `onLine` for every complete line (without its newline) with its byte offset and length
 * (newline included), in file order. Reads in 1 MiB chunks, so a large journal is never in
 * memory at once. The line's bytes are only valid during the call.
 */
export async function scanLines(handle: fsp.FileHandle, onLine: (line: Buffer, off: number, len: number) => void): Promise<ScanResult> {
  const chunk = Buffer.allocUnsafe(CHUNK);
  let carry = Buffer.alloc(0);
  let carryOff = 0;
  let pos = 0;
  for (;;) {
    const { bytesRead } = await handle.read(chunk, 0, CHUNK, pos);
    if (bytesRead === 0) break;
    pos += bytesRead;
    const data = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
    let start = 0;
    for (let nl = data.indexOf(10, start); nl !== -1; nl = data.indexOf(10, start)) {
      onLine(data.subarray(start, nl), carryOff + start, nl - start + 1);
      start = nl + 1;
    }
    // The chunk buffer is reused: keep a copy of the unfinished line.
    carry = Buffer.from(data.subarray(start));
    carryOff += start;
  }
  return { end: carryOff, tornBytes: carry.length };
}

/** Reads exactly `len` bytes at `off` (fewer only if the file is shorter). */
export async function readAt(handle: fsp.FileHandle, off: number, len: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(len);
  let done = 0;
  while (done < len) {
    const { bytesRead } = await handle.read(buf, done, len - done, off + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === len ? buf : buf.subarray(0, done);
}

/** Writes all of `buf` at `off` (a positional write may write less than asked). */
export async function writeAt(handle: fsp.FileHandle, buf: Buffer, off: number): Promise<void> {
  let done = 0;
  while (done < buf.length) {
    const { bytesWritten } = await handle.write(buf, done, buf.length - done, off + done);
    done += bytesWritten;
  }
}

/**
 * Takes the journal's lock file (it holds the process id). A lock left by a process that is no
 * longer running (a crash) is taken over; one held by a running process refuses, with one line
 * that says what to do. The same process may open the journal again (tests, and a restarted
 * container that got the same process id).
 */
export async function takeLock(file: string, dir: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fsp.writeFile(file, String(process.pid), { flag: 'wx', mode: FILE_MODE });
      return;
    } catch (err) {
      if (errnoOf(err) !== 'EEXIST') throw err;
    }
    const holder = Number((await fsp.readFile(file, 'utf8').catch(() => '')).trim());
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
      throw new StorageStartupError(
        `DATA_DIR is in use: another running assistant (process ${holder}) keeps its conversations in ${dir}. ` +
          'Stop it, or give this instance its own DATA_DIR (STORAGE=file serves one instance; use blob or cosmos for several).',
      );
    }
    await fsp.unlink(file).catch(() => undefined);
  }
  throw new StorageStartupError(`DATA_DIR lock could not be taken: ${file} keeps coming back`);
}

/** Removes the lock file if this process holds it. */
export async function releaseLock(file: string): Promise<void> {
  const holder = (await fsp.readFile(file, 'utf8').catch(() => '')).trim();
  if (holder === String(process.pid)) await fsp.unlink(file).catch(() => undefined);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return errnoOf(err) === 'EPERM';
  }
}
