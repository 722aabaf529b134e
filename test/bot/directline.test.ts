import assert from 'node:assert/strict';
import { decodeJwt } from 'jose';
import { post, request, startAssistant, type RunningAssistant } from '../support/assistant';
import { ScriptedDialog } from '../support/scriptedDialog';
import {
  bearer,
  ConnectionStatus,
  DirectLineClient,
  getGrant,
  message,
  postActivity,
  RawStream,
  startConversation,
  type Grant,
} from '../support/directline';

/**
 * The local Direct Line 3.0 channel against a real server: the official client
 * (botframework-directlinejs, what Web Chat runs) and plain HTTP + WebSocket.
 */
describe('local Direct Line channel', function () {
  this.timeout(30_000);
  let running: RunningAssistant;
  let dialog: ScriptedDialog;
  const clients: DirectLineClient[] = [];
  const streams: RawStream[] = [];

  const client = (options: ConstructorParameters<typeof DirectLineClient>[0]) => {
    const c = new DirectLineClient(options);
    clients.push(c);
    return c;
  };
  const stream = (url: string) => {
    const s = new RawStream(url);
    streams.push(s);
    return s;
  };

  before(async () => {
    dialog = new ScriptedDialog();
    running = await startAssistant({ DIRECTLINE_TOKEN_SECRET: 'test-signing-key-0123456789-abcdefghijklmnop' }, { mainDialog: dialog });
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.end();
    for (const s of streams.splice(0)) s.close();
  });
  after(() => running.stop());

  describe('POST /api/directline/token', () => {
    it('answers exactly { token, conversationId, domain }, not cached, with a token bound to that conversation', async () => {
      const answer = await post(`${running.url}/api/directline/token`, {});
      assert.equal(answer.status, 200, answer.text);
      const grant = answer.json as Grant;
      assert.deepEqual(Object.keys(grant).sort(), ['conversationId', 'domain', 'token']);
      assert.equal(grant.domain, `${running.url}/v3/directline`);
      assert.equal(answer.headers.get('cache-control'), 'no-store');
      const claims = decodeJwt(grant.token);
      assert.equal(claims.conv, grant.conversationId);
      assert.match(String(claims.user), /^dl_/, 'an anonymous user id, with the prefix Azure reserves for ids in tokens');
      assert.ok(Number(claims.exp) - Number(claims.iat) === 1800, 'short-lived (30 minutes by default)');
      const other = (await post(`${running.url}/api/directline/token`, '')).json as Grant;
      assert.notEqual(other.conversationId, grant.conversationId, 'every call is a new conversation');
    });

    it('works without a body, and refuses a body that is not a JSON object', async () => {
      const bare = await request(`${running.url}/api/directline/token`, { method: 'POST' });
      assert.equal(bare.status, 200, bare.text);
      assert.equal((await post(`${running.url}/api/directline/token`, '[1]')).status, 400);
      assert.equal((await post(`${running.url}/api/directline/token`, '{"a":')).status, 400);
    });
  });

  describe('with botframework-directlinejs over WebSocket', () => {
    it('starts the conversation, shows the welcome, and answers a message in order: echo, typing, reply', async () => {
      const grant = await getGrant(running.url);
      const c = client({ token: grant.token, domain: grant.domain, webSocket: true });
      const welcome = await c.botMessage(/echo|./);
      assert.match((welcome as { text: string }).text, /Evergreen Health member assistant/, 'the welcome came from the conversationUpdate');
      assert.equal(welcome.conversation?.id, grant.conversationId);
      assert.equal(welcome.channelId, 'directline');
      assert.ok((welcome as { suggestedActions?: { actions: unknown[] } }).suggestedActions?.actions.length, 'topics as suggested actions');

      const id = await c.post(message('hello'));
      assert.match(id, new RegExp(`^${grant.conversationId}\\|\\d{7}$`));
      const reply = await c.botMessage(/^echo: hello$/);
      const after = c.activities.slice(c.activities.findIndex((a) => a.id === id));
      assert.deepEqual(
        after.map((a) => `${a.type}:${a.from.role}`),
        ['message:user', 'typing:bot', 'message:bot'],
        'the echo Web Chat waits for, the typing indicator, then the answer',
      );
      assert.equal(after[0]!.from.id, decodeJwt(grant.token).user, 'the member is who the token says, whatever the client claims');
      assert.equal((after[0] as { text?: string }).text, 'hello');
      assert.equal((reply as { replyToId?: string }).replyToId, id);
      assert.ok(c.statuses.includes(ConnectionStatus.Online));
    });

    it('delivers several replies of one turn as separate activities, in order, and turns one after the other', async () => {
      const grant = await getGrant(running.url);
      const c = client({ token: grant.token, domain: grant.domain, webSocket: true });
      await c.botMessage(/member assistant/);
      const start = c.activities.length;
      await Promise.all([c.post(message('three')), c.post(message('first')), c.post(message('second'))]);
      await c.botMessage(/^echo: second$/, start);
      const texts = c.activities
        .slice(start)
        .filter((a) => a.type === 'message' && a.from.role === 'bot')
        .map((a) => (a as { text: string }).text);
      assert.deepEqual(texts, ['one', 'two', 'three', 'echo: first', 'echo: second']);
      const ids = c.activities.slice(start).filter((a) => a.type !== 'typing').map((a) => a.id!);
      assert.deepEqual([...ids].sort(), ids, 'ids grow with the conversation');
      assert.equal(new Set(ids).size, ids.length, 'nothing twice');
    });

    it('the typing indicator does not count as an answer (prompts still send their retry prompt)', async () => {
      const grant = await getGrant(running.url);
      const c = client({ token: grant.token, domain: grant.domain, webSocket: true });
      await c.botMessage(/member assistant/);
      await c.post(message('responded?'));
      await c.botMessage(/^responded=false$/);
    });

    it('reconnects from a watermark without losing or repeating activities', async () => {
      const grant = await getGrant(running.url);
      const first = client({ token: grant.token, domain: grant.domain, webSocket: true });
      await first.botMessage(/member assistant/);
      await first.post(message('before'));
      await first.botMessage(/^echo: before$/);
      const watermark = (first.directLine as unknown as { watermark: string }).watermark;
      assert.match(watermark, /^\d+$/, 'the client keeps the watermark as a string');
      first.end();

      // While no client is connected the conversation goes on.
      assert.equal((await postActivity(grant, message('while away'))).status, 200);

      const second = client({ token: grant.token, domain: grant.domain, conversationId: grant.conversationId, watermark, webSocket: true });
      await second.botMessage(/^echo: while away$/);
      await second.post(message('after'));
      await second.botMessage(/^echo: after$/);
      const texts = second.activities.filter((a) => a.type === 'message').map((a) => `${a.from.role}:${(a as { text: string }).text}`);
      assert.deepEqual(texts, ['user:while away', 'bot:echo: while away', 'user:after', 'bot:echo: after']);
    });

    it('a reconnect with no watermark gets the whole conversation (a reloaded page shows it again)', async () => {
      const grant = await getGrant(running.url);
      const first = client({ token: grant.token, domain: grant.domain, webSocket: true });
      await first.post(message('remember me'));
      await first.botMessage(/^echo: remember me$/);
      first.end();
      const again = client({ token: grant.token, domain: grant.domain, conversationId: grant.conversationId, webSocket: true });
      await again.botMessage(/^echo: remember me$/);
      const welcomes = again.activities.filter((a) => /member assistant/.test((a as { text?: string }).text ?? ''));
      assert.equal(welcomes.length, 1, 'the welcome is not sent again');
      assert.ok(!again.activities.some((a) => a.type === 'typing'), 'typing indicators are not replayed');
    });
  });

  describe('with botframework-directlinejs polling (no WebSocket)', () => {
    it('starts, posts and receives replies through GET activities with the watermark', async () => {
      const grant = await getGrant(running.url);
      const c = client({ token: grant.token, domain: grant.domain, webSocket: false });
      await c.botMessage(/member assistant/);
      await c.post(message('polling'));
      await c.botMessage(/^echo: polling$/);
      await c.post(message('again'));
      await c.botMessage(/^echo: again$/);
      const ids = c.activities.map((a) => a.id);
      assert.equal(new Set(ids).size, ids.length, 'the watermark keeps polling from repeating anything');
    });
  });

  describe('over plain HTTP and WebSocket', () => {
    it('answers the REST calls as Direct Line 3.0 does', async () => {
      const grant = await getGrant(running.url);
      const started = await post(`${grant.domain}/conversations`, {}, bearer(grant.token));
      assert.equal(started.status, 201);
      const body = started.json as { conversationId: string; token: string; expires_in: number; streamUrl: string };
      assert.equal(body.conversationId, grant.conversationId);
      assert.ok(body.expires_in > 1700 && body.expires_in <= 1800);
      assert.match(body.streamUrl, new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${grant.conversationId}/stream\\?`));
      const again = await post(`${grant.domain}/conversations`, {}, bearer(grant.token));
      assert.equal(again.status, 200, 'starting again is no error and sends no second welcome');

      const s = stream(body.streamUrl);
      await s.botMessage(/member assistant/);
      const answer = await postActivity(grant, message('rest'));
      assert.equal(answer.status, 200);
      const { id } = answer.json as { id: string };
      await s.botMessage(/^echo: rest$/);

      const page = await request(`${grant.domain}/conversations/${grant.conversationId}/activities?watermark=`, { headers: bearer(grant.token) });
      assert.equal(page.status, 200);
      const { activities, watermark } = page.json as { activities: Array<Record<string, any>>; watermark: string };
      assert.equal(typeof watermark, 'string');
      assert.match(activities[0]!.text, /member assistant/);
      assert.deepEqual(activities.slice(1).map((a) => a.text), ['rest', 'echo: rest']);
      assert.equal(activities[1].id, id);
      assert.ok(activities.every((a) => typeof a.timestamp === 'string' && a.channelId === 'directline'));
      const later = await request(`${grant.domain}/conversations/${grant.conversationId}/activities?watermark=${watermark}`, { headers: bearer(grant.token) });
      assert.deepEqual((later.json as { activities: unknown[] }).activities, [], 'nothing after the latest watermark');
      const middle = await request(`${grant.domain}/conversations/${grant.conversationId}/activities?watermark=1`, { headers: bearer(grant.token) });
      assert.deepEqual((middle.json as { activities: Array<{ id: string }> }).activities.map((a) => a.id), activities.slice(1).map((a) => a.id));
    });

    it('a stream opened from a watermark sends what came after it, then live activities', async () => {
      const grant = await getGrant(running.url);
      const started = await startConversation(grant);
      const s1 = stream(started.streamUrl);
      await s1.botMessage(/member assistant/);
      const watermark = s1.lastWatermark!;
      s1.close();
      await s1.closed;
      await postActivity(grant, message('missed'));

      const reconnect = await request(`${grant.domain}/conversations/${grant.conversationId}?watermark=${watermark}`, { headers: bearer(grant.token) });
      assert.equal(reconnect.status, 200);
      const { streamUrl } = reconnect.json as { streamUrl: string };
      const s2 = stream(streamUrl);
      await s2.botMessage(/^echo: missed$/);
      assert.deepEqual(s2.activities.map((a) => a.text), ['missed', 'echo: missed'], 'only what came after the watermark');
      await postActivity(grant, message('live'));
      await s2.botMessage(/^echo: live$/);
      assert.equal(s2.lastWatermark, String(Number(watermark) + 4));
    });

    it('two starts at once make one conversation with one welcome', async () => {
      const grant = await getGrant(running.url);
      const answers = await Promise.all([1, 2, 3].map(() => post(`${grant.domain}/conversations`, {}, bearer(grant.token))));
      assert.deepEqual(answers.map((a) => a.status).sort(), [200, 200, 201]);
      const s = stream((answers[0]!.json as { streamUrl: string }).streamUrl);
      await s.botMessage(/member assistant/);
      await postActivity(grant, message('after the start'));
      await s.botMessage(/^echo: after the start$/);
      assert.equal(s.activities.filter((a) => /member assistant/.test(a.text ?? '')).length, 1);
    });

    it('429 when too many messages wait for their turn in one conversation', async () => {
      const grant = await getGrant(running.url);
      await startConversation(grant);
      dialog.reset();
      const slow = postActivity(grant, message('slow'));
      await dialog.entered;
      // One turn runs, at most 10 wait (the running one included): of 10 more, one is refused.
      const more = Array.from({ length: 10 }, (_, i) => postActivity(grant, message(`queued ${i}`)));
      const refused = await Promise.race(more.map((p) => p.then((a) => (a.status === 429 ? a : new Promise<never>(() => undefined)))));
      assert.ok(refused.headers.get('retry-after'));
      dialog.release();
      assert.equal((await slow).status, 200);
      assert.deepEqual((await Promise.all(more)).map((a) => a.status).sort(), [...Array(9).fill(200), 429]);
    });

    it('sends empty keep-alive messages on idle streams', async () => {
      const quick = await startAssistant({}, { mainDialog: new ScriptedDialog(), directLine: { keepAliveMs: 50 } });
      try {
        const grant = await getGrant(quick.url);
        const s = stream((await startConversation(grant)).streamUrl);
        await s.waitFor((x) => x.keepAlives >= 2, 'two keep-alives');
      } finally {
        await quick.stop();
      }
    });

    it('runs the same turn pipeline as /api/messages: a failing turn gets the turn-error answer', async () => {
      const grant = await getGrant(running.url);
      const s = stream((await startConversation(grant)).streamUrl);
      await s.botMessage(/member assistant/);
      assert.equal((await postActivity(grant, message('boom'))).status, 200);
      await s.botMessage(/something went wrong on my side.*911/i);
      assert.ok(running.logs.entries.some((e) => e.msg === 'turn failed'));
      await postActivity(grant, message('fine'));
      await s.botMessage(/^echo: fine$/);
    });
  });
});
