import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeDirSync } from '../common/makeDir';

/** The file under DATA_DIR that keeps the generated Direct Line signing key. */
export const TOKEN_SECRET_FILE = 'directline-token-secret';

/**
 * The signing key of the local Direct Line channel's tokens when DIRECTLINE_TOKEN_SECRET is not
 * set and conversations are kept on disk (STORAGE=file, as `npm start` runs): made once, at random,
 * and kept in `<DATA_DIR>/directline-token-secret` (readable by this user only, mode 0600), so that
 * a member in a chat reconnects after a restart instead of holding a token nobody can check.
 * Resolves undefined when the file can be neither read nor written (the caller then uses a key
 * that dies with the process, and says so).
 */
export function persistedTokenSecret(dataDir: string): string | undefined {
  const file = path.join(dataDir, TOKEN_SECRET_FILE);
  const read = (): string | undefined => {
    try {
      const text = readFileSync(file, 'utf8').trim();
      return text.length >= 32 ? text : undefined;
    } catch {
      return undefined;
    }
  };
  const existing = read();
  if (existing) return existing;
  try {
    makeDirSync(dataDir, 0o700);
    // 'wx': two processes starting at once keep the first one's key.
    writeFileSync(file, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch {
    /* written by another process meanwhile, or not writable: read what is there */
  }
  return read();
}
