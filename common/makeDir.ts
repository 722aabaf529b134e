import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * `mkdir -p` whose error names the real cause. Node's recursive mkdir reports ENOENT when a folder
 * cannot be made on a read-only file system (the missing parent it then "cannot find" is the one
 * it was refused), so a read-only DATA_DIR read as "no such file". On ENOENT the nearest existing
 * ancestor is tested for writing, and its error (EROFS, EACCES) is the one reported.
 */
export function makeDirSync(dir: string, mode: number): void {
  try {
    mkdirSync(dir, { recursive: true, mode });
  } catch (err) {
    throw realCause(dir, err);
  }
}

export async function makeDir(dir: string, mode: number): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode });
  } catch (err) {
    throw realCause(dir, err);
  }
}

function realCause(dir: string, err: unknown): unknown {
  if ((err as NodeJS.ErrnoException)?.code !== 'ENOENT') return err;
  let existing = path.resolve(dir);
  // Bounded by the path's depth: dirname stops at the root.
  while (!existsSync(existing)) {
    const parent = path.dirname(existing);
    if (parent === existing) return err;
    existing = parent;
  }
  try {
    accessSync(existing, constants.W_OK);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException)?.code) return cause;
  }
  return err;
}
