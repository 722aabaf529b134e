import assert from 'node:assert/strict';
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { CheckedConversationState, CheckedUserState } from '../../storage/state/checkedState';
import { LockedStorage } from '../../storage/lockedStorage';
import { isStorageConflict } from '../../storage/types';
import { updateItem } from '../../storage/update';

function contextFor(conversationId: string): TurnContext {
  const adapter = new TestAdapter(async () => undefined);
  return new TurnContext(adapter, {
    type: 'message',
    channelId: 'webchat',
    conversation: { id: conversationId },
    from: { id: 'member-1' },
    recipient: { id: 'bot' },
  } as Activity);
}

describe('eTag-checked state', () => {
  it('conversation state: the second of two turns that loaded the same version gets a conflict, not a silent overwrite', async () => {
    const storage = new LockedStorage();
    const state = new CheckedConversationState(storage);
    const topic = state.createProperty<string>('topic');
    const one = contextFor('c1');
    const two = contextFor('c1');
    await topic.get(one);
    await topic.get(two);
    await topic.set(one, 'refill');
    await topic.set(two, 'billing');
    await state.saveChanges(one);
    await assert.rejects(state.saveChanges(two), (err) => isStorageConflict(err));
    const stored = (await storage.read(['webchat/conversations/c1/']))['webchat/conversations/c1/'];
    assert.equal(stored.topic, 'refill');
  });

  it('conversation state: saves again within a turn stay checked (the new eTag is kept)', async () => {
    const storage = new LockedStorage();
    const state = new CheckedConversationState(storage);
    const step = state.createProperty<number>('step');
    const turn = contextFor('c2');
    await step.set(turn, 1);
    await state.saveChanges(turn);
    await step.set(turn, 2);
    await state.saveChanges(turn);
    await storage.write({ 'webchat/conversations/c2/': { step: 99 } });
    await step.set(turn, 3);
    await assert.rejects(state.saveChanges(turn), (err) => isStorageConflict(err), 'someone else wrote in between');
  });

  it('conversation state: an unchanged turn writes nothing', async () => {
    const storage = new LockedStorage();
    let writes = 0;
    const put = storage.put.bind(storage);
    storage.put = (...args) => {
      writes++;
      return put(...args);
    };
    const state = new CheckedConversationState(storage);
    const turn = contextFor('c3');
    await state.load(turn);
    await state.saveChanges(turn);
    assert.equal(writes, 0);
  });

  it('a change after any load is written, and only a change (the hash of what was read is the one compared)', async () => {
    const storage = new LockedStorage();
    const writes: unknown[] = [];
    const put = storage.put.bind(storage);
    storage.put = (...args) => {
      writes.push(JSON.parse(JSON.stringify(args[1])));
      return put(...args);
    };
    /** Someone else's write (not counted). */
    const elsewhere = async (item: Record<string, unknown>) => {
      await storage.write({ 'webchat/conversations/c4/': item });
      writes.pop();
    };
    await elsewhere({ step: 1 });
    const state = new CheckedConversationState(storage);
    const step = state.createProperty<number>('step');
    const turn = contextFor('c4');
    assert.equal(await step.get(turn), 1, 'first load reads');
    await step.set(turn, 2);
    await state.saveChanges(turn);
    await state.load(turn, true);
    await state.saveChanges(turn);
    assert.equal(writes.length, 1, 'reloaded and unchanged: nothing written');
    await elsewhere({ step: 7 });
    await state.load(turn, true);
    assert.equal(await step.get(turn), 7);
    await state.saveChanges(turn);
    assert.equal(writes.length, 1, 'someone else\'s version, read and unchanged: nothing written');
    await step.set(turn, 8);
    await state.saveChanges(turn);
    assert.equal(writes.length, 2);
    assert.equal((writes[1] as { step: number }).step, 8);
    await state.clear(turn);
    await state.load(turn);
    await step.set(turn, 9);
    await state.saveChanges(turn);
    assert.equal(writes.length, 3, 'after clear(): a change is written');

    const fresh = contextFor('c4');
    await state.load(fresh);
    await state.load(fresh);
    await state.saveChanges(fresh);
    assert.equal(writes.length, 3, 'a new turn that only reads writes nothing');
  });

  it('user state: concurrent turns of one member in two conversations both keep their changes', async () => {
    const storage = new LockedStorage();
    const state = new CheckedUserState(storage);
    const language = state.createProperty<string>('language');
    const reminders = state.createProperty<boolean>('reminders');
    await storage.write({ 'webchat/users/member-1/': { language: 'en', reminders: false, other: 'kept' } });
    const inChat = contextFor('chat');
    const inOtherTab = contextFor('tab');
    await language.get(inChat);
    await reminders.get(inOtherTab);
    await language.set(inChat, 'es');
    await reminders.set(inOtherTab, true);
    await state.saveChanges(inChat);
    await state.saveChanges(inOtherTab);
    const stored = (await storage.read(['webchat/users/member-1/']))['webchat/users/member-1/'];
    assert.equal(stored.language, 'es');
    assert.equal(stored.reminders, true);
    assert.equal(stored.other, 'kept');
    assert.equal(state.get(inOtherTab).language, 'es', 'the turn now sees what is stored');
  });
});

describe('updateItem (read-modify-write for escalations, sessions and other shared items)', () => {
  it('20 concurrent increments all land', async () => {
    const storage = new LockedStorage();
    await Promise.all(
      Array.from({ length: 20 }, () => updateItem<{ n: number }>(storage, 'escalations/counter', (current) => ({ n: (current?.n ?? 0) + 1 }))),
    );
    assert.equal((await storage.read(['escalations/counter']))['escalations/counter'].n, 20);
  });

  it('returns the stored item with its eTag, or leaves it alone when the change says so', async () => {
    const storage = new LockedStorage();
    const created = await updateItem<{ v: number }>(storage, 'k', () => ({ v: 1 }));
    assert.equal(created?.v, 1);
    assert.equal(created?.eTag, (await storage.read(['k'])).k.eTag);
    const unchanged = await updateItem<{ v: number }>(storage, 'k', () => undefined);
    assert.equal(unchanged?.eTag, created?.eTag);
  });

  it('gives up with a conflict when every round collides', async () => {
    const storage = new LockedStorage();
    await storage.write({ k: { v: 0 } });
    let round = 0;
    await assert.rejects(
      updateItem<{ v: number }>(
        storage,
        'k',
        async (current) => {
          round++;
          await storage.write({ k: { v: 100 + round } });
          return { v: (current?.v ?? 0) + 1 };
        },
        { attempts: 3 },
      ),
      (err) => isStorageConflict(err),
    );
    assert.equal(round, 3);
  });
});
