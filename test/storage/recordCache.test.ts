import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileNameFor } from '../../storage/fileNames';
import { realFileOps, type FileOps } from '../../storage/fileOps';
import { FileStorage, GroupSync } from '../../storage/fileStorage';
import { RecordCache } from '../../storage/recordCache';
import { LogCapture } from '../support/logs';

describe('file store record cache', function () {
  this.timeout(20_000);

  describe('RecordCache', () => {
    it('a read that started before a write cannot put the older version back', () => {
      const cache = new RecordCache(1 << 20);
      const version = cache.version('k');
      // Meanwhile a writer replaces the key.
      cache.set('k', { eTag: 'new', json: '{"v":2}' });
      cache.fill('k', version, { eTag: 'old', json: '{"v":1}' });
      assert.equal(cache.get('k')?.eTag, 'new');
    });

    it('a read that started before a delete cannot bring the key back', () => {
      const cache = new RecordCache(1 << 20);
      const version = cache.version('k');
      cache.set('k', null);
      cache.fill('k', version, { eTag: 'old', json: '{}' });
      assert.equal(cache.get('k'), null, 'known to be absent');
    });

    it('a read that started before the key was forgotten does not fill', () => {
      const cache = new RecordCache(1 << 20);
      const version = cache.version('k');
      cache.forget('k');
      cache.fill('k', version, { eTag: 'old', json: '{}' });
      assert.equal(cache.get('k'), undefined);
    });

    it('stays within its byte budget, dropping the least recently used first', () => {
      const cache = new RecordCache(4096);
      const json = JSON.stringify({ pad: 'x'.repeat(400) });
      for (let i = 0; i < 20; i++) cache.set(`k${i}`, { eTag: 'e', json });
      assert.equal(cache.get('k0'), undefined, 'the oldest went first');
      assert.ok(cache.get('k19'), 'the newest stays');
      cache.get('k16'); // used again: now the most recent
      for (let i = 20; i < 23; i++) cache.set(`k${i}`, { eTag: 'e', json });
      assert.ok(cache.get('k16'), 'a recently read key outlives older ones');
    });

    it('does not keep a record bigger than a quarter of its budget', () => {
      const cache = new RecordCache(1000);
      cache.set('big', { eTag: 'e', json: 'x'.repeat(300) });
      assert.equal(cache.get('big'), undefined);
    });

    it('a read spanning a prune of old versions never fills (the version it holds may be gone)', () => {
      const cache = new RecordCache(200);
      const version = cache.version('slow');
      cache.set('slow', { eTag: 'new', json: '{}' });
      // Many writes evict `slow` and prune versions of keys no longer cached.
      for (let i = 0; i < 3000; i++) cache.set(`other${i}`, { eTag: 'e', json: '{}' });
      assert.equal(cache.get('slow'), undefined);
      cache.fill('slow', version, { eTag: 'old', json: '{}' });
      assert.equal(cache.get('slow'), undefined, 'the stale read was refused');
    });
  });

  describe('FileStorage with the cache', () => {
    let root: string;
    let dir: string;
    beforeEach(() => {
      root = mkdtempSync(path.join(os.tmpdir(), 'record-cache-'));
      dir = path.join(root, 'state');
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    function counting(): { ops: FileOps; reads: () => number } {
      let reads = 0;
      const ops: FileOps = {
        ...realFileOps,
        readFile: (file) => {
          reads++;
          return realFileOps.readFile(file);
        },
      };
      return { ops, reads: () => reads };
    }
    const key = 'webchat/conversations/conv-1/';

    it('serves what it wrote without reading the file, and each reader gets its own copy', async () => {
      const { ops, reads } = counting();
      const store = new FileStorage({ dir, logger: new LogCapture().logger, ops });
      await store.write({ [key]: { step: 1, nested: { a: 1 } } });
      const first = (await store.read([key]))[key] as { step: number; nested: { a: number }; eTag: string };
      first.nested.a = 99;
      const second = (await store.read([key]))[key] as { nested: { a: number }; eTag: string };
      assert.equal(second.nested.a, 1, 'a reader changing its copy changes nothing for others');
      assert.equal(second.eTag, first.eTag);
      // An eTag-checked write needs no file read either.
      await store.write({ [key]: { ...second, step: 2 } });
      assert.equal(reads(), 0);
      const fresh = new FileStorage({ dir, logger: new LogCapture().logger });
      assert.equal(((await fresh.read([key]))[key] as { step: number }).step, 2, 'and the file has it');
    });

    it('a stale eTag is still refused when the current version is cached', async () => {
      const store = new FileStorage({ dir, logger: new LogCapture().logger });
      await store.write({ [key]: { step: 1 } });
      const loaded = (await store.read([key]))[key];
      await store.write({ [key]: { ...loaded, step: 2 } });
      await assert.rejects(store.write({ [key]: { ...loaded, step: 3 } }), /conflict/i);
    });

    it('after a failed write the next read goes to the file (which may have either version)', async () => {
      let failRename = false;
      const { ops, reads } = counting();
      const flaky: FileOps = {
        ...ops,
        rename: async (from, to) => {
          await realFileOps.rename(from, to);
          // The rename happened, then the process saw an error (a folder sync, say).
          if (failRename) throw Object.assign(new Error('simulated EIO'), { code: 'EIO' });
        },
      };
      const store = new FileStorage({ dir, logger: new LogCapture().logger, ops: flaky });
      await store.write({ [key]: { step: 1 } });
      failRename = true;
      await assert.rejects(store.write({ [key]: { step: 2 } }), /simulated EIO/);
      const before = reads();
      const now = (await store.read([key]))[key] as { step: number };
      assert.equal(reads(), before + 1, 'read from the file, not the cache');
      assert.equal(now.step, 2, 'what the file really holds');
    });

    it('a missing key is remembered as missing and a write makes it present', async () => {
      const { ops, reads } = counting();
      const store = new FileStorage({ dir, logger: new LogCapture().logger, ops });
      assert.deepEqual(await store.read([key]), {});
      assert.deepEqual(await store.read([key]), {});
      assert.equal(reads(), 1, 'the second read needed no file');
      await store.write({ [key]: { step: 1 } });
      assert.equal(((await store.read([key]))[key] as { step: number }).step, 1);
      await store.delete([key]);
      assert.deepEqual(await store.read([key]), {});
    });

    it('cacheBytes 0 turns it off (every read goes to the file)', async () => {
      const { ops, reads } = counting();
      const store = new FileStorage({ dir, logger: new LogCapture().logger, ops, cacheBytes: 0 });
      await store.write({ [key]: { step: 1 } });
      await store.read([key]);
      await store.read([key]);
      assert.equal(reads(), 2);
      // And a file changed behind its back is seen.
      writeFileSync(path.join(dir, fileNameFor(key)), 'not json');
      assert.deepEqual(await store.read([key]), {});
    });
  });

  describe('GroupSync', () => {
    function manualSync() {
      const pending: Array<() => void> = [];
      let started = 0;
      const sync = new GroupSync(
        () =>
          new Promise<void>((resolve) => {
            started++;
            pending.push(resolve);
          }),
      );
      return { sync, pending, started: () => started };
    }

    it('writers that arrive while a sync runs share the next one, which starts after it', async () => {
      const { sync, pending, started } = manualSync();
      let firstDone = false;
      const first = sync.sync().then(() => (firstDone = true));
      const laterA = sync.sync();
      const laterB = sync.sync();
      assert.equal(started(), 1, 'one sync at a time');
      pending.shift()!();
      await first;
      assert.ok(firstDone);
      await new Promise((r) => setImmediate(r));
      assert.equal(started(), 2, 'the waiting writers got a sync of their own, started after theirs renamed');
      let laterDone = false;
      void Promise.all([laterA, laterB]).then(() => (laterDone = true));
      await new Promise((r) => setImmediate(r));
      assert.equal(laterDone, false, 'they are not durable before their sync has finished');
      pending.shift()!();
      await Promise.all([laterA, laterB]);
      assert.equal(started(), 2, 'two writers, one sync');
    });

    it('a failed sync fails its writers only; the next writers get a fresh one', async () => {
      let calls = 0;
      const sync = new GroupSync(async () => {
        calls++;
        if (calls === 1) throw new Error('sync failed');
      });
      const first = sync.sync();
      const second = sync.sync();
      await assert.rejects(first, /sync failed/);
      await second;
      assert.equal(calls, 2);
    });
  });
});
