import assert from 'node:assert/strict';
import { decodeJwt, SignJWT, UnsecuredJWT } from 'jose';
import { MemoryStorage, type TurnContext, type ConversationReference } from 'botbuilder';
import { DIRECTLINE_PREFIX } from '../../directline/routes';
import type { IdentityAssertionHandler } from '../../identity/bot/assertionEvent';
import { post, request, startAssistant, type RunningAssistant } from '../support/assistant';
import { ScriptedDialog } from '../support/scriptedDialog';
import {
  bearer,
  DirectLineClient,
  getGrant,
  message,
  postActivity,
  RawStream,
  startConversation,
  type Grant,
} from '../support/directline';

/**
 * The local Direct Line 3.0 channel against a real server: what it refuses (bad tokens, bad
 * posts, floods), its memory bounds, the identity assertion, proactive messages and its modes.
 */
describe('local Direct Line channel: refusals, limits and modes', function () {
  this.timeout(30_000);
  let running: RunningAssistant;
  let dialog: ScriptedDialog;
  const assertions: string[] = [];
  const identity: IdentityAssertionHandler = { receive: async (_context, assertion) => void assertions.push(assertion) };
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
    running = await startAssistant({ DIRECTLINE_TOKEN_SECRET: 'test-signing-key-0123456789-abcdefghijklmnop' }, { mainDialog: dialog, identity });
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.end();
    for (const s of streams.splice(0)) s.close();
  });
  after(() => running.stop());

  describe('refuses bad tokens', () => {
    let grant: Grant;
    let conversation: string;
    before(async () => {
      grant = await getGrant(running.url);
      await startConversation(grant);
      conversation = `${grant.domain}/conversations/${grant.conversationId}`;
    });

    const statusOf = async (headers: Record<string, string>) => (await post(`${conversation}/activities`, message('x'), headers)).status;

    it('401 without a token, with garbage, a forged signature or alg "none"', async () => {
      assert.equal(await statusOf({}), 401);
      assert.equal(await statusOf({ authorization: 'Bearer not-a-token' }), 401);
      assert.equal(await statusOf({ authorization: `Basic ${grant.token}` }), 401);
      const claims = decodeJwt(grant.token);
      const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('an-attacker-key-0123456789-abcdefghijkl'));
      assert.equal(await statusOf(bearer(forged)), 401, 'forged');
      const none = new UnsecuredJWT(claims).encode();
      assert.equal(await statusOf(bearer(none)), 401, 'alg none');
      const [header, , signature] = grant.token.split('.');
      const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, user: 'dl_someone-else' })).toString('base64url')}.${signature}`;
      assert.equal(await statusOf(bearer(tampered)), 401, 'changed claims');
    });

    it('403 for a token of another conversation, on every call', async () => {
      const other = await getGrant(running.url);
      await startConversation(other);
      assert.equal(await statusOf(bearer(other.token)), 403);
      assert.equal((await request(`${conversation}/activities`, { headers: bearer(other.token) })).status, 403);
      assert.equal((await request(conversation, { headers: bearer(other.token) })).status, 403);
    });

    it('403 for an expired token (what directlinejs treats as "token expired"), and the refresh refuses it too', async () => {
      let now = Date.now();
      const clocked = await startAssistant({}, { mainDialog: new ScriptedDialog(), directLine: { now: () => now } });
      try {
        const g = await getGrant(clocked.url);
        await startConversation(g);
        now += 1801_000;
        const answer = await postActivity(g, message('late'));
        assert.equal(answer.status, 403);
        assert.equal((answer.json as { error: string }).error, 'token_expired');
        assert.equal((await post(`${g.domain}/tokens/refresh`, '', bearer(g.token))).status, 403);
      } finally {
        await clocked.stop();
      }
    });

    it('a stream URL needs its own stream token, for that conversation', async () => {
      const started = await startConversation(grant);
      const url = new URL(started.streamUrl);
      url.searchParams.set('t', grant.token);
      await assert.rejects(stream(url.toString()).opened, { status: 401 }, 'a REST token is not a stream token');
      url.searchParams.delete('t');
      await assert.rejects(stream(url.toString()).opened, { status: 401 });
      const other = await getGrant(running.url);
      const otherStream = new URL((await startConversation(other)).streamUrl);
      otherStream.pathname = url.pathname;
      await assert.rejects(stream(otherStream.toString()).opened, { status: 403 });
      const stranger = new URL(started.streamUrl);
      stranger.pathname = '/v3/directline/conversations/nope/elsewhere';
      await assert.rejects(stream(stranger.toString()).opened, { status: 404 });
    });

    it('a stream token is not accepted by the REST API', async () => {
      const started = await startConversation(grant);
      const streamToken = new URL(started.streamUrl).searchParams.get('t')!;
      assert.equal(await statusOf(bearer(streamToken)), 401);
    });
  });

  describe('refuses bad posts with a 4xx', () => {
    let grant: Grant;
    before(async () => {
      grant = await getGrant(running.url);
      await startConversation(grant);
    });

    it('413 for a body over MAX_BODY_BYTES', async () => {
      const answer = await postActivity(grant, message('x'.repeat(300 * 1024)));
      assert.equal(answer.status, 413);
    });

    it('400 for malformed JSON or an activity the channel does not take; 415 for a non-JSON body', async () => {
      const url = `${grant.domain}/conversations/${grant.conversationId}/activities`;
      assert.equal((await post(url, '{"type":', bearer(grant.token))).status, 400);
      assert.equal((await post(url, '[]', bearer(grant.token))).status, 400);
      for (const bad of [
        { type: 'conversationUpdate' },
        { text: 'no type' },
        { type: 'message', text: 42 },
        { type: 'event' },
        { type: 'event', name: 'member/identity', value: { not: 'a string' } },
        { type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'blob:http://x/1' }] },
        { type: 'message', locale: 'not a locale!' },
      ]) {
        const answer = await post(url, bad, bearer(grant.token));
        assert.equal(answer.status, 400, JSON.stringify(bad));
        assert.equal((answer.json as { error: string }).error, 'invalid_activity');
      }
      const text = await request(url, { method: 'POST', headers: { ...bearer(grant.token), 'content-type': 'text/plain' }, body: 'hi' });
      assert.equal(text.status, 415);
      const watermark = await request(`${url}?watermark=abc`, { headers: bearer(grant.token) });
      assert.equal(watermark.status, 400);
    });

    it('404 for a conversation that was never started or does not exist', async () => {
      const unstarted = await getGrant(running.url);
      assert.equal((await postActivity(unstarted, message('hi'))).status, 404);
      assert.equal((await request(`${unstarted.domain}/conversations/${unstarted.conversationId}`, { headers: bearer(unstarted.token) })).status, 404);
      assert.equal((await post(`${unstarted.domain}/tokens/refresh`, '', bearer(unstarted.token))).status, 404);
    });
  });

  describe('tokens', () => {
    it('refreshes a valid token for the same conversation and member', async () => {
      const grant = await getGrant(running.url);
      await startConversation(grant);
      const answer = await request(`${grant.domain}/tokens/refresh`, { method: 'POST', headers: bearer(grant.token) });
      assert.equal(answer.status, 200, answer.text);
      const refreshed = answer.json as { token: string; conversationId: string; expires_in: number };
      assert.equal(refreshed.conversationId, grant.conversationId);
      assert.equal(refreshed.expires_in, 1800);
      assert.equal(decodeJwt(refreshed.token).user, decodeJwt(grant.token).user);
      assert.equal((await postActivity({ ...grant, token: refreshed.token }, message('with the new token'))).status, 200);
    });

    it('limits token requests per client address (429 with Retry-After)', async () => {
      const limited = await startAssistant({ DIRECTLINE_TOKENS_PER_MINUTE: '2' }, { mainDialog: new ScriptedDialog() });
      try {
        assert.equal((await post(`${limited.url}/api/directline/token`, {})).status, 200);
        assert.equal((await post(`${limited.url}/api/directline/token`, {})).status, 200);
        const third = await post(`${limited.url}/api/directline/token`, {});
        assert.equal(third.status, 429);
        assert.ok(Number(third.headers.get('retry-after')) >= 1);
      } finally {
        await limited.stop();
      }
    });
  });

  describe('the identity assertion', () => {
    it('reaches the bot as a member/identity event and is kept out of the transcript and the logs', async () => {
      const assertion = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtZW1iZXItNDIifQ.c2lnbmF0dXJlLXNlY3JldA';
      const grant = await getGrant(running.url);
      const c = client({ token: grant.token, domain: grant.domain, webSocket: true });
      await c.botMessage(/member assistant/);
      await c.post({ type: 'event', name: 'member/identity', value: assertion, from: { id: 'x' } });
      assert.ok(assertions.includes(assertion), 'the bot got it');
      const page = await request(`${grant.domain}/conversations/${grant.conversationId}/activities`, { headers: bearer(grant.token) });
      assert.ok(page.text.includes('member/identity'), 'the event is in the transcript');
      assert.ok(!page.text.includes(assertion), 'without its value');
      assert.ok(!c.activities.some((a) => JSON.stringify(a).includes(assertion)), 'nor in the echo');
      assert.ok(!running.logs.all.includes(assertion), 'never logged');
    });
  });

  describe('passwords typed into the chat', () => {
    it('are masked in the stored transcript and the echo; the assistant still warns the member', async () => {
      const real = await startAssistant();
      try {
        const grant = await getGrant(real.url);
        const s = stream((await startConversation(grant)).streamUrl);
        await s.botMessage(/member assistant/);
        const typed = 'I cannot sign in, my password is Hunter2!xyz';
        await postActivity(grant, message(typed));
        const echo = await s.waitFor((x) => x.activities.find((a) => a.from?.role === 'user'), 'the echo');
        assert.equal(echo.text, 'I cannot sign in, my password is ********');
        await s.botMessage(/password/i);

        // A lone password right after a sign-in question: only the assistant knows the context.
        const before = s.activities.length;
        await postActivity(grant, message('Tr0ub4dor&3'));
        await s.waitFor((x) => x.activities.slice(before).some((a) => a.from?.role === 'bot' && a.type === 'message'), 'an answer');
        const transcript = await request(`${grant.domain}/conversations/${grant.conversationId}/activities`, { headers: bearer(grant.token) });
        assert.ok(!transcript.text.includes('Hunter2!xyz'), 'the first password is not stored');
        assert.ok(!transcript.text.includes('Tr0ub4dor&3'), 'nor the second');
        assert.ok(!real.logs.all.includes('Hunter2!xyz') && !real.logs.all.includes('Tr0ub4dor&3'), 'nor logged');
      } finally {
        await real.stop();
      }
    });
  });

  describe('proactive messages', () => {
    it('continueConversationAsync reaches a local conversation (e.g. an agent answering later)', async () => {
      const grant = await getGrant(running.url);
      const s = stream((await startConversation(grant)).streamUrl);
      await s.botMessage(/member assistant/);
      const welcome = s.activities.find((a) => a.from?.role === 'bot')!;
      const reference: Partial<ConversationReference> = {
        channelId: 'directline',
        serviceUrl: 'https://directline.local.invalid/',
        conversation: { id: grant.conversationId, isGroup: false, conversationType: '', name: '' },
        bot: { id: 'member-assistant', name: 'Member Assistant' },
        user: { id: welcome.recipient.id, name: '' },
      };
      await running.assistant.adapter.continueConversationAsync('', reference, async (context: TurnContext) => {
        await context.sendActivity('An agent has joined.');
      });
      await s.botMessage(/^An agent has joined\.$/);
    });
  });

  describe('memory bounds', () => {
    it('keeps at most the configured number of activities per conversation', async () => {
      const small = await startAssistant({}, { mainDialog: new ScriptedDialog(), directLine: { limits: { maxActivities: 4 } } });
      try {
        const grant = await getGrant(small.url);
        await startConversation(grant);
        for (const text of ['a', 'b', 'c']) await postActivity(grant, message(text));
        const page = await request(`${grant.domain}/conversations/${grant.conversationId}/activities`, { headers: bearer(grant.token) });
        const { activities, watermark } = page.json as { activities: Array<{ text: string }>; watermark: string };
        assert.deepEqual(activities.map((a) => a.text), ['b', 'echo: b', 'c', 'echo: c']);
        assert.equal(watermark, '7', 'the watermark keeps counting');
      } finally {
        await small.stop();
      }
    });

    it('drops conversations idle for CONVERSATION_IDLE_MINUTES and the oldest beyond DIRECTLINE_MAX_CONVERSATIONS', async () => {
      let now = Date.now();
      const storage = new MemoryStorage();
      const bounded = await startAssistant(
        { CONVERSATION_IDLE_MINUTES: '5', DIRECTLINE_MAX_CONVERSATIONS: '10' },
        { mainDialog: new ScriptedDialog(), storage, directLine: { now: () => now } },
      );
      try {
        const idle = await getGrant(bounded.url);
        const idleStream = stream((await startConversation(idle)).streamUrl);
        await idleStream.botMessage(/member assistant/);
        now += 6 * 60_000;
        assert.equal((await postActivity(idle, message('still there?'))).status, 404, 'an idle conversation has ended');

        const grants: Grant[] = [];
        for (let i = 0; i < 11; i++) {
          const g = await getGrant(bounded.url);
          await startConversation(g);
          grants.push(g);
          now += 1000;
        }
        assert.equal((await postActivity(grants[0]!, message('first'))).status, 404, 'the least recently active made room');
        assert.equal((await postActivity(grants[10]!, message('last'))).status, 200);
        await idleStream.closed;
        // MemoryStorage.delete leaves the key with no value.
        const memory = (storage as unknown as { memory: Record<string, unknown> }).memory;
        const kept = Object.keys(memory).filter((k) => k.startsWith('directline-local/') && memory[k] !== undefined);
        assert.equal(kept.length, 10, 'storage holds the kept conversations only');
      } finally {
        await bounded.stop();
      }
    });
  });

  describe('modes', () => {
    it('DIRECTLINE_MODE=off serves neither the page, the token endpoint nor the channel', async () => {
      const off = await startAssistant({ DIRECTLINE_MODE: 'off' });
      try {
        assert.equal((await post(`${off.url}/api/directline/token`, {})).status, 404);
        assert.equal((await request(`${off.url}/`)).status, 404);
        assert.equal((await post(`${off.url}${DIRECTLINE_PREFIX}/conversations`, {})).status, 404);
      } finally {
        await off.stop();
      }
    });

    it('works with authentication on (turns run in process; no Bot Connector token involved)', async () => {
      const secured = await startAssistant({
        MicrosoftAppId: '00000000-0000-4000-8000-000000000001',
        MicrosoftAppPassword: 'not-used-for-the-local-channel',
        DIRECTLINE_TOKEN_SECRET: 'test-signing-key-0123456789-abcdefghijklmnop',
      });
      try {
        const grant = await getGrant(secured.url);
        const c = client({ token: grant.token, domain: grant.domain, webSocket: true });
        await c.botMessage(/member assistant/);
        const before = c.activities.length;
        await c.post(message('hello'));
        await c.botMessage(/./, before);
        const unauthenticated = await post(`${secured.url}/api/messages`, { type: 'message', channelId: 'directline', conversation: { id: grant.conversationId }, from: { id: 'x' }, deliveryMode: 'expectReplies' });
        assert.equal(unauthenticated.status, 401, '/api/messages still requires Bot Connector tokens');
      } finally {
        await secured.stop();
      }
    });
  });

  it('a graceful stop closes open streams with "going away" after the turns in flight', async () => {
    const stopping = await startAssistant({}, { mainDialog: new ScriptedDialog() });
    const grant = await getGrant(stopping.url);
    const s = stream((await startConversation(grant)).streamUrl);
    await s.botMessage(/member assistant/);
    assert.equal(await stopping.assistant.stop(), true);
    assert.equal(await s.closed, 1001);
  });
});
