import assert from 'node:assert/strict';
import type { Storage, StoreItem } from 'botbuilder';
import type { AssistantStorage } from '../../storage/types';
import { isStorageConflict } from '../../storage/types';

export interface StoreUnderTest {
  storage: Storage;
  /** Extra behaviour of AssistantStorage (put); absent for botbuilder's plain MemoryStorage. */
  assistant?: AssistantStorage;
}

export interface Divergences {
  /** Only our stores have `put` (the conditional write eTag-checked saves use). */
  noPut?: boolean;
  /**
   * botbuilder's MemoryStorage writes an item with a specific eTag when nothing is stored under
   * the key; BlobsStorage (Azure answers 412) and the file store refuse it.
   */
  writesSpecificETagToMissingKey?: boolean;
  /** MemoryStorage takes '' as a key; BlobsStorage and the file store refuse it. */
  acceptsEmptyKey?: boolean;
  /**
   * BlobsStorage drops empty segments of a key (sanitizeBlobKey): "a/b/" and "a/b" (and "a//b")
   * are one blob. botbuilder's own keys ("<channel>/conversations/<id>/") never differ only so.
   */
  ignoresEmptyKeySegments?: boolean;
}

let unique = 0;
/** Keys differ per test so one store can serve a whole suite. */
function k(name: string): string {
  unique++;
  return `suite-${unique}/${name}`;
}

async function readOne(storage: Storage, key: string): Promise<StoreItem | undefined> {
  return (await storage.read([key]))[key] as StoreItem | undefined;
}

async function rejectsWithConflict(promise: Promise<unknown>): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(isStorageConflict(err), `expected an eTag conflict, got ${String(err)}`);
    assert.match((err as Error).message, /eTag conflict/);
    return true;
  });
}

/**
 * The behaviour the assistant relies on from any botbuilder Storage, run against every store:
 * botbuilder's MemoryStorage (the reference), our memory wrapper, the file store and
 * BlobsStorage on Azurite. Where the reference implementations disagree it is said so explicitly.
 */
export function describeStorageBehaviour(name: string, open: () => StoreUnderTest, divergences: Divergences = {}): void {
  describe(`Storage behaviour: ${name}`, () => {
    let store: StoreUnderTest;
    beforeEach(() => {
      store = open();
    });

    it('reads nothing for keys never written (absent keys are left out of the answer)', async () => {
      assert.deepEqual(await store.storage.read([k('missing-a'), k('missing-b')]), {});
      assert.deepEqual(await store.storage.read([]), {});
    });

    it('round-trips nested JSON, text in any language, numbers, booleans and null, with an eTag added', async () => {
      const key = k('conversations/round-trip/');
      const item = {
        dialogState: { dialogStack: [{ id: 'booking', state: { stepIndex: 2, values: { day: 'martes', time: '10:30' } } }] },
        text: '¿Puedo cambiar mi cita? 😀 — naïve café',
        count: 42,
        ratio: 0.25,
        flag: false,
        nothing: null,
        list: [1, 'two', { three: 3 }],
      };
      await store.storage.write({ [key]: item });
      const read = await readOne(store.storage, key);
      assert.ok(read);
      assert.equal(typeof read.eTag, 'string');
      assert.ok(String(read.eTag).length > 0);
      const { eTag: _eTag, ...content } = read;
      assert.deepEqual(content, item);
    });

    it('hands out copies: changing what was read does not change what is stored', async () => {
      const key = k('copy');
      await store.storage.write({ [key]: { nested: { value: 1 } } });
      const first = await readOne(store.storage, key);
      first!.nested.value = 999;
      assert.equal((await readOne(store.storage, key))!.nested.value, 1);
    });

    it('gives every write a new eTag, even with the same content', async () => {
      const key = k('etags');
      await store.storage.write({ [key]: { same: true } });
      const a = (await readOne(store.storage, key))!.eTag;
      await store.storage.write({ [key]: { same: true } });
      const b = (await readOne(store.storage, key))!.eTag;
      assert.notEqual(a, b);
    });

    it('keeps the eTag out of the content: the stored eTag is the store’s, not the one written', async () => {
      const key = k('etag-field');
      await store.storage.write({ [key]: { value: 1, eTag: '*' } });
      const read = await readOne(store.storage, key);
      assert.notEqual(read!.eTag, '*');
      assert.equal(read!.value, 1);
    });

    it('writes unconditionally with eTag "*" or no eTag', async () => {
      const key = k('unconditional');
      await store.storage.write({ [key]: { v: 1 } });
      await store.storage.write({ [key]: { v: 2, eTag: '*' } });
      assert.equal((await readOne(store.storage, key))!.v, 2);
      await store.storage.write({ [key]: { v: 3 } });
      assert.equal((await readOne(store.storage, key))!.v, 3);
    });

    it('writes with the current eTag, and refuses a stale one without changing what is stored', async () => {
      const key = k('conditional');
      await store.storage.write({ [key]: { v: 1 } });
      const first = await readOne(store.storage, key);
      await store.storage.write({ [key]: { ...first, v: 2 } });
      const second = await readOne(store.storage, key);
      assert.equal(second!.v, 2);
      await rejectsWithConflict(store.storage.write({ [key]: { ...first, v: 3 } }));
      const after = await readOne(store.storage, key);
      assert.equal(after!.v, 2);
      assert.equal(after!.eTag, second!.eTag);
    });

    if (divergences.writesSpecificETagToMissingKey) {
      it('DIVERGES: writes an item with a specific eTag when nothing is stored (botbuilder MemoryStorage)', async () => {
        const key = k('etag-missing');
        await store.storage.write({ [key]: { v: 1, eTag: 'some-old-etag' } });
        assert.equal((await readOne(store.storage, key))!.v, 1);
      });
    } else {
      it('refuses a write with a specific eTag when nothing is stored (the item was deleted since it was read)', async () => {
        const key = k('etag-missing');
        await rejectsWithConflict(store.storage.write({ [key]: { v: 1, eTag: '"0x8DEADBEEF"' } }));
        assert.equal(await readOne(store.storage, key), undefined);
      });
    }

    it('deletes, and deleting what is not there is not an error', async () => {
      const key = k('delete');
      await store.storage.write({ [key]: { v: 1 } });
      await store.storage.delete([key]);
      assert.equal(await readOne(store.storage, key), undefined);
      await store.storage.delete([key, k('never-written')]);
    });

    it('reads and writes several keys at once', async () => {
      const [a, b, c] = [k('many-a'), k('many-b'), k('many-c')];
      await store.storage.write({ [a]: { n: 'a' }, [b]: { n: 'b' } });
      const read = await store.storage.read([a, b, c]);
      assert.deepEqual(Object.keys(read).sort(), [a, b].sort());
      assert.equal(read[a].n, 'a');
      assert.equal(read[b].n, 'b');
    });

    it('keeps keys apart that differ only in case, slashes, dots or length, and takes any characters', async () => {
      const base = k('Conv');
      const keys = [
        `${base}`,
        `${base.toLowerCase()}`,
        ...(divergences.ignoresEmptyKeySegments ? [] : [`${base}/`]),
        `${base}/../../etc/passwd`,
        `${base}/a b:c*d?e"f<g>h|i\\j`,
        `${base}/😀/ñ`,
        `${base}/${'x'.repeat(400)}`,
        `${base}/${'x'.repeat(401)}`,
      ];
      await store.storage.write(Object.fromEntries(keys.map((key, i) => [key, { i }])));
      const read = await store.storage.read(keys);
      keys.forEach((key, i) => assert.equal(read[key]?.i, i, `key #${i}`));
    });

    if (divergences.ignoresEmptyKeySegments) {
      it('DIVERGES: treats keys that differ only in empty segments as one (BlobsStorage)', async () => {
        const base = k('segments');
        await store.storage.write({ [`${base}/`]: { v: 1 } });
        assert.equal((await readOne(store.storage, base))?.v, 1);
      });
    }

    if (!divergences.acceptsEmptyKey) {
      it('refuses an empty key', async () => {
        await assert.rejects(store.storage.write({ '': { v: 1 } }));
      });
    }

    it('lets exactly one of several concurrent writes with the same eTag through', async () => {
      const key = k('race');
      await store.storage.write({ [key]: { v: 0 } });
      const read = await readOne(store.storage, key);
      const results = await Promise.allSettled([1, 2, 3, 4, 5].map((v) => store.storage.write({ [key]: { ...read, v } })));
      const won = results.filter((r) => r.status === 'fulfilled');
      assert.equal(won.length, 1, 'one write wins');
      for (const lost of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')) {
        assert.ok(isStorageConflict(lost.reason));
      }
    });

    if (divergences.noPut) return;
    describe('put (what eTag-checked saves use)', () => {
      it('creates only when nothing is stored, and returns the eTag a read then shows', async () => {
        const key = k('put-create');
        const eTag = await store.assistant!.put(key, { v: 1 }, null);
        assert.equal((await readOne(store.storage, key))!.eTag, eTag);
        await rejectsWithConflict(store.assistant!.put(key, { v: 2 }, null));
        assert.equal((await readOne(store.storage, key))!.v, 1);
      });

      it('replaces only the expected version, and chains with the returned eTags', async () => {
        const key = k('put-replace');
        const first = await store.assistant!.put(key, { v: 1 }, null);
        const second = await store.assistant!.put(key, { v: 2, eTag: 'ignored' }, first);
        await rejectsWithConflict(store.assistant!.put(key, { v: 3 }, first));
        const third = await store.assistant!.put(key, { v: 3 }, second);
        const read = await readOne(store.storage, key);
        assert.equal(read!.v, 3);
        assert.equal(read!.eTag, third);
      });

      it('fails a replace when the item was deleted, and writes anything with "*"', async () => {
        const key = k('put-deleted');
        const eTag = await store.assistant!.put(key, { v: 1 }, '*');
        await store.storage.delete([key]);
        await rejectsWithConflict(store.assistant!.put(key, { v: 2 }, eTag));
        await store.assistant!.put(key, { v: 3 }, '*');
        assert.equal((await readOne(store.storage, key))!.v, 3);
      });

      it('lets exactly one of several concurrent creates through', async () => {
        const key = k('put-race');
        const results = await Promise.allSettled([1, 2, 3, 4].map((v) => store.assistant!.put(key, { v }, null)));
        assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      });
    });
  });
}
