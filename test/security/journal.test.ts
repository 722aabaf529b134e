import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createStorage } from '../../storage/factory';
import { JournalStorage } from '../../storage/journalStorage';
import type { SplitStorage } from '../../storage/splitStorage';
import { silentLogger } from '../../common/logger';
import { textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';
import { LogCapture } from '../support/logs';

describe('security: the conversation journal keeps no stale version (issue 17)', function () {
  this.timeout(20_000);
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'journal-security-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('after "forget me" no older version of the conversation (with the member id) is left in the journal', async () => {
    const storage = createStorage({ kind: 'file', dataDir: root }, { logger: silentLogger(), idleMinutes: 30 }) as SplitStorage;
    const chat = new MemberChat({ overrides: { storage } });
    try {
      await chat.open();
      await chat.signIn(ALEX.memberId);
      await chat.say('where is my refill Rx 1000101');
      assert.match(readFileSync(storage.journal.file, 'utf8'), new RegExp(ALEX.memberId), 'the signed-in state is in the journal');
      await chat.say('forget me');
      assert.match(textOf(await chat.say('yes')), /I've deleted what I kept about you/);
    } finally {
      await storage.close();
    }
    assert.doesNotMatch(readFileSync(storage.journal.file, 'utf8'), new RegExp(ALEX.memberId));
  });

  it('an unreadable newest line does not bring back the previous version: the conversation starts fresh, as logged', async () => {
    const dir = path.join(root, 'state');
    const key = 'webchat/conversations/conv-1/';
    const logs = new LogCapture();
    const first = new JournalStorage({ dir, logger: logs.logger });
    const signedIn = await first.put(key, { identity: 'signed-in' }, null);
    await first.put(key, { identity: 'SIGNED-OUT' }, signedIn);
    await first.close();
    writeFileSync(path.join(dir, 'conversations.journal'), readFileSync(path.join(dir, 'conversations.journal'), 'utf8').replace('SIGNED-OUT"}', 'SIGNED-OUT\u0000'));

    const again = new JournalStorage({ dir, logger: logs.logger });
    try {
      assert.deepEqual(await again.read([key]), {}, 'neither the lost version nor the one before it');
      assert.ok(logs.entries.some((e) => /unreadable lines.*start fresh/.test(String(e.msg))));
      // A later readable version of the key still wins.
      await again.put(key, { identity: 'new' }, null);
    } finally {
      await again.close();
    }
    const third = new JournalStorage({ dir, logger: logs.logger });
    try {
      assert.equal(((await third.read([key]))[key] as { identity?: string } | undefined)?.identity, 'new');
    } finally {
      await third.close();
    }
  });
});
