import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAssistant } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../common/logger';

/** Runs a command; false if it could not (no permission to mount here). */
function tryRun(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('security: a read-only DATA_DIR is reported as such (issue 17)', function () {
  this.timeout(20_000);
  let mountPoint: string;
  let mounted = false;

  before(function () {
    // A real read-only file system: a small tmpfs, remounted read-only (needs root; skipped elsewhere).
    mountPoint = mkdtempSync(path.join(os.tmpdir(), 'readonly-data-'));
    mounted = tryRun('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint]);
    if (!mounted) this.skip();
    mkdirSync(path.join(mountPoint, 'data'));
    if (!tryRun('mount', ['-o', 'remount,ro', mountPoint])) this.skip();
  });
  after(() => {
    if (mounted) tryRun('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('start-up stops with EROFS (not ENOENT), for the audit log and for the state store', async () => {
    const dataDir = path.join(mountPoint, 'data');
    for (const [env, where] of [
      [{ AUDIT_LOG: 'file' }, /PHI audit log cannot be written under .*\(EROFS\)/],
      [{ AUDIT_LOG: 'stdout' }, /DATA_DIR is not writable: .*\(EROFS\)/],
    ] as const) {
      const config = loadConfig({ NODE_ENV: 'test', STORAGE: 'file', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', ...env });
      await assert.rejects(
        (async () => {
          const assistant = await createAssistant(config, { logger: silentLogger() });
          await assistant.stop();
        })(),
        (err: Error) => where.test(err.message) && !/ENOENT/.test(err.message),
      );
    }
  });
});
