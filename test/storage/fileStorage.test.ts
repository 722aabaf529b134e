import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import sinon from 'sinon';
import { fileNameFor } from '../../storage/fileNames';
import { realFileOps, type FileOps } from '../../storage/fileOps';
import { FileStorage } from '../../storage/fileStorage';
import { createStorage, isConversationKey, mayHoldConversationKey } from '../../storage/factory';
import type { SplitStorage } from '../../storage/splitStorage';
import { StorageStartupError } from '../../storage/types';
import { LogCapture } from '../support/logs';
import { fromDist } from '../../common/paths';

describe('file store', function () {
  this.timeout(30_000);
  let root: string;
  let dir: string;
  let logs: LogCapture;

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'file-store-'));
    dir = path.join(root, 'state');
    logs = new LogCapture();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const open = (options: Partial<ConstructorParameters<typeof FileStorage>[0]> = {}) =>
    new FileStorage({ dir, logger: logs.logger, ...options });

  const key = 'webchat/conversations/conv-1/';

  describe('a crash in the middle of a write leaves the previous version', () => {
    it('when the process dies after writing the new version but before renaming it into place', async () => {
      await open().write({ [key]: { step: 1 } });
      const before = (await open().read([key]))[key];
      // A real crash runs no clean-up: the rename and the removal of the temporary file both fail.
      const crashing: FileOps = {
        ...realFileOps,
        rename: () => Promise.reject(Object.assign(new Error('simulated crash'), { code: 'EIO' })),
        unlink: () => Promise.reject(Object.assign(new Error('simulated crash'), { code: 'EIO' })),
      };
      await assert.rejects(open({ ops: crashing }).write({ [key]: { step: 2 } }), /simulated crash/);
      assert.ok(readdirSync(dir).some((name) => name.endsWith('.tmp')), 'the half-finished write is left behind, as after a crash');

      const after = (await open().read([key]))[key];
      assert.deepEqual(after, before, 'the previous version, with its eTag');
      assert.equal(logs.entries.filter((e) => e.level === 'warn').length, 0, 'nothing was corrupt');
    });

    it('when the new version was only half written', async () => {
      await open().write({ [key]: { step: 1 } });
      const torn: FileOps = {
        ...realFileOps,
        async writeNewFile(file, data) {
          writeFileSync(file, data.slice(0, Math.floor(data.length / 2)), { flag: 'wx' });
          throw Object.assign(new Error('simulated power loss'), { code: 'EIO' });
        },
      };
      await assert.rejects(open({ ops: torn }).write({ [key]: { step: 2 } }), /simulated power loss/);
      assert.equal((await open().read([key]))[key]?.step, 1);
    });

    it('when the process is killed (SIGKILL) at arbitrary points of a stream of writes', async () => {
      const writer = fromDist('test', 'support', 'crashWriter.js');
      let lastCompleted = 0;
      for (let round = 0; round < 4; round++) {
        const child = spawn(process.execPath, [writer, dir, key], { stdio: ['ignore', 'pipe', 'inherit'] });
        const exited = once(child, 'exit');
        let completed = 0;
        const target = 3 + round * 2;
        await new Promise<void>((resolve) => {
          child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
            const numbers = chunk.split('\n').filter(Boolean).map(Number);
            completed = Math.max(completed, ...numbers);
            if (completed >= target) resolve();
          });
        });
        child.kill('SIGKILL');
        await exited;
        const item = (await open().read([key]))[key];
        assert.ok(item, `round ${round}: the item is readable after the kill`);
        assert.ok(item.n >= completed, `round ${round}: no completed write was lost (${item.n} >= ${completed})`);
        assert.equal(item.payload.length, 200_000, 'never half an item');
        lastCompleted = item.n;
      }
      assert.ok(lastCompleted > 0);
      assert.equal(logs.entries.filter((e) => e.level === 'warn').length, 0, 'no file was ever corrupt');
      assert.ok(!readdirSync(dir).some((name) => name.endsWith('.corrupt')));
    });

    it('only conversation keys expire: not the hand-off\'s pointer to an open escalation', () => {
      assert.ok(isConversationKey('webchat/conversations/conv-1/'));
      assert.ok(isConversationKey('sms/conversations/+15555550100/'));
      assert.ok(isConversationKey('directline-local/conversations/abc'));
      assert.ok(!isConversationKey('handoff/conversations/webchat/conv-1'));
      assert.ok(!isConversationKey('handoff/escalations/e-1'));
      assert.ok(!isConversationKey('transcripts/webchat/conv-1'));
    });

    it('leftover temporary files are removed by the sweep once they are old', async () => {
      mkdirSync(dir, { recursive: true });
      const leftover = path.join(dir, `.${fileNameFor(key)}.abc123.tmp`);
      writeFileSync(leftover, '{"half":');
      let now = Date.now();
      const store = open({ clock: () => now, expiry: { idleMs: 3_600_000, appliesTo: isConversationKey, sweepEveryMs: 60_000 } });
      await store.sweep();
      assert.ok(existsSync(leftover), 'a fresh temporary file may belong to a write in progress');
      now += 11 * 60_000;
      await store.sweep();
      assert.ok(!existsSync(leftover));
    });
  });

  describe('a corrupt file', () => {
    const secret = 'MEMBER-TEXT-my-date-of-birth-1970';

    for (const [what, content] of [
      ['not JSON', `{"format":1,"key":"${key}","item":{"note":"${secret}"`],
      ['JSON of the wrong shape', JSON.stringify({ note: secret })],
      ['a record written for another key', JSON.stringify({ format: 1, key: 'other', eTag: 'e', item: { note: secret } })],
      ['empty', ''],
    ] as const) {
      it(`(${what}) is moved aside as *.corrupt, logged by file name only, and the conversation starts fresh`, async () => {
        mkdirSync(dir, { recursive: true });
        const name = fileNameFor(key);
        writeFileSync(path.join(dir, name), content);
        const store = open();

        assert.deepEqual(await store.read([key]), {}, 'treated as absent');
        const warning = logs.entries.find((e) => e.level === 'warn');
        assert.ok(warning, 'a warning was logged');
        assert.equal(warning.file, name);
        assert.match(String(warning.msg), /unreadable: moved aside, starting from fresh state/);
        assert.ok(!logs.all.includes(secret), 'the file content never reaches the logs');

        const aside = readdirSync(dir).filter((n) => n.endsWith('.corrupt'));
        assert.equal(aside.length, 1, 'kept for inspection, not deleted');
        assert.equal(readFileSync(path.join(dir, aside[0]!), 'utf8'), content);
        assert.ok(!existsSync(path.join(dir, name)));

        // The member carries on: a new conversation can be created under the same key.
        const eTag = await store.put(key, { fresh: true }, null);
        assert.equal((await store.read([key]))[key]?.eTag, eTag);
      });
    }
  });

  describe('file names and permissions', () => {
    it('keeps every key inside the state folder, with a bounded name, distinct by case', async () => {
      const store = open();
      const keys = ['../../escape', '/etc/passwd', 'a/../../b', 'C:\\Windows\\x', 'x'.repeat(10_000), 'Conv', 'conv', '.', '..'];
      await store.write(Object.fromEntries(keys.map((k, i) => [k, { i }])));
      const names = readdirSync(dir);
      assert.equal(names.length, keys.length, 'one file per key, all in the folder');
      for (const name of names) {
        assert.ok(Buffer.byteLength(name) <= 120, `${name.length} characters`);
        assert.match(name, /^[a-z0-9.-]+\.json$/);
        assert.ok(!name.startsWith('.'));
      }
      assert.deepEqual(readdirSync(root), ['state'], 'nothing was written outside');
    });

    it('tells from a file name alone whether it can hold a conversation: never misses one, whatever the channel id', () => {
      fc.assert(
        fc.property(fc.string({ minLength: 1, maxLength: 60 }).filter((c) => !c.includes('/')), fc.string(), (channel, id) => {
          const key = `${channel}/conversations/${id}/`;
          if (isConversationKey(key)) assert.ok(mayHoldConversationKey(fileNameFor(key)), key);
        }),
        { numRuns: 2000 },
      );
      for (const key of ['webchat/conversations/c-1/', 'msteams/conversations/19:abc@thread.v2/', 'directline-local/conversations/dl-1', '☃/conversations/x/']) {
        assert.ok(mayHoldConversationKey(fileNameFor(key)), key);
      }
      for (const key of ['transcripts/webchat/conv-1', 'transcripts-index/webchat/2026-11-24', 'webchat/users/member-1/', 'handoff/escalations/e-1']) {
        assert.ok(!mayHoldConversationKey(fileNameFor(key)), key);
      }
    });

    it('names files by channel and kind only: never the conversation id (an SMS id can be a phone number)', () => {
      assert.match(fileNameFor('webchat/conversations/Conv-1/'), /^webchat-conversations\.[0-9a-f]{32}\.json$/);
      assert.match(fileNameFor('sms/conversations/+15551234567/'), /^sms-conversations\.[0-9a-f]{32}\.json$/);
      assert.match(fileNameFor('sms/users/+15551234567/'), /^sms-users\.[0-9a-f]{32}\.json$/);
      assert.notEqual(fileNameFor('sms/conversations/+15551234567/'), fileNameFor('sms/conversations/+15551234568/'));
    });

    it('writes state files and its folder for the owner only', async function () {
      if (process.platform === 'win32') this.skip();
      await open().write({ [key]: { v: 1 } });
      assert.equal(statSync(dir).mode & 0o777, 0o700);
      assert.equal(statSync(path.join(dir, fileNameFor(key))).mode & 0o777, 0o600);
    });
  });

  describe('expiry of idle conversations', () => {
    const userKey = 'webchat/users/member-1/';
    const expiry = { idleMs: 60 * 60_000, appliesTo: isConversationKey, sweepEveryMs: 15 * 60_000 };

    it('removes conversation files idle past the limit, keeps recent ones and everything that is not a conversation', async () => {
      let now = Date.now();
      const store = open({ clock: () => now, expiry });
      await store.write({ [key]: { v: 1 }, [userKey]: { v: 1 }, 'escalations/queue': { items: [] } });
      now += 59 * 60_000;
      assert.equal(await store.sweep(), 0, 'not idle long enough');
      await store.write({ 'webchat/conversations/recent/': { v: 1 } });
      // Written at the test clock's "now" (expiry goes by the file's modification time).
      const recent = path.join(dir, fileNameFor('webchat/conversations/recent/'));
      utimesSync(recent, now / 1000, now / 1000);
      now += 2 * 60_000;
      assert.equal(await store.sweep(), 1);
      const read = await store.read([key, userKey, 'escalations/queue', 'webchat/conversations/recent/']);
      assert.deepEqual(Object.keys(read).sort(), ['escalations/queue', 'webchat/conversations/recent/', userKey].sort());
      assert.ok(logs.entries.some((e) => e.msg === 'idle conversations expired' && e.removed === 1));
    });

    it('never opens a file whose name cannot hold a conversation (transcripts kept for months)', async () => {
      const now = Date.now();
      const reads: string[] = [];
      const ops: FileOps = { ...realFileOps, readFile: (file) => (reads.push(path.basename(file)), realFileOps.readFile(file)) };
      const store = open({ ops, clock: () => now, expiry: { ...expiry, appliesToFileName: mayHoldConversationKey }, cacheBytes: 0 });
      await store.write({ [key]: { v: 1 }, 'transcripts/webchat/conv-1': { v: 1 }, [userKey]: { v: 1 } });
      for (const name of readdirSync(dir)) utimesSync(path.join(dir, name), (now - 2 * expiry.idleMs) / 1000, (now - 2 * expiry.idleMs) / 1000);
      assert.equal(await store.sweep(), 1);
      assert.deepEqual(reads, [fileNameFor(key)], 'only the conversation file was read');
      assert.deepEqual(Object.keys(await store.read(['transcripts/webchat/conv-1', userKey])).sort(), ['transcripts/webchat/conv-1', userKey].sort());
    });

    it('sweeps on an unref’d timer that ready() starts and close() stops', async () => {
      const clock = sinon.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      try {
        const store = open({ expiry });
        const sweep = sinon.stub(store, 'sweep').resolves(0);
        await store.ready();
        clock.tick(expiry.sweepEveryMs);
        assert.equal(sweep.callCount, 1);
        clock.tick(expiry.sweepEveryMs);
        assert.equal(sweep.callCount, 2);
        await store.close();
        clock.tick(expiry.sweepEveryMs * 3);
        assert.equal(sweep.callCount, 2);
      } finally {
        clock.restore();
      }
    });

    it('the factory expires conversations after CONVERSATION_IDLE_MINUTES', async () => {
      let now = Date.now();
      const store = createStorage({ kind: 'file', dataDir: root }, { logger: logs.logger, idleMinutes: 5, clock: () => now }) as SplitStorage;
      await store.write({ [key]: { v: 1 } });
      now += 6 * 60_000;
      assert.equal(await store.sweep(), 1);
      await store.close();
    });
  });

  describe('records that carry their own expiry (storage/expiring.ts)', () => {
    it('are removed by the sweep once their expiresAt has passed, never before; others are left alone', async () => {
      let now = Date.now();
      const store = open({ clock: () => now });
      const used = 'expiring/one-time/portal-assertion/abc';
      await store.put(used, { owner: null, expiresAt: now + 600_000 }, null);
      await store.put('expiring/one-time/portal-assertion/no-time', { owner: null }, null);
      await store.put('escalations/queue', { expiresAt: now }, null);
      now += 599_999;
      assert.equal(await store.sweep(), 0);
      now += 1;
      assert.equal(await store.sweep(), 1);
      assert.deepEqual(Object.keys(await store.read([used, 'expiring/one-time/portal-assertion/no-time', 'escalations/queue'])).sort(), [
        'escalations/queue',
        'expiring/one-time/portal-assertion/no-time',
      ]);
      await store.put(used, { owner: null, expiresAt: now + 1 }, null); // create-only: the file is really gone
    });
  });

  describe('start-up', () => {
    it('refuses a DATA_DIR it cannot write, with one clear line', async () => {
      const file = path.join(root, 'a-file');
      writeFileSync(file, 'not a folder');
      const store = new FileStorage({ dir: path.join(file, 'state'), logger: logs.logger });
      await assert.rejects(store.ready(), (err: unknown) => {
        assert.ok(err instanceof StorageStartupError);
        assert.match(err.message, /^DATA_DIR is not writable: cannot write state files in .*a-file.state \((ENOTDIR|EEXIST)\)/);
        assert.ok(!err.message.includes('\n'));
        return true;
      });
    });

    it('creates a missing DATA_DIR', async () => {
      const store = new FileStorage({ dir: path.join(root, 'new', 'deeper', 'state'), logger: logs.logger });
      await store.ready();
      await store.close();
      assert.ok(statSync(path.join(root, 'new', 'deeper', 'state')).isDirectory());
    });
  });
});
