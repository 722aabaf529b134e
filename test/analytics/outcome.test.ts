import assert from 'node:assert/strict';
import type { StoreItem } from 'botbuilder';
import { LockedStorage } from '../../storage/lockedStorage';
import { StorageConflictError, type AssistantStorage, type Expected } from '../../storage/types';
import type { StoredActivity } from '../../handoff/transcript/transcriptStore';
import { Chat, textOf } from '../support/chat';

/** What the transcript keeps of each member message: the text and what became of it. */
async function memberMessages(chat: Chat): Promise<Array<Pick<StoredActivity, 'text' | 'meta'>>> {
  const kept = await chat.core.handoff.transcripts.recent(chat.channelId, chat.adapter.template.conversation!.id, 500);
  return kept.filter((a) => a.from.role === 'user').map(({ text, meta }) => (meta ? { text, meta } : { text }));
}

/** The next save of a conversation's state collides once (a concurrent turn won). */
class CollidingOnce extends LockedStorage implements AssistantStorage {
  armed = false;
  override put(key: string, item: StoreItem, expected: Expected): Promise<string> {
    if (this.armed && /\/conversations\//.test(key)) {
      this.armed = false;
      return Promise.reject(new StorageConflictError(key));
    }
    return super.put(key, item, expected);
  }
}

describe('what became of each member message, in the transcript (meta)', () => {
  it('a recognized request, an answer to a question (no meta), a request not understood, an emergency', async () => {
    const chat = new Chat();
    await chat.open();
    await chat.say('I need a prescription refill');
    await chat.say('Lisinopril');
    await chat.say('Start over');
    await chat.say('what is the meaning of life');
    assert.match(textOf(await chat.say('my chest hurts')), /Call 911 now/);
    assert.deepEqual(await memberMessages(chat), [
      { text: 'I need a prescription refill', meta: { intent: 'refill', score: 0.92 } },
      { text: 'Lisinopril' },
      { text: 'Start over', meta: { intent: 'startOver' } },
      { text: 'what is the meaning of life', meta: { intent: 'none', score: 0.2, fallback: true } },
      { text: 'my chest hurts', meta: { emergency: 'medical' } },
    ]);
  });

  it('an emergency only the recognizer saw is kept as one too', async () => {
    const chat = new Chat({ overrides: { emergencyCheck: { detect: () => null } } });
    await chat.open();
    assert.match(textOf(await chat.say('I swallowed all my pills')), /Poison Control/);
    assert.deepEqual(await memberMessages(chat), [{ text: 'I swallowed all my pills', meta: { emergency: 'poison' } }]);
  });

  it('escalations: queued for an agent; what the member then writes to the agent carries no meta', async () => {
    const chat = new Chat();
    await chat.core.handoff.presence!.seen({ id: 'pat', name: 'Pat' });
    await chat.open();
    await chat.say('talk to a person');
    await chat.say('it is about my bill');
    assert.deepEqual(await memberMessages(chat), [
      { text: 'talk to a person', meta: { intent: 'agent', score: 0.95, escalated: 'queue' } },
      { text: 'it is about my bill' },
    ]);
  });

  it('escalations: no agent on duty, the member is given the ways to reach a person', async () => {
    const chat = new Chat();
    await chat.open();
    await chat.say('I want a human');
    assert.deepEqual(await memberMessages(chat), [{ text: 'I want a human', meta: { intent: 'agent', score: 0.95, escalated: 'contact' } }]);
  });

  it('escalations: HANDOFF_MODE=event, sent to the contact centre', async () => {
    const chat = new Chat({ env: { HANDOFF_MODE: 'event' } });
    await chat.open();
    await chat.say('representative please');
    assert.deepEqual(await memberMessages(chat), [{ text: 'representative please', meta: { intent: 'agent', score: 0.95, escalated: 'event' } }]);
  });

  it('a menu pick is kept as the topic picked, without a recognizer score', async () => {
    const chat = new Chat();
    await chat.open();
    await chat.say('Sign-in help'); // the test recognizer makes nothing of it; the menu knows it
    assert.deepEqual((await memberMessages(chat))[0], { text: 'Sign-in help', meta: { intent: 'password_reset' } });
  });

  it('a turn run again after a state conflict is kept once, with its outcome', async () => {
    const storage = new CollidingOnce();
    const chat = new Chat({ overrides: { storage, turnBackoff: async () => undefined } });
    await chat.open();
    await chat.say('what is this');
    storage.armed = true;
    await chat.say('what is that');
    const kept = await memberMessages(chat);
    assert.deepEqual(kept, [
      { text: 'what is this', meta: { intent: 'none', score: 0.2, fallback: true } },
      { text: 'what is that', meta: { intent: 'none', score: 0.2, fallback: true } },
    ]);
  });
});
