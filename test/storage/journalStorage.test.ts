import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { promises as fsp } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStorage, isConversationKey } from '../../storage/factory';
import { writeAt } from '../../storage/journalFile';
import { JournalStorage, type JournalStorageOptions } from '../../storage/journalStorage';
import type { SplitStorage } from '../../storage/splitStorage';
import { StorageStartupError } from '../../storage/types';
import { LogCapture } from '../support/logs';
import { fromDist } from '../../common/paths';

describe('conversation journal (STORAGE=file keeps conversation state here)', function () {
  this.timeout(30_000);
  let root: string;
  let dir: string;
  let logs: LogCapture;
  const opened: JournalStorage[] = [];

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'journal-'));
    dir = path.join(root, 'state');
    logs = new LogCapture();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    rmSync(root, { recursive: true, force: true });
  });

  const open = (options: Partial<JournalStorageOptions> = {}) => {
    const store = new JournalStorage({ dir, logger: logs.logger, ...options });
    opened.push(store);
    return store;
  };
  /** Closes every store so far (as a stop would) and opens the journal again, as a new start. */
  const restart = async (options: Partial<JournalStorageOptions> = {}) => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    return open(options);
  };
  const journal = () => path.join(dir, 'conversations.journal');
  const key = (n: number | string) => `webchat/conversations/conv-${n}/`;
  const warnings = () => logs.entries.filter((e) => e.level === 'warn' || e.level === 'error');

  it('keeps what was written through a restart, with the same eTags, in one journal file', async () => {
    const store = open();
    const first = await store.put(key(1), { step: 1 }, null);
    const second = await store.put(key(1), { step: 2 }, first);
    await store.put(key(2), { step: 1 }, null);
    await store.delete([key(2)]);

    const again = await restart();
    assert.deepEqual(await again.read([key(1), key(2)]), { [key(1)]: { step: 2, eTag: second } });
    assert.deepEqual(readdirSync(dir).sort(), ['conversations.journal', 'conversations.journal.lock']);
    assert.equal(warnings().length, 0);
  });

  it('answers a write only once it is on disk, and writes that wait together share one flush', async () => {
    const flushes: number[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const store = open({
      writeDurably: async (handle: fsp.FileHandle, data: Buffer, off: number) => {
        flushes.push(data.toString('utf8').split('\n').filter(Boolean).length);
        if (flushes.length === 1) await held;
        await writeAt(handle, data, off);
        await handle.datasync();
      },
    });
    await store.ready();
    let done = false;
    const firstWrite = store.put(key('a'), { v: 1 }, null).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(done, false, 'not acknowledged while its flush is still running');
    // Twenty more turns save meanwhile: they go out together in the next flush.
    const rest = Promise.all(Array.from({ length: 20 }, (_, i) => store.put(key(`b${i}`), { v: i }, null)));
    release();
    await firstWrite;
    await rest;
    assert.deepEqual(flushes, [1, 20]);
  });

  it('a write that fails (disk full) changes nothing, and the next one goes through', async () => {
    let failNext = false;
    const store = open({
      writeDurably: async (handle: fsp.FileHandle, data: Buffer, off: number) => {
        if (failNext) {
          failNext = false;
          // Half the line reaches the file, then the disk is full.
          await writeAt(handle, data.subarray(0, data.length >> 1), off);
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        }
        await writeAt(handle, data, off);
        await handle.datasync();
      },
    });
    const eTag = await store.put(key(1), { step: 1 }, null);
    failNext = true;
    await assert.rejects(store.put(key(1), { step: 2 }, eTag), /no space left/);
    assert.deepEqual(await store.read([key(1)]), { [key(1)]: { step: 1, eTag } }, 'the previous version, with its eTag');
    const next = await store.put(key(1), { step: 3 }, eTag);
    const again = await restart();
    assert.deepEqual(await again.read([key(1)]), { [key(1)]: { step: 3, eTag: next } });
    assert.equal(logs.entries.filter((e) => /unreadable|cut-off/.test(String(e.msg))).length, 0, 'the half line was cut off at once');
  });

  it('a write cut short by a crash (a torn last line) is removed on start; everything before it stays', async () => {
    const store = open();
    const eTag = await store.put(key(1), { step: 1 }, null);
    await store.close();
    const size = statSync(journal()).size;
    appendFileSync(journal(), `{"k":"${key(1)}","e":"x","t":1,"v":{"step":2,"note":"MEMBER-TEXT`);

    const again = open();
    assert.deepEqual(await again.read([key(1)]), { [key(1)]: { step: 1, eTag } });
    assert.equal(statSync(journal()).size, size);
    const warning = warnings().find((e) => /cut-off write/.test(String(e.msg)));
    assert.ok(warning, 'logged');
    assert.ok(!logs.all.includes('MEMBER-TEXT'), 'never the content');
    await again.put(key(1), { step: 3 }, eTag);
    assert.equal((await (await restart()).read([key(1)]))[key(1)]?.step, 3);
  });

  it('SIGKILL at arbitrary points of a stream of writes: no acknowledged write is lost, never half an item', async () => {
    const writer = fromDist('test', 'support', 'crashWriter.js');
    const k = key('crash');
    for (let round = 0; round < 4; round++) {
      const child = spawn(process.execPath, [writer, dir, k, 'journal'], { stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = once(child, 'exit');
      let completed = 0;
      const target = 3 + round * 2;
      await new Promise<void>((resolve) => {
        child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
          completed = Math.max(completed, ...chunk.split('\n').filter(Boolean).map(Number));
          if (completed >= target) resolve();
        });
      });
      child.kill('SIGKILL');
      await exited;
      const store = open();
      const item = (await store.read([k]))[k];
      assert.ok(item, `round ${round}: readable after the kill`);
      assert.ok(item.n >= completed, `round ${round}: no completed write was lost (${item.n} >= ${completed})`);
      assert.equal(item.payload.length, 200_000, 'never half an item');
      await store.close();
      opened.splice(0);
    }
    assert.equal(logs.entries.filter((e) => /unreadable/.test(String(e.msg))).length, 0, 'no line was ever damaged');
  });

  it('a damaged line in the middle: skipped and logged without content, a copy kept, the rest readable, then rewritten away', async () => {
    const store = open();
    await store.put(key(1), { note: 'MEMBER-TEXT-one' }, null);
    const eTag2 = await store.put(key(2), { note: 'two' }, null);
    await store.close();
    const original = readFileSync(journal(), 'utf8');
    const damaged = original.replace('MEMBER-TEXT-one"}', 'MEMBER-TEXT-one\u0000');
    writeFileSync(journal(), damaged);

    const again = open();
    assert.deepEqual(await again.read([key(1), key(2)]), { [key(2)]: { note: 'two', eTag: eTag2 } });
    const warning = warnings().find((e) => /unreadable lines/.test(String(e.msg)));
    assert.ok(warning);
    assert.equal(warning.unreadableLines, 1);
    assert.ok(!logs.all.includes('MEMBER-TEXT'), 'never the content');
    const aside = readdirSync(dir).filter((n) => n.endsWith('.corrupt'));
    assert.equal(aside.length, 1, 'kept for inspection');
    assert.equal(readFileSync(path.join(dir, aside[0]!), 'utf8'), damaged);

    await again.compact();
    const before = warnings().length;
    const third = await restart();
    assert.deepEqual(Object.keys(await third.read([key(1), key(2)])), [key(2)]);
    assert.equal(warnings().length, before, 'the next start finds nothing wrong');
  });

  it('compacts while turns keep writing and deleting: every last acknowledged version survives, the file shrinks', async () => {
    const store = open({ compactAtBytes: 64 * 1024 });
    const expected = new Map<string, { v: number; eTag: string } | undefined>();
    const payload = 'p'.repeat(500);
    const worker = async (w: number) => {
      for (let i = 0; i < 150; i++) {
        const k = key(`${w}-${i % 7}`);
        const current = expected.get(k);
        if (i % 11 === 10 && current) {
          await store.delete([k]);
          expected.set(k, undefined);
        } else {
          const eTag = await store.put(k, { v: i, payload }, current ? current.eTag : null);
          expected.set(k, { v: i, eTag });
        }
        if (i === 75 && w === 0) void store.compact();
      }
    };
    await Promise.all([0, 1, 2, 3, 4].map(worker));
    await store.compact();
    const { journalBytes, liveBytes } = store.stats();
    assert.ok(journalBytes < 3 * liveBytes, `compacted (${journalBytes} bytes for ${liveBytes} live)`);
    assert.equal(statSync(journal()).size, journalBytes);
    assert.ok(logs.entries.some((e) => e.msg === 'conversation journal compacted'));

    const check = async (s: JournalStorage) => {
      const read = await s.read([...expected.keys()]);
      for (const [k, want] of expected) {
        if (!want) assert.equal(read[k], undefined, `${k} stays deleted`);
        else assert.deepEqual({ v: read[k]?.v, eTag: read[k]?.eTag }, want, k);
      }
    };
    await check(store);
    await check(await restart());
    assert.equal(warnings().length, 0);
    assert.ok(!existsSync(`${journal()}.compact`), 'no temporary file left');
  });

  it('expires idle conversations (durably) and keeps the rest', async () => {
    let now = Date.now();
    const expiry = { idleMs: 60 * 60_000, appliesTo: isConversationKey, sweepEveryMs: 15 * 60_000 };
    const store = open({ clock: () => now, expiry });
    await store.ready();
    await store.put(key('old'), { v: 1 }, null);
    await store.put('directline-local/conversations/dl-1', { v: 1 }, null);
    now += 59 * 60_000;
    assert.equal(await store.sweep(), 0, 'not idle long enough');
    await store.put(key('recent'), { v: 1 }, null);
    now += 2 * 60_000;
    assert.equal(await store.sweep(), 2);
    assert.deepEqual(Object.keys(await store.read([key('old'), key('recent'), 'directline-local/conversations/dl-1'])), [key('recent')]);
    assert.ok(logs.entries.some((e) => e.msg === 'idle conversations expired' && e.removed === 2));
    const again = await restart({ clock: () => now, expiry });
    assert.deepEqual(Object.keys(await again.read([key('old'), key('recent')])), [key('recent')], 'still gone after a restart');
  });

  it('is for the owner only', async function () {
    if (process.platform === 'win32') this.skip();
    await open().put(key(1), { v: 1 }, null);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.equal(statSync(journal()).mode & 0o777, 0o600);
  });

  describe('one running assistant per journal', () => {
    it('refuses to start while another running process holds it, with one clear line', async () => {
      const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(path.join(dir, 'conversations.journal.lock'), String(other.pid));
        await assert.rejects(open().ready(), (err: unknown) => {
          assert.ok(err instanceof StorageStartupError);
          assert.match(err.message, new RegExp(`^DATA_DIR is in use: another running assistant \\(process ${other.pid}\\)`));
          assert.ok(!err.message.includes('\n'));
          return true;
        });
      } finally {
        other.kill('SIGKILL');
        await once(other, 'exit');
      }
    });

    it('takes over the lock of a process that is gone (a crash), and gives it up on close', async () => {
      const gone = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
      await once(gone, 'exit');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'conversations.journal.lock'), String(gone.pid));
      const store = open();
      await store.ready();
      assert.equal(readFileSync(path.join(dir, 'conversations.journal.lock'), 'utf8'), String(process.pid));
      await store.close();
      assert.ok(!existsSync(path.join(dir, 'conversations.journal.lock')));
    });

    it('refuses a DATA_DIR it cannot write, with one clear line', async () => {
      writeFileSync(path.join(root, 'a-file'), 'not a folder');
      const store = new JournalStorage({ dir: path.join(root, 'a-file', 'state'), logger: logs.logger });
      await assert.rejects(store.ready(), (err: unknown) => {
        assert.ok(err instanceof StorageStartupError);
        assert.match(err.message, /^DATA_DIR is not writable: cannot open the conversation journal in .*a-file.state \((ENOTDIR|EEXIST)\)/);
        return true;
      });
    });
  });

  describe('STORAGE=file as a whole', () => {
    const userKey = 'webchat/users/member-1/';

    it('keeps conversation state in the journal and everything else one file per key', async () => {
      const store = createStorage({ kind: 'file', dataDir: root }, { logger: logs.logger, idleMinutes: 60 }) as SplitStorage;
      await store.ready();
      await store.write({ [key(1)]: { v: 1 }, [userKey]: { v: 2 }, 'transcripts/webchat/conv-1': { v: 3 } });
      const read = await store.read([key(1), userKey, 'transcripts/webchat/conv-1']);
      assert.deepEqual([read[key(1)]?.v, read[userKey]?.v, read['transcripts/webchat/conv-1']?.v], [1, 2, 3]);
      assert.equal(store.journal.stats().keys, 1);
      assert.equal(readdirSync(dir).filter((n) => n.endsWith('.json')).length, 2);
      await store.close();
    });
  });
});
