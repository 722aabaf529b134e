import assert from 'node:assert/strict';
import { allowSend, checkCode, DEFAULT_CODE_POLICY, issueCode, looksLikeCode } from '../../identity/core/codes';
import { CircuitBreaker, CircuitOpenError } from '../../services/resilience/circuitBreaker';

describe('one-time codes', () => {
  const now = Date.parse('2025-06-05T17:00:00Z');

  it('6 digits; only a salted hash is kept; the right code verifies once typed', async () => {
    const { code, challenge } = await issueCode('EH1000001', now);
    assert.match(code, /^\d{6}$/);
    assert.ok(!JSON.stringify(challenge).includes(code), 'the code itself is not in the challenge');
    assert.equal(challenge.expiresAt, now + DEFAULT_CODE_POLICY.ttlMs);
    assert.equal((await checkCode(challenge, ` ${code.slice(0, 3)} ${code.slice(3)} `, now + 1000)).verdict, 'verified');
  });

  it('a wrong code costs a try; after the last try, and after the time limit, the code is dead', async () => {
    const { code, challenge } = await issueCode('EH1000001', now, { ...DEFAULT_CODE_POLICY, attempts: 2 });
    const wrong = code === '000000' ? '111111' : '000000';
    const first = await checkCode(challenge, wrong, now);
    assert.deepEqual([first.verdict, first.challenge.attemptsLeft], ['wrong', 1]);
    const second = await checkCode(first.challenge, wrong, now);
    assert.equal(second.verdict, 'locked');
    assert.equal((await checkCode(second.challenge, code, now)).verdict, 'locked', 'the right code is too late now');
    assert.equal((await checkCode(challenge, code, now + DEFAULT_CODE_POLICY.ttlMs)).verdict, 'expired');
  });

  it('what counts as a typed code', () => {
    for (const text of ['123456', ' 123 456 ', '123-456']) assert.equal(looksLikeCode(text), true, text);
    for (const text of ['12345', '1234567', 'code 123456', '1234-567', 'hi']) assert.equal(looksLikeCode(text), false, text);
  });

  it('at most 3 codes per number per hour', () => {
    let sent: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = allowSend(sent, now + i * 1000);
      assert.equal(r.allowed, true);
      sent = r.sentAt;
    }
    assert.equal(allowSend(sent, now + 5000).allowed, false);
    assert.equal(allowSend(sent, now + DEFAULT_CODE_POLICY.sendWindowMs + 1).allowed, true, 'an hour later');
  });
});

describe('circuit breaker', () => {
  it('closed → open after the threshold → half-open after the cooldown → closed on a good trial, open again on a bad one', async () => {
    let now = 0;
    const states: string[] = [];
    const breaker = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 1000, clock: () => now, onStateChange: (s) => states.push(s) });
    const fail = () => breaker.run(async () => Promise.reject(new Error('down')));
    await assert.rejects(fail(), /down/);
    assert.equal(breaker.state, 'closed');
    await assert.rejects(fail(), /down/);
    assert.equal(breaker.state, 'open');
    await assert.rejects(breaker.run(async () => 'never called'), CircuitOpenError);
    now = 1000;
    assert.equal(breaker.state, 'halfOpen');
    await assert.rejects(fail(), /down/);
    assert.equal(breaker.state, 'open', 'a failed trial opens it again');
    now = 2000;
    assert.equal(await breaker.run(async () => 'ok'), 'ok');
    assert.equal(breaker.state, 'closed');
    assert.deepEqual(states, ['open', 'halfOpen', 'open', 'halfOpen', 'closed']);
  });

  it('errors that are answers do not count; only one trial at a time while half-open', async () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 1, cooldownMs: 10, clock: () => now });
    await assert.rejects(breaker.run(async () => Promise.reject(new Error('not found')), () => false));
    assert.equal(breaker.state, 'closed');
    await assert.rejects(breaker.run(async () => Promise.reject(new Error('down'))));
    now = 10;
    let release!: () => void;
    const trial = breaker.run(() => new Promise<void>((resolve) => (release = resolve)));
    await assert.rejects(breaker.run(async () => 'second'), CircuitOpenError);
    release();
    await trial;
    assert.equal(breaker.state, 'closed');
  });
});
