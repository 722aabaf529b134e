import assert from 'node:assert/strict';
import net from 'node:net';
import { clientAddress } from '../../http/clientAddress';
import { messageActivity } from '../support/activities';
import { post, replies, request, startAssistant, type HttpAnswer, type RunningAssistant } from '../support/assistant';
import { ConnectorTokens } from '../support/connectorTokens';
import { bearer, getGrant, postActivity, startConversation } from '../support/directline';

/** A clock the test moves by hand: rate-limit windows without waiting a minute. */
function manualClock(start = Date.UTC(2026, 0, 5, 15, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

function assertTooMany(answer: HttpAnswer, what: string): void {
  assert.equal(answer.status, 429, what);
  assert.match(answer.headers.get('retry-after') ?? '', /^[1-9]\d*$/, `${what}: Retry-After in whole seconds`);
  const body = answer.json as { error: string; message: string };
  assert.equal(body.error, 'too_many_requests', what);
  assert.ok(body.message.length > 10, `${what}: a message that says what happened`);
}

const texts = (answer: HttpAnswer) => replies(answer).map((a) => String(a.text ?? ''));

describe('hardening: rate limits, request timeouts, message length', function () {
  this.timeout(30_000);

  describe('per client address', () => {
    let running: RunningAssistant;
    let clock: ReturnType<typeof manualClock>;
    afterEach(() => running?.stop());

    it('public endpoints answer 429 with Retry-After past the budget; /healthz never; a new minute starts afresh', async () => {
      clock = manualClock();
      running = await startAssistant({ RATE_LIMIT_PER_CLIENT_PER_MINUTE: '3' }, { clock: clock.now });
      for (let i = 0; i < 3; i++) assert.equal((await request(`${running.url}/`)).status, 200);
      assertTooMany(await request(`${running.url}/static/widget.js`), 'the fourth request');
      assertTooMany(await post(`${running.url}/api/directline/token`, {}), 'the token endpoint');
      for (let i = 0; i < 5; i++) assert.equal((await request(`${running.url}/healthz`)).status, 200, 'health probes are never limited');
      const metrics = await request(`${running.url}/metrics`);
      assertTooMany(metrics, '/metrics counts too');
      clock.advance(60_000);
      assert.equal((await request(`${running.url}/`)).status, 200);
    });

    it('X-Forwarded-For is ignored unless TRUST_PROXY_HOPS says a proxy wrote it', async () => {
      running = await startAssistant({ RATE_LIMIT_PER_CLIENT_PER_MINUTE: '1' });
      assert.equal((await request(`${running.url}/`, { headers: { 'x-forwarded-for': '198.51.100.1' } })).status, 200);
      assertTooMany(await request(`${running.url}/`, { headers: { 'x-forwarded-for': '198.51.100.2' } }), 'a forged address buys no budget');
      await running.stop();

      running = await startAssistant({ RATE_LIMIT_PER_CLIENT_PER_MINUTE: '1', TRUST_PROXY_HOPS: '1' });
      assert.equal((await request(`${running.url}/`, { headers: { 'x-forwarded-for': '198.51.100.1' } })).status, 200);
      assert.equal((await request(`${running.url}/`, { headers: { 'x-forwarded-for': '198.51.100.2' } })).status, 200, 'another client behind the proxy');
      assertTooMany(await request(`${running.url}/`, { headers: { 'x-forwarded-for': '203.0.113.7, 198.51.100.1' } }), 'the entry the proxy wrote counts, not the one the client wrote');
    });

    it('/api/messages without authentication: every request counts', async () => {
      running = await startAssistant({ RATE_LIMIT_PER_CLIENT_PER_MINUTE: '2' });
      const messages = `${running.url}/api/messages`;
      assert.equal((await post(messages, messageActivity('hi', { conversation: { id: 'c-1' } }))).status, 200);
      assert.equal((await post(messages, messageActivity('hi', { conversation: { id: 'c-2' } }))).status, 200);
      const refused = await post(messages, messageActivity('hi', { conversation: { id: 'c-3' } }));
      assertTooMany(refused, 'the third message');
      assert.ok(refused.headers.get('x-correlation-id'));
    });

    it('/api/messages with authentication: the Bot Connector\'s valid traffic never counts, refused requests do', async () => {
      const tokens = await new ConnectorTokens().start();
      try {
        running = await startAssistant({ ...tokens.env, RATE_LIMIT_PER_CLIENT_PER_MINUTE: '2' });
        const messages = `${running.url}/api/messages`;
        const serviceUrl = 'https://smba.trafficmanager.net/amer/';
        for (let i = 0; i < 5; i++) {
          const answer = await post(
            messages,
            messageActivity('hi', { channelId: 'msteams', serviceUrl, conversation: { id: `teams-${i}` } }),
            { authorization: `Bearer ${await tokens.token(serviceUrl)}` },
          );
          assert.equal(answer.status, 200, `valid request ${i + 1}`);
        }
        assert.equal((await post(messages, messageActivity('hi'), { authorization: 'Bearer forged' })).status, 401);
        assert.equal((await post(messages, 'not json')).status, 400);
        assertTooMany(await post(messages, messageActivity('hi'), { authorization: 'Bearer forged' }), 'a client that keeps failing');
      } finally {
        await tokens.stop();
      }
    });

    it('reads client addresses carefully: IPv4-mapped IPv6, IPv6 by /64, junk', () => {
      const req = (remoteAddress: string, xff?: string) =>
        ({ socket: { remoteAddress }, headers: xff === undefined ? {} : { 'x-forwarded-for': xff } }) as never;
      assert.equal(clientAddress(req('::ffff:203.0.113.5')), '203.0.113.5');
      assert.equal(clientAddress(req('2001:db8:1:2:aaaa::1')), clientAddress(req('2001:db8:1:2:bbbb::9')), 'one /64, one budget');
      assert.notEqual(clientAddress(req('2001:db8:1:2::1')), clientAddress(req('2001:db8:1:3::1')));
      assert.equal(clientAddress(req('10.0.0.1', 'not-an-ip'), 1), 'unknown');
      assert.equal(clientAddress(req('10.0.0.1', '198.51.100.4, 10.0.0.2'), 2), '198.51.100.4');
      assert.equal(clientAddress(req('10.0.0.1', '198.51.100.4'), 3), '198.51.100.4', 'fewer entries than proxies: the leftmost');
    });
  });

  describe('per conversation', () => {
    let running: RunningAssistant;
    afterEach(() => running?.stop());

    it('past the budget: one note asking to slow down, then 429 — but an emergency always gets through', async () => {
      running = await startAssistant({ RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '3', RATE_LIMIT_PER_CLIENT_PER_MINUTE: '0' });
      const messages = `${running.url}/api/messages`;
      const conversation = { id: 'flood-1' };
      for (let i = 0; i < 3; i++) assert.equal((await post(messages, messageActivity('billing', { conversation }))).status, 200);

      const noted = await post(messages, messageActivity('billing', { conversation }));
      assert.equal(noted.status, 200);
      assert.deepEqual(texts(noted).length, 1);
      assert.match(texts(noted)[0]!, /faster than I can answer/);
      assert.match(texts(noted)[0]!, /911/);

      assertTooMany(await post(messages, messageActivity('billing', { conversation })), 'the next one');

      const emergency = await post(messages, messageActivity('I want to kill myself', { conversation }));
      assert.equal(emergency.status, 200, 'never refused');
      assert.match(texts(emergency).join('\n'), /988/);

      const other = await post(messages, messageActivity('billing', { conversation: { id: 'flood-2' } }));
      assert.equal(other.status, 200, 'other conversations are not affected');
      assert.ok(texts(other).length > 0);
      const metrics = await request(`${running.url}/metrics`);
      assert.match(metrics.text, /^assistant_rate_limited_total\{scope="conversation"\} 2$/m);
    });

    it('in the chat widget: the flood message is refused before it is stored (Web Chat shows it as not sent); emergencies get through', async () => {
      running = await startAssistant({ RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '2', RATE_LIMIT_PER_CLIENT_PER_MINUTE: '0' });
      const grant = await getGrant(running.url);
      await startConversation(grant);
      const say = (text: string) => postActivity(grant, { type: 'message', text, from: { id: 'x' }, locale: 'en-US' });
      assert.equal((await say('one')).status, 200);
      assert.equal((await say('two')).status, 200);
      assert.equal((await say('three')).status, 200, 'stored, answered with the note');
      assertTooMany(await say('four'), 'the fourth');
      assert.equal((await say('I swallowed bleach')).status, 200);
      const page = await request(`${grant.domain}/conversations/${grant.conversationId}/activities`, { headers: bearer(grant.token) });
      const transcript = (page.json as { activities: Array<{ text?: string; from: { role?: string } }> }).activities;
      const fromMember = transcript.filter((a) => a.from.role !== 'bot').map((a) => a.text);
      assert.deepEqual(fromMember, ['one', 'two', 'three', 'I swallowed bleach'], '"four" was never stored');
      const fromBot = transcript.filter((a) => a.from.role === 'bot').map((a) => a.text ?? '');
      assert.ok(fromBot.some((t) => /faster than I can answer/.test(t)));
      assert.ok(fromBot.some((t) => /Poison Control/i.test(t)));
    });
  });

  describe('message length', () => {
    let running: RunningAssistant;
    before(async () => {
      running = await startAssistant({ MAX_MESSAGE_CHARS: '120' });
    });
    after(() => running.stop());

    it('a long message is cut with a note in the member\'s language, and answered', async () => {
      const long = `How much do I owe on my bill? ${'I have a question about my statement. '.repeat(40)}`;
      const answer = await post(`${running.url}/api/messages`, messageActivity(long, { conversation: { id: 'long-1' } }));
      assert.equal(answer.status, 200);
      const said = texts(answer);
      assert.ok(said.some((t) => /read only the first 120 characters/.test(t)), said.join(' | '));
      assert.ok(said.length >= 2, 'and an answer');

      const spanish = `¿Cuánto debo en mi factura? ${'Tengo una pregunta sobre mi estado de cuenta. '.repeat(40)}`;
      const es = await post(`${running.url}/api/messages`, messageActivity(spanish, { conversation: { id: 'long-es' }, locale: 'es-US' }));
      assert.ok(texts(es).some((t) => /solo leí los primeros 120 caracteres/.test(t)), texts(es).join(' | '));
    });

    it('an emergency at the very end of a long message is still found: the check reads all of it', async () => {
      const long = `${'I have a question about my statement and my copays. '.repeat(40)} also I took too many pills`;
      const answer = await post(`${running.url}/api/messages`, messageActivity(long, { conversation: { id: 'long-2' } }));
      assert.match(texts(answer).join('\n'), /Poison Control/i);
    });

    it('cuts between characters, never inside one (emoji), and never fails', async () => {
      const emoji = `${'a'.repeat(119)}😀😀 ${'b'.repeat(2000)}`;
      const answer = await post(`${running.url}/api/messages`, messageActivity(emoji, { conversation: { id: 'long-3' } }));
      assert.equal(answer.status, 200);
      assert.ok(!answer.text.includes('\\ud83d"'), 'no lone surrogate');
    });
  });

  describe('request timeouts', () => {
    it('a client that sends its body too slowly gets 408 and is disconnected', async () => {
      const running = await startAssistant({ REQUEST_TIMEOUT_MS: '1000' });
      try {
        const { port } = new URL(running.url);
        const socket = net.connect(Number(port), '127.0.0.1');
        socket.write('POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"type":');
        const answer = await new Promise<string>((resolve) => {
          let data = '';
          socket.on('data', (chunk) => (data += chunk.toString()));
          socket.on('close', () => resolve(data));
        });
        assert.match(answer, /^HTTP\/1\.1 408 /);
      } finally {
        await running.stop();
      }
    });
  });

  it('the per-conversation budget ignores everything but messages (typing, events, updates)', async () => {
    const running = await startAssistant({ RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '1' });
    try {
      const messages = `${running.url}/api/messages`;
      const conversation = { id: 'events-1' };
      for (let i = 0; i < 3; i++) {
        const answer = await post(messages, { ...messageActivity('', { conversation }), type: 'event', name: 'something' });
        assert.equal(answer.status, 200);
      }
      assert.equal((await post(messages, messageActivity('hi', { conversation }))).status, 200);
    } finally {
      await running.stop();
    }
  });
});
