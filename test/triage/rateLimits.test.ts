import assert from 'node:assert/strict';
import { FixedWindowRateLimiter } from '../../http/rateLimit';
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
  assert.equal((answer.json as { error: string }).error, 'too_many_requests', what);
}

const texts = (answer: HttpAnswer) => replies(answer).map((a) => String(a.text ?? '')).join('\n');

/** DESIGN.md, safety rule 1: no rate limit refuses an urgent message (the real triage decides). */
describe('triage end to end (real model): the per-client rate limit never refuses an urgent message', function () {
  this.timeout(60_000);
  let running: RunningAssistant | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  it('/api/messages past the budget: an emergency or a crisis is read, answered (911 / 988) and counted; "hello" gets 429', async () => {
    const clock = manualClock();
    running = await startAssistant({ RATE_LIMIT_PER_CLIENT_PER_MINUTE: '2', RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '0' }, { clock: clock.now });
    const messages = `${running.url}/api/messages`;
    const say = (text: string, id: string) => post(messages, messageActivity(text, { conversation: { id } }));
    assert.equal((await say('hi', 'rl-1')).status, 200);
    assert.equal((await say('hi', 'rl-2')).status, 200);
    assertTooMany(await say('hello', 'rl-3'), 'over the budget, a greeting');

    const chest = await say('my chest hurts, I cannot breathe', 'rl-4');
    assert.equal(chest.status, 200, 'an emergency is never refused');
    assert.match(texts(chest), /911/);
    const crisis = await say('I want to kill myself', 'rl-5');
    assert.equal(crisis.status, 200, 'a crisis is never refused');
    assert.match(texts(crisis), /988/);
    const spanish = await say('me duele mucho el pecho y no puedo respirar', 'rl-6');
    assert.equal(spanish.status, 200, 'in Spanish too');
    assert.match(texts(spanish), /911/);

    const hello = await say('hello', 'rl-7');
    assertTooMany(hello, 'still over the budget');
    assert.ok(hello.headers.get('x-correlation-id'));
    const garbage = await post(messages, 'not json');
    assertTooMany(garbage, 'a body that cannot be read is refused as before');

    clock.advance(60_000);
    const metrics = await request(`${running.url}/metrics`);
    assert.match(metrics.text, /^assistant_rate_limited_total\{scope="client"\} 3$/m, 'three refusals counted, the urgent ones are not');
    assert.equal((await say('hi', 'rl-8')).status, 200, 'a new minute starts afresh');
  });

  it('/api/messages with authentication: an address over its budget (refused requests) still gets an authenticated urgent message through', async () => {
    const tokens = await new ConnectorTokens().start();
    try {
      running = await startAssistant({ ...tokens.env, RATE_LIMIT_PER_CLIENT_PER_MINUTE: '2', RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '0' });
      const messages = `${running.url}/api/messages`;
      const serviceUrl = 'https://smba.trafficmanager.net/amer/';
      const valid = async (text: string, id: string) =>
        post(messages, messageActivity(text, { channelId: 'msteams', serviceUrl, conversation: { id } }), { authorization: `Bearer ${await tokens.token(serviceUrl)}` });
      assert.equal((await post(messages, messageActivity('hi'), { authorization: 'Bearer forged' })).status, 401);
      assert.equal((await post(messages, messageActivity('hi'), { authorization: 'Bearer forged' })).status, 401);
      assertTooMany(await valid('hello', 'auth-1'), 'over the budget, a greeting');
      const crisis = await valid('I want to kill myself', 'auth-2');
      assert.equal(crisis.status, 200, 'a crisis is never refused');
      assert.match(texts(crisis), /988/);
      const forged = await post(messages, messageActivity('I want to kill myself'), { authorization: 'Bearer forged' });
      assert.equal(forged.status, 401, 'an urgent text buys no way around authentication');
    } finally {
      await tokens.stop();
    }
  });

  it('the local Direct Line channel past the budget: the urgent messages are stored and answered, "hello" is refused before it is stored', async () => {
    const clock = manualClock();
    // The token, the conversation start and one message use the budget of 3.
    running = await startAssistant({ RATE_LIMIT_PER_CLIENT_PER_MINUTE: '3', RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '0' }, { clock: clock.now });
    const grant = await getGrant(running.url);
    await startConversation(grant);
    const say = (text: string) => postActivity(grant, { type: 'message', text, from: { id: 'x' }, locale: 'en-US' });
    assert.equal((await say('hi')).status, 200);
    assertTooMany(await say('hello'), 'over the budget, a greeting');

    assert.equal((await say('my chest hurts, I cannot breathe')).status, 200, 'an emergency is never refused');
    assert.equal((await say('I want to kill myself')).status, 200, 'a crisis is never refused');
    assertTooMany(await say('hello'), 'still over the budget');
    // Anything else from this client is still refused, even with a valid token.
    assertTooMany(await request(`${grant.domain}/conversations/${grant.conversationId}/activities`, { headers: bearer(grant.token) }), 'reading the transcript');
    // Over the budget, a forged token gets nothing more than the 429 (a normal message) or the 401 (an urgent one).
    assertTooMany(
      await post(`${grant.domain}/conversations/${grant.conversationId}/activities`, { type: 'message', text: 'hello' }, bearer('forged')),
      'a forged token with a normal message',
    );
    assert.equal(
      (await post(`${grant.domain}/conversations/${grant.conversationId}/activities`, { type: 'message', text: 'I want to kill myself' }, bearer('forged'))).status,
      401,
      'an urgent message still needs a valid token',
    );

    clock.advance(60_000);
    const page = await request(`${grant.domain}/conversations/${grant.conversationId}/activities`, { headers: bearer(grant.token) });
    assert.equal(page.status, 200);
    const transcript = (page.json as { activities: Array<{ text?: string; from: { role?: string } }> }).activities;
    const fromMember = transcript.filter((a) => a.from.role !== 'bot').map((a) => a.text);
    assert.deepEqual(fromMember, ['hi', 'my chest hurts, I cannot breathe', 'I want to kill myself'], '"hello" was never stored');
    const fromBot = transcript.filter((a) => a.from.role === 'bot').map((a) => a.text ?? '').join('\n');
    assert.match(fromBot, /911/);
    assert.match(fromBot, /988/);
  });

  it('an urgent message over the budget is counted: the limiter charges it whether or not the key is over', () => {
    const limiter = new FixedWindowRateLimiter(2, 60_000, () => 0);
    limiter.charge('a');
    limiter.charge('a');
    assert.ok(limiter.take('a') > 0, 'two charged requests use the budget of 2');
    limiter.charge('a');
    assert.ok(limiter.peek('a') > 0);
    assert.equal(limiter.take('b'), 0, 'another client is not affected');
    const unlimited = new FixedWindowRateLimiter(0);
    unlimited.charge('a');
    assert.equal(unlimited.take('a'), 0);
  });
});
