import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StoreItem } from 'botbuilder';
import { createStorage } from '../../storage/factory';
import { LockedStorage } from '../../storage/lockedStorage';
import { CLOCK_SKEW_MS, OneTimeIds } from '../../storage/oneTimeIds';
import type { SplitStorage } from '../../storage/splitStorage';
import type { AssistantStorage, Expected } from '../../storage/types';
import { LogCapture } from '../support/logs';

/** A store that fails (or records) calls, around a real one. */
class Wrapped extends LockedStorage {
  readonly puts: Array<{ key: string; item: StoreItem; expected: Expected }> = [];
  failPut?: Error;
  failRead?: Error;

  override put(key: string, item: StoreItem, expected: Expected): Promise<string> {
    this.puts.push({ key, item, expected });
    if (this.failPut) return Promise.reject(this.failPut);
    return super.put(key, item, expected);
  }

  override read(keys: string[]) {
    if (this.failRead) return Promise.reject(this.failRead);
    return super.read(keys);
  }
}

const ASSERTION = 'eyJhbGciOiJFUzI1NiJ9.secret-assertion-payload.signature';

describe('one-time ids (storage/oneTimeIds.ts, issue 17)', () => {
  let now: number;
  let logs: LogCapture;
  const clock = () => now;
  const ids = (storage: AssistantStorage, kind = 'portal-assertion') => new OneTimeIds({ storage, kind, clock, logger: logs.logger });

  beforeEach(() => {
    now = Date.UTC(2025, 0, 6, 9, 0);
    logs = new LogCapture();
  });

  it('an owner claims an id once and may present it again; another owner may not', async () => {
    const used = ids(new LockedStorage());
    const until = now + 600_000;
    assert.equal(await used.claim(ASSERTION, 'webchat/conv-a', until), 'claimed');
    assert.equal(await used.claim(ASSERTION, 'webchat/conv-a', until), 'claimed', 'the same conversation again (a reconnect)');
    assert.equal(await used.claim(ASSERTION, 'webchat/conv-b', until), 'used');
    assert.equal(await used.claim('another assertion', 'webchat/conv-b', until), 'claimed');
  });

  it('with owner null nobody may present the id again, not even the first presenter', async () => {
    const used = ids(new LockedStorage(), 'directline-stream');
    assert.equal(await used.claim('jti-1', null, now + 300_000), 'claimed');
    assert.equal(await used.claim('jti-1', null, now + 300_000), 'used');
  });

  it('the store decides: a second process on the same store sees the first one\'s claims', async () => {
    const shared = new LockedStorage();
    const until = now + 600_000;
    assert.equal(await ids(shared).claim(ASSERTION, 'webchat/conv-a', until), 'claimed');
    assert.equal(await ids(shared).claim(ASSERTION, 'webchat/conv-b', until), 'used');
    assert.equal(await ids(shared).claim(ASSERTION, 'webchat/conv-a', until), 'claimed', 'the same conversation, reconnected to another instance');
    assert.equal(await ids(shared, 'directline-stream').claim(ASSERTION, null, until), 'claimed', 'kinds never meet');
    const streams = ids(shared, 'directline-stream');
    assert.equal(await streams.claim('jti-2', null, until), 'claimed');
    assert.equal(await ids(shared, 'directline-stream').claim('jti-2', null, until), 'used');
  });

  it('two processes claiming at once for different owners: exactly one wins', async () => {
    const shared = new LockedStorage();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => ids(shared).claim(ASSERTION, `webchat/conv-${i}`, now + 600_000)));
    assert.equal(results.filter((r) => r === 'claimed').length, 1);
    assert.equal(results.filter((r) => r === 'used').length, 7);
  });

  it('stores a create-only record under a hash of the id, never the id or the owner, expiring after validUntil plus the clock skew', async () => {
    const storage = new Wrapped();
    const until = now + 600_000;
    await ids(storage).claim(ASSERTION, 'webchat/conv-a', until);
    assert.equal(storage.puts.length, 1);
    const [{ key, item, expected }] = storage.puts as [(typeof storage.puts)[0]];
    assert.match(key, /^expiring\/one-time\/portal-assertion\/[0-9a-f]{64}$/);
    assert.equal(expected, null, 'create-only');
    assert.equal(item.expiresAt, until + CLOCK_SKEW_MS);
    const stored = JSON.stringify({ key, item });
    assert.ok(!stored.includes('secret-assertion') && !stored.includes('conv-a'));
  });

  describe('fails closed', () => {
    it('a store that cannot be written refuses the claim, logged by error class only', async () => {
      const storage = new Wrapped();
      storage.failPut = Object.assign(new Error(`connect ECONNREFUSED while writing ${ASSERTION}`), { code: 'ECONNREFUSED' });
      const used = ids(storage);
      assert.equal(await used.claim(ASSERTION, 'webchat/conv-a', now + 600_000), 'unavailable');
      const entry = logs.entries.find((e) => e.msg === 'one-time id could not be checked in the store: refused');
      assert.ok(entry);
      assert.equal(entry.level, 'error');
      assert.deepEqual(entry.err, { name: 'Error', code: 'ECONNREFUSED' });
      assert.ok(!logs.all.includes('secret-assertion') && !logs.all.includes('conv-a'), 'no id, no owner, no message');

      storage.failPut = undefined;
      assert.equal(await used.claim(ASSERTION, 'webchat/conv-a', now + 600_000), 'claimed', 'nothing was remembered from the failed claim');
    });

    it('a store that cannot be read after a conflict refuses the claim (even for the same owner)', async () => {
      const storage = new Wrapped();
      await ids(storage).claim(ASSERTION, 'webchat/conv-a', now + 600_000);
      storage.failRead = Object.assign(new Error('service unavailable'), { statusCode: 503 });
      assert.equal(await ids(storage).claim(ASSERTION, 'webchat/conv-a', now + 600_000), 'unavailable');
      assert.ok(logs.entries.some((e) => e.msg === 'one-time id could not be checked in the store: refused' && (e.err as { code?: unknown }).code === 503));
    });
  });

  describe('expiry (STORAGE=file)', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(path.join(os.tmpdir(), 'one-time-'));
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('a used id is kept until its credential could no longer verify, then the sweep removes it; conversations idle sooner do not take it along', async () => {
      // Conversations expire after 5 minutes here; the assertion verifies for 10.
      const storage = createStorage({ kind: 'file', dataDir: root }, { logger: logs.logger, idleMinutes: 5, clock }) as SplitStorage;
      await storage.ready();
      try {
        const until = now + 10 * 60_000;
        assert.equal(await ids(storage).claim(ASSERTION, 'webchat/conv-a', until), 'claimed');
        await storage.write({ 'webchat/conversations/conv-a/': { v: 1 } });
        const stateDir = path.join(root, 'state');
        const used = readdirSync(stateDir).filter((name) => name.startsWith('expiring-one-time.'));
        assert.equal(used.length, 1, 'one file, named by kind and hash');
        assert.ok(!readFileSync(path.join(stateDir, used[0]!), 'utf8').includes('secret-assertion'));

        now += 6 * 60_000;
        assert.equal(await storage.sweep(), 1, 'the idle conversation went');
        assert.equal(await ids(storage).claim(ASSERTION, 'webchat/conv-b', until), 'used', 'still refused by a fresh process');

        now = until + CLOCK_SKEW_MS - 1;
        assert.equal(await storage.sweep(), 0, 'never before validUntil plus the clock skew');
        now = until + CLOCK_SKEW_MS;
        assert.equal(await storage.sweep(), 1);
        assert.deepEqual(readdirSync(stateDir).filter((name) => name.startsWith('expiring-')), []);
        assert.ok(logs.entries.some((e) => e.msg === 'records past their own expiry removed' && e.removed === 1));
      } finally {
        await storage.close();
      }
    });
  });
});
