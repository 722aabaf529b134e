import assert from 'node:assert/strict';
import type { StoreItem } from 'botbuilder';
import { LockedStorage } from '../../storage/lockedStorage';
import type { AssistantStorage, Expected } from '../../storage/types';
import { AssistantTranscriptStore, type StoredActivity } from '../../handoff/transcript/transcriptStore';

const TAIL = 'transcript-tail/conversations/webchat/c1';
const DOC = 'transcripts/webchat/c1';

/**
 * A store that can list its keys (as the file store's journal does, so transcripts keep tails in
 * it) and that lets a test hold a tail delete on its way or fail a document write.
 */
class TailStorage extends LockedStorage implements AssistantStorage {
  private readonly keys = new Set<string>();
  /** Set: the next tail delete waits for `release()`; `reached` resolves when it starts. */
  private held?: { reached: () => void; release: Promise<void> };
  failDocWrites = 0;

  holdNextTailDelete(): { reached: Promise<void>; release: () => void } {
    let release!: () => void;
    let reached!: () => void;
    const reachedP = new Promise<void>((resolve) => (reached = resolve));
    this.held = { reached, release: new Promise<void>((resolve) => (release = resolve)) };
    return { reached: reachedP, release };
  }

  override async put(key: string, item: StoreItem, expected: Expected): Promise<string> {
    if (key === DOC && this.failDocWrites > 0) {
      this.failDocWrites--;
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    }
    const eTag = await super.put(key, item, expected);
    this.keys.add(key);
    return eTag;
  }

  override async delete(keys: string[]): Promise<void> {
    const held = this.held;
    if (held && keys.includes(TAIL)) {
      this.held = undefined;
      held.reached();
      await held.release;
    }
    await super.delete(keys);
    for (const key of keys) this.keys.delete(key);
  }

  async keysWithPrefix(prefix: string): Promise<string[]> {
    return [...this.keys].filter((key) => key.startsWith(prefix));
  }
}

const said = (text: string): StoredActivity => ({ type: 'message', timestamp: new Date().toISOString(), from: { role: 'user' }, text });

/** What a new process on the same store finds once it has recovered the tails (a crash: nothing drained). */
async function afterCrash(storage: AssistantStorage): Promise<string[]> {
  const restarted = new AssistantTranscriptStore(storage, Date.now, () => undefined, 60_000);
  await restarted.recover();
  return (await restarted.recent('webchat', 'c1', 100)).map((a) => a.text);
}

describe('transcript tails: what a turn made durable stays durable until its document holds it', () => {
  it('a turn committing while a flush removes the tail (a retention sweep or an escalation reading the transcript) still has its entries on disk when it resolves', async () => {
    const storage = new TailStorage();
    const errors: unknown[] = [];
    const store = new AssistantTranscriptStore(storage, Date.now, (err) => errors.push(err), 60_000);
    await store.appendDurably('webchat', 'c1', [said('first turn')]);

    // A reader flushes the conversation: the document gets the first turn, then the tail is removed...
    const hold = storage.holdNextTailDelete();
    const reading = store.recent('webchat', 'c1');
    await hold.reached;
    // ...and while that removal is on its way, the next turn commits (its reply waits for this).
    const committing = store.appendDurably('webchat', 'c1', [said('second turn')]);
    hold.release();
    await committing;
    assert.deepEqual((await reading).map((a) => a.text), ['first turn']);

    // The process dies now (kill -9: no drain): the second turn must be found on restart.
    assert.deepEqual(await afterCrash(storage), ['first turn', 'second turn']);
    assert.deepEqual(errors, []);
  });

  it('a document write that fails keeps its entries (in memory and in the tail) for the next write', async () => {
    const storage = new TailStorage();
    const errors: unknown[] = [];
    const store = new AssistantTranscriptStore(storage, Date.now, (err) => errors.push(err), 60_000);
    await store.appendDurably('webchat', 'c1', [said('first turn')]);
    storage.failDocWrites = 1;
    await store.drain(); // the write fails (logged)
    assert.equal(errors.length, 1);
    await store.appendDurably('webchat', 'c1', [said('second turn')]);
    const tail = (await storage.read([TAIL]))[TAIL] as { activities: StoredActivity[] } | undefined;
    assert.deepEqual(tail?.activities.map((a) => a.text), ['first turn', 'second turn'], 'a crash now loses nothing');
    await store.drain();
    assert.deepEqual((await store.recent('webchat', 'c1')).map((a) => a.text), ['first turn', 'second turn'], 'the next write has both');
  });
});
