import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runToExit, startProcess } from '../support/process';

/** The assistant as `npm start` runs it: a real process, its exit code and its output. */
describe('the assistant process', function () {
  this.timeout(30_000);

  function assertOneLineNoStack(stderr: string) {
    assert.equal(stderr.split('\n').length, 1, `one line expected, got:\n${stderr}`);
    assert.doesNotMatch(stderr, /\n\s+at |\.js:\d+/, 'no stack trace');
  }

  it('stops on a bad setting with one line that names it', async () => {
    const result = await runToExit({ PORT: 'abc' });
    assert.equal(result.code, 1);
    assertOneLineNoStack(result.stderr);
    assert.match(result.stderr, /^Configuration error: PORT expected a whole number from 0 to 65535 \(got "abc"\)/);
  });

  it('stops with one line when the portal profile does not exist', async () => {
    const result = await runToExit({ PORTAL_PROFILE: 'atlantis' });
    assert.equal(result.code, 1);
    assertOneLineNoStack(result.stderr);
    assert.match(result.stderr, /^Portal profile "atlantis" not found .*available: default/);
  });

  it('never prints a secret in a configuration error', async () => {
    const result = await runToExit({ MicrosoftAppPassword: 'do-not-print-me' });
    assert.equal(result.code, 1);
    assertOneLineNoStack(result.stderr);
    assert.match(result.stderr, /MicrosoftAppId required when MicrosoftAppPassword is set/);
    assert.ok(!result.stderr.includes('do-not-print-me') && !result.stdout.includes('do-not-print-me'));
  });

  it('reads .env from the working folder, and real environment variables win', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'assistant-env-'));
    try {
      writeFileSync(path.join(dir, '.env'), '# local settings\nLOG_LEVEL=shouty\n');
      const bad = await runToExit({}, dir);
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /LOG_LEVEL expected one of/);

      const started = await startProcess({ LOG_LEVEL: 'info', DATA_DIR: path.join(dir, 'data') }, dir);
      started.child.kill('SIGTERM');
      assert.equal(await started.exited, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says once at start-up that authentication is off without MicrosoftAppId', async () => {
    const started = await startProcess();
    started.child.kill('SIGTERM');
    assert.equal(await started.exited, 0);
    const mentions = started.stdout.filter((line) => line.includes('authentication'));
    assert.equal(mentions.length, 1);
    assert.match(mentions[0]!, /OFF: MicrosoftAppId is not set/);
  });

  it('answers health checks, and exits 0 after SIGTERM / SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const started = await startProcess();
      const health = await fetch(`${started.url}/healthz`);
      assert.equal(health.status, 200);
      started.child.kill(signal);
      assert.equal(await started.exited, 0, `exit code after ${signal}`);
      assert.ok(started.stdout.some((line) => line.includes('"clean":true') && line.includes('member assistant stopped')));
    }
  });

  it('explains a port that is already taken in one line', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runToExit({ PORT: String(port) });
      assert.equal(result.code, 1);
      assertOneLineNoStack(result.stderr);
      assert.match(result.stderr, new RegExp(`port ${port} is already in use`));
    } finally {
      blocker.close();
    }
  });
});
