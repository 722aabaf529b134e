import assert from 'node:assert/strict';
import { MemoryStorage } from 'botbuilder';
import { TranscriptRetention } from '../../identity/bot/transcriptRetention';
import { asAssistantStorage } from '../../storage/lockedStorage';
import { silentLogger } from '../../common/logger';
import type { EscalationDraft } from '../../handoff/core/model';
import { EscalationStore } from '../../handoff/core/store';
import { textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';

const DAY = 86_400_000;

/** Everything a MemoryStorage holds, as text. */
const stored = (memory: MemoryStorage) => JSON.stringify((memory as unknown as { memory: Record<string, string> }).memory);

function draft(conversationId: string): EscalationDraft {
  return {
    conversationId,
    channelId: 'webchat',
    reference: { serviceUrl: 'http://127.0.0.1:9/', conversation: { id: conversationId } },
    member: { verified: true, id: ALEX.memberId, name: 'Alex' },
    locale: 'en',
    intent: 'refill',
    reason: 'asked',
    summary: 'Asked for a person.',
    transcript: [{ at: new Date().toISOString(), from: 'member', text: 'my Lisinopril refill' }],
  };
}

describe('security: escalation records are forgotten and expire (issue 17)', () => {
  it('"forget me" deletes the conversation\'s escalations (member id, name, transcript)', async () => {
    const chat = new MemberChat();
    await chat.core.handoff.presence!.seen({ id: 'pat', name: 'Pat' });
    await chat.open();
    await chat.signIn(ALEX.memberId);
    await chat.say('where is my refill Rx 1000101');
    await chat.say('talk to a person');
    const conversationId = chat.adapter.template.conversation!.id;
    const escalation = await chat.core.handoff.escalations.openFor('webchat', conversationId);
    assert.ok(escalation, 'an escalation was queued');
    assert.match(stored(chat.memory), new RegExp(ALEX.memberId));
    await chat.say('LEAVE');

    await chat.say('forget me');
    assert.match(textOf(await chat.say('yes')), /I've deleted what I kept about you/);
    assert.equal(await chat.core.handoff.escalations.get(escalation.id), undefined);
    assert.doesNotMatch(stored(chat.memory), new RegExp(`${ALEX.memberId}|Alex|Lisinopril`));
  });

  it('closed escalations are deleted once past the retention period; open ones stay until closed', async () => {
    let now = Date.UTC(2026, 0, 10, 12);
    const storage = asAssistantStorage(new MemoryStorage());
    const store = new EscalationStore(storage, () => now);
    const closed = (await store.create(draft('c-closed'))).record!;
    await store.update(closed.id, (r) => ({ ...r, status: 'resolved', closedAt: new Date(now).toISOString() }));
    const open = (await store.create(draft('c-open'))).record!;
    const retention = new TranscriptRetention({
      store: { listTranscripts: async () => ({ items: [], continuationToken: '' }), deleteTranscript: async () => undefined },
      escalations: store,
      retentionDays: 30,
      now: () => now,
      logger: silentLogger(),
    });

    now += 29 * DAY;
    assert.equal(await retention.sweep(), 0, 'within the period nothing goes');
    assert.ok(await store.get(closed.id));

    now += 2 * DAY;
    assert.equal(await retention.sweep(), 1);
    assert.equal(await store.get(closed.id), undefined);
    assert.ok(await store.get(open.id), 'an open escalation is never deleted under an agent');

    await store.update(open.id, (r) => ({ ...r, status: 'resolved', closedAt: new Date(now).toISOString() }));
    assert.equal(await retention.sweep(), 1);
    assert.equal(await store.get(open.id), undefined);
    assert.equal(await retention.sweep(), 0);
  });
});
