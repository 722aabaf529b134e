import { promises as fsp, type Stats } from 'node:fs';

/**
 * The file-system calls the file store makes, behind an interface so tests can make one fail at a
 * chosen point (a simulated crash between writing and renaming, a torn write, a full disk).
 */
export interface FileOps {
  /** Creates `file` (which must not exist), writes `data`, flushes it to disk, closes it. */
  writeNewFile(file: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Hard link: fails with EEXIST when `to` exists (an atomic create-only). */
  link(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  readFile(file: string): Promise<string>;
  readdir(dir: string): Promise<string[]>;
  stat(file: string): Promise<Stats>;
  /** Makes a rename in `dir` durable (no-op where directories cannot be synced). */
  syncDir(dir: string): Promise<void>;
}

/** Owner-only: conversation state can hold what a member told the assistant about their care. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

export const realFileOps: FileOps = {
  async writeNewFile(file, data) {
    const handle = await fsp.open(file, 'wx', FILE_MODE);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => fsp.rename(from, to),
  link: (from, to) => fsp.link(from, to),
  unlink: (file) => fsp.unlink(file),
  readFile: (file) => fsp.readFile(file, 'utf8'),
  readdir: (dir) => fsp.readdir(dir),
  stat: (file) => fsp.stat(file),
  async syncDir(dir) {
    let handle: fsp.FileHandle | undefined;
    try {
      handle = await fsp.open(dir, 'r');
      await handle.sync();
    } catch (err) {
      // Windows cannot open or fsync a directory; the rename itself is still atomic there.
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw err;
    } finally {
      await handle?.close();
    }
  },
};

export function errnoOf(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}
