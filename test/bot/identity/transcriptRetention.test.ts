import assert from 'node:assert/strict';
import { TranscriptRetention } from '../../../identity/bot/transcriptRetention';
import { LockedStorage } from '../../../storage/lockedStorage';
import { AssistantTranscriptStore } from '../../../handoff/transcript/transcriptStore';
import { LogCapture } from '../../support/logs';

describe('transcript retention (TRANSCRIPT_RETENTION_DAYS)', () => {
  it('deletes transcripts older than the retention period, on every channel, and keeps the newer ones', async () => {
    let now = Date.parse('2025-04-01T12:00:00Z');
    const store = new AssistantTranscriptStore(new LockedStorage(), () => now, undefined, 0);
    const say = (channelId: string, conversationId: string) =>
      store.append(channelId, conversationId, [{ type: 'message', timestamp: new Date(now).toISOString(), from: { role: 'user' }, text: 'where is my refill Rx [RX]' }]);
    say('webchat', 'old-web');
    say('sms', 'old-sms');
    await store.drain();
    now = Date.parse('2025-05-20T12:00:00Z');
    say('webchat', 'recent-web');
    await store.drain();

    now = Date.parse('2025-06-05T12:00:00Z');
    const logs = new LogCapture();
    const retention = new TranscriptRetention({ store, retentionDays: 30, now: () => now, logger: logs.logger });
    assert.equal(await retention.sweep(), 2);
    assert.deepEqual(await store.recent('webchat', 'old-web'), []);
    assert.deepEqual(await store.recent('sms', 'old-sms'), []);
    assert.equal((await store.recent('webchat', 'recent-web')).length, 1);
    const listed = await store.listTranscripts('webchat');
    assert.deepEqual(listed.items.map((i) => i.id), ['recent-web']);
    assert.equal(await retention.sweep(), 0, 'idempotent');
  });
});
