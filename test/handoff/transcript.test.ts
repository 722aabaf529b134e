import assert from 'node:assert/strict';
import type { Activity, StoreItem } from 'botbuilder';
import { LockedStorage } from '../../storage/lockedStorage';
import { StorageConflictError, type AssistantStorage, type Expected } from '../../storage/types';
import { AssistantTranscriptStore, MAX_ACTIVITIES } from '../../handoff/transcript/transcriptStore';
import { Chat } from '../support/chat';

/** A store on which the next save of a conversation's state collides once (a concurrent turn won). */
class CollidingOnce extends LockedStorage implements AssistantStorage {
  armed = false;
  collisions = 0;
  override put(key: string, item: StoreItem, expected: Expected): Promise<string> {
    if (this.armed && /\/conversations\//.test(key)) {
      this.armed = false;
      this.collisions++;
      return Promise.reject(new StorageConflictError(key));
    }
    return super.put(key, item, expected);
  }
}

describe('conversation transcripts', () => {
  async function transcriptOf(chat: Chat) {
    const conversation = chat.adapter.template.conversation!.id;
    return chat.core.handoff.transcripts.recent(chat.channelId, conversation, 500);
  }

  it('keep what the member wrote (passwords masked) and what was delivered, in order', async () => {
    const chat = new Chat();
    await chat.open();
    await chat.say('I forgot my password, my password is Hunter2!');
    const kept = await transcriptOf(chat);
    assert.equal(kept[0]!.from.role, 'bot', 'the welcome');
    const mine = kept.filter((a) => a.from.role === 'user');
    assert.deepEqual(mine.map((a) => a.text), ['I forgot my password, my password is ********']);
    assert.ok(kept.some((a) => a.from.role === 'bot' && /don't share your password/.test(a.text)));
    assert.ok(kept.some((a) => a.links?.some((l) => /reset-password/.test(l.url))), 'link buttons are kept as title and URL');
    assert.ok(!chat.storedText().includes('Hunter2'));
  });

  it('a turn run again after a state conflict is recorded once, with the replies really delivered once', async () => {
    const storage = new CollidingOnce();
    const chat = new Chat({ overrides: { storage, turnBackoff: async () => undefined } });
    await chat.open();
    storage.armed = true;
    const replies = await chat.say('Prescription refills');
    assert.equal(storage.collisions, 1, 'the turn did run twice');
    const kept = await transcriptOf(chat);
    const userTurns = kept.filter((a) => a.from.role === 'user');
    assert.deepEqual(userTurns.map((a) => a.text), ['Prescription refills']);
    const botAfter = kept.slice(kept.indexOf(userTurns[0]!) + 1);
    assert.deepEqual(botAfter.map((a) => a.text), replies.map((r) => r.text), 'exactly what reached the member');
  });

  it('an emergency answer (urgent, delivered at once) is recorded once even when the turn runs again', async () => {
    const storage = new CollidingOnce();
    const chat = new Chat({ overrides: { storage, turnBackoff: async () => undefined } });
    await chat.open();
    storage.armed = true;
    await chat.say('my chest hurts and I cannot breathe');
    const kept = await transcriptOf(chat);
    assert.equal(kept.filter((a) => /Call 911 now/.test(a.text)).length, 1);
  });

  it('never keep the identity assertion, attachments or channel data', async () => {
    const chat = new Chat();
    await chat.open();
    await chat.say({ type: 'event', name: 'member/identity', value: 'eyJhbGciOiJIUzI1NiJ9.secret-assertion.sig' } as Partial<Activity>);
    await chat.say({ type: 'message', text: 'here is my card', attachments: [{ contentType: 'image/png', contentUrl: 'https://example.org/card.png' }], channelData: { raw: 'x-secret' } });
    const stored = JSON.stringify(await transcriptOf(chat));
    assert.ok(!stored.includes('secret-assertion') && !stored.includes('card.png') && !stored.includes('x-secret'));
    assert.ok(stored.includes('here is my card'));
  });

  describe('the TranscriptStore (botbuilder interface) over the configured store', () => {
    let now = Date.parse('2026-03-02T18:00:00Z');
    const message = (text: string, role: 'user' | 'bot' = 'user') =>
      ({ type: 'message', text, channelId: 'webchat', conversation: { id: 'c1' }, from: { id: 'x', role }, timestamp: new Date(now) }) as unknown as Activity;

    it('is bounded per conversation, pages, lists by day and forgets a conversation', async () => {
      const store = new AssistantTranscriptStore(new LockedStorage(), () => now);
      for (let i = 0; i < MAX_ACTIVITIES + 30; i++) await store.logActivity(message(`m${i} ${'y'.repeat(2500)}`, i % 2 ? 'bot' : 'user'));
      const kept = await store.recent('webchat', 'c1', 1000);
      assert.equal(kept.length, MAX_ACTIVITIES);
      assert.ok(kept[0]!.text.startsWith(`m30 `));
      assert.ok(kept.every((a) => a.text.length <= 2000));

      const first = await store.getTranscriptActivities('webchat', 'c1');
      assert.equal(first.items.length, 100);
      const second = await store.getTranscriptActivities('webchat', 'c1', first.continuationToken);
      assert.equal(second.items.length, 100);
      assert.equal(second.continuationToken, '');

      now += 86_400_000;
      await store.logActivity({ ...message('next day'), conversation: { id: 'c2' } } as Activity);
      const listed = await store.listTranscripts('webchat');
      assert.deepEqual(listed.items.map((t) => t.id), ['c2', 'c1']);

      await store.deleteTranscript('webchat', 'c1');
      assert.deepEqual(await store.recent('webchat', 'c1'), []);
      assert.deepEqual((await store.listTranscripts('webchat')).items.map((t) => t.id), ['c2']);
    });

    it('knows its channels and reads the conversations of given days, for reports', async () => {
      const storage = new LockedStorage();
      const store = new AssistantTranscriptStore(storage, () => now);
      const day = new Date(now).toISOString().slice(0, 10);
      for (let i = 0; i < 120; i++) store.append('slack', `s${i}`, [{ type: 'message', timestamp: new Date(now).toISOString(), from: { role: 'user' }, text: `m${i}` }]);
      await store.logActivity(message('hello'));
      assert.deepEqual((await store.channels()).sort(), ['slack', 'webchat']);
      const read: string[] = [];
      for await (const doc of store.conversations('slack', [day, '2000-01-01'])) read.push(doc.conversationId);
      assert.equal(read.length, 120, 'in batches, every one');
      assert.equal(new Set(read).size, 120);
      // Another instance (or the report) sees the same, and adding a channel keeps the others.
      const other = new AssistantTranscriptStore(storage, () => now);
      other.append('sms', 'x', [{ type: 'message', timestamp: new Date(now).toISOString(), from: { role: 'user' }, text: 'hi' }]);
      assert.deepEqual((await other.channels()).sort(), ['slack', 'sms', 'webchat']);
    });
  });
});
