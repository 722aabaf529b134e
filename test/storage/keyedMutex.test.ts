import assert from 'node:assert/strict';
import sinon from 'sinon';
import { KeyedMutex } from '../../storage/keyedMutex';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('keyed mutex', () => {
  it('runs work for one key one at a time, first come first served, and forgets idle keys', async () => {
    const mutex = new KeyedMutex();
    const order: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = mutex.run('k', async () => {
      order.push('first');
      await gate;
    });
    const second = mutex.run('k', async () => void order.push('second'));
    const third = mutex.run('k', async () => void order.push('third'));
    const other = mutex.run('other', async () => void order.push('other key'));
    await other;
    await tick();
    assert.deepEqual(order, ['first', 'other key']);
    release();
    await Promise.all([first, second, third]);
    assert.deepEqual(order, ['first', 'other key', 'second', 'third']);
    assert.equal(mutex.size, 0);
  });

  it('a failure releases the key', async () => {
    const mutex = new KeyedMutex();
    await assert.rejects(mutex.run('k', async () => Promise.reject(new Error('boom'))));
    assert.equal(await mutex.run('k', async () => 'next'), 'next');
  });

  it('bounds the wait: after waitMs the next one goes ahead (a stuck turn cannot block a conversation)', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const mutex = new KeyedMutex();
      const stuck = mutex.run('k', () => new Promise<void>(() => undefined));
      void stuck;
      const onTimeout = sinon.spy();
      let ran = false;
      const next = mutex.run('k', async () => void (ran = true), { waitMs: 30_000, onTimeout });
      await tick();
      clock.tick(29_999);
      await tick();
      assert.equal(ran, false);
      clock.tick(1);
      await next;
      assert.equal(ran, true);
      assert.equal(onTimeout.callCount, 1);
    } finally {
      clock.restore();
    }
  });
});
