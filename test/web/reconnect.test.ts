import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BehaviorSubject } from 'rxjs/BehaviorSubject';
import { Observable } from 'rxjs/Observable';
import 'rxjs/add/observable/of';
import sinon from 'sinon';
import { fromRoot } from '../../common/paths';

/**
 * web/reconnect.js, the widget's reconnection, on a stand-in for botframework-directlinejs's
 * DirectLine (rxjs 5, as the library uses) and a scripted assistant, on sinon's clock: how many
 * attempts an outage costs, how soon after the assistant is back the stream and a waiting message
 * are, and that a conversation that cannot be continued is not retried.
 */

interface Reconnect {
  keepConnected(directLine: object, hooks: Record<string, unknown>): boolean;
  retryDelay(attempt: number, downMs: number, random?: () => number): number;
}

function loadScript(): Reconnect {
  // The page's timers, looked up when called (sinon's clock replaces them in each test).
  const window: Record<string, unknown> = {
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (timer: NodeJS.Timeout) => clearTimeout(timer),
  };
  new Function('window', readFileSync(fromRoot('web', 'reconnect.js'), 'utf8'))(window);
  return window.MemberAssistantReconnect as Reconnect;
}

type Answer = 'down' | 'up' | 401 | 404 | 503;

/** What the widget reaches: a scripted assistant, a DirectLine stand-in, and what happened. */
function harness(reconnect: Reconnect, random: () => number) {
  const world = { answer: 'down' as Answer, gets: [] as number[], posts: 0, sockets: [] as FakeSocket[], events: [] as string[] };
  class FakeSocket {
    private readonly listeners: Array<() => void> = [];
    constructor(readonly url: string) {
      world.sockets.push(this);
    }
    addEventListener(_name: 'open', listener: () => void) {
      this.listeners.push(listener);
    }
    open() {
      for (const listener of this.listeners) listener();
    }
  }
  const fetch = async (url: string, init: { headers: Record<string, string> }) => {
    world.gets.push(Date.now());
    assert.match(url, /\/conversations\/c1\?watermark=7$/);
    assert.equal(init.headers.Authorization, `Bearer ${directLine.token}`);
    if (world.answer === 'down') throw new TypeError('Failed to fetch');
    if (world.answer !== 'up') return { ok: false, status: world.answer, headers: new Map(), json: async () => ({}) };
    return { ok: true, status: 200, headers: new Map(), json: async () => ({ token: 'new', streamUrl: 'ws://assistant/stream?t=1' }) };
  };
  const directLine: Record<string, any> = {
    connectionStatus$: new BehaviorSubject(2),
    services: { WebSocket: FakeSocket },
    domain: 'http://assistant/v3/directline',
    conversationId: 'c1',
    watermark: '7',
    token: 'old',
    commonHeaders() {
      return { Authorization: `Bearer ${this.token}` };
    },
    reconnectToConversation: () => Observable.of(null),
    // directlinejs answers a post it could not deliver (network error, 5xx) with the id "retry".
    postActivity: () => {
      world.posts++;
      return Observable.of(world.answer === 'up' ? 'c1|0000008' : 'retry');
    },
  };
  const installed = reconnect.keepConnected(directLine, {
    random,
    fetch,
    onAway: () => world.events.push('away'),
    onBack: () => world.events.push('back'),
    onLost: (status: number) => world.events.push(`lost ${status}`),
    onGaveUp: () => world.events.push('gave up'),
  });
  assert.equal(installed, true);
  return { world, directLine };
}

describe('chat widget reconnection (web/reconnect.js)', () => {
  const reconnect = loadScript();
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({ now: 1_000_000, toFake: ['setTimeout', 'clearTimeout', 'Date'] })));
  afterEach(() => clock.restore());

  it('waits a jittered 0.25–0.5 s, then up to 1, 2 and 4 s; after two minutes away up to 15 s', () => {
    const bounds = (attempt: number, downMs = 0) => [reconnect.retryDelay(attempt, downMs, () => 0), reconnect.retryDelay(attempt, downMs, () => 1)];
    assert.deepEqual([0, 1, 2, 3, 4, 20].map((n) => bounds(n)), [[250, 500], [500, 1000], [1000, 2000], [2000, 4000], [2000, 4000], [2000, 4000]]);
    assert.deepEqual(bounds(3, 2 * 60_000), [7500, 15_000]);
  });

  for (const [name, random] of [
    ['always the longest wait', () => 1],
    ['random waits', Math.random],
  ] as const) {
    it(`an outage of a minute costs at most 35 attempts, and the stream and a waiting message are back within 4 s of the assistant (${name})`, async () => {
      const { world, directLine } = harness(reconnect, random);
      const ids: string[] = [];
      // The stream dropped and a message was typed: both wait for the assistant.
      directLine.reconnectToConversation().subscribe(() => ids.push('stream'));
      directLine.postActivity({ type: 'message', text: 'are you still there?' }).subscribe((id: string) => ids.push(id));
      await clock.tickAsync(60_000);
      assert.ok(world.gets.length <= 35, `${world.gets.length} attempts in a minute`);
      assert.ok(world.posts <= 35, `${world.posts} sends in a minute`);
      assert.deepEqual(world.events, ['away']);
      assert.deepEqual(ids, []);

      world.answer = 'up';
      const back = Date.now();
      const gets = world.gets.length;
      await clock.tickAsync(4000);
      assert.deepEqual(ids.sort(), ['c1|0000008', 'stream'], 'both back');
      assert.equal(world.gets.length, gets + 1, 'one attempt after the assistant is back');
      assert.ok(world.gets.at(-1)! - back <= 4000);
      assert.equal(directLine.token, 'new');
      assert.equal(directLine.streamUrl, 'ws://assistant/stream?t=1');
    });
  }

  it('whichever gets through first brings the other back at once', async () => {
    const { world, directLine } = harness(reconnect, () => 1);
    let streamAt = 0;
    let sentAt = 0;
    directLine.reconnectToConversation().subscribe(() => (streamAt = Date.now()));
    await clock.tickAsync(30_000);
    // The assistant is back; the member sends a message before the stream's next attempt (up to 4 s away).
    world.answer = 'up';
    directLine.postActivity({ type: 'message', text: 'hello?' }).subscribe(() => (sentAt = Date.now()));
    await clock.tickAsync(0);
    assert.ok(sentAt > 0 && streamAt === sentAt, `sent at ${sentAt}, stream at ${streamAt}`);
  });

  it('says when the member is away and when the stream is open again; the next outage starts with short waits', async () => {
    const { world, directLine } = harness(reconnect, () => 1);
    directLine.reconnectToConversation().subscribe(() => undefined);
    await clock.tickAsync(10_000);
    world.answer = 'up';
    await clock.tickAsync(4000);
    // directlinejs opens the stream through the (wrapped) WebSocket class.
    new directLine.services.WebSocket(directLine.streamUrl);
    world.sockets.at(-1)!.open();
    assert.deepEqual(world.events, ['away', 'back']);

    world.answer = 'down';
    const gets = world.gets.length;
    directLine.reconnectToConversation().subscribe(() => undefined);
    await clock.tickAsync(500);
    assert.equal(world.gets.length, gets + 1, 'the first attempt within half a second');
  });

  for (const status of [401, 404] as const) {
    it(`a conversation that cannot be continued (${status}) is not tried again, and the member is told once`, async () => {
      const { world, directLine } = harness(reconnect, () => 1);
      const emitted: unknown[] = [];
      directLine.reconnectToConversation().subscribe({ next: (v: unknown) => emitted.push(v), error: (e: unknown) => emitted.push(e) });
      await clock.tickAsync(5000);
      world.answer = status;
      await clock.tickAsync(4000);
      const gets = world.gets.length;
      await clock.tickAsync(15 * 60_000);
      assert.equal(world.gets.length, gets, 'no attempt after the refusal');
      assert.deepEqual(world.events, ['away', `lost ${status}`]);
      assert.deepEqual(emitted, [], 'the library is left waiting, not sent into its own retries');
    });
  }

  it('an assistant that stays away: given up after 15 minutes, at most 170 attempts', async () => {
    const { world, directLine } = harness(reconnect, () => 0);
    directLine.reconnectToConversation().subscribe(() => undefined);
    await clock.tickAsync(14 * 60_000);
    assert.deepEqual(world.events, ['away']);
    // At the first attempt due after 15 minutes (the waits are up to 15 s by then).
    await clock.tickAsync(75_000);
    assert.deepEqual(world.events, ['away', 'gave up']);
    assert.ok(world.gets.length <= 170, `${world.gets.length} attempts`);
    const gets = world.gets.length;
    await clock.tickAsync(10 * 60_000);
    assert.equal(world.gets.length, gets);
  });

  it('a message is re-sent for three minutes at most, then left to Web Chat’s Retry; a typing indicator never', async () => {
    const { world, directLine } = harness(reconnect, () => 1);
    const ids: string[] = [];
    directLine.postActivity({ type: 'message', text: 'hello?' }).subscribe((id: string) => ids.push(id));
    await clock.tickAsync(3 * 60_000 + 4000);
    assert.deepEqual(ids, ['retry']);
    assert.ok(world.posts <= 55, `${world.posts} sends`);

    // A typing indicator is stale a moment later: not sent again.
    const posts = world.posts;
    const typing: string[] = [];
    directLine.postActivity({ type: 'typing' }).subscribe((id: string) => typing.push(id));
    await clock.tickAsync(60_000);
    assert.deepEqual(typing, ['retry']);
    assert.equal(world.posts, posts + 1);
  });
});
