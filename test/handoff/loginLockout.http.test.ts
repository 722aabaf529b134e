import assert from 'node:assert/strict';
import { post, startAssistant, type RunningAssistant } from '../support/assistant';
import { AGENTS, agentAccounts } from '../support/handoff';

/**
 * Sign-in limits protect against guessing without letting anyone lock an agent out: five wrong
 * passwords from one client stop that client (even with the right password: it could be guessing
 * it), never the real agent signing in from elsewhere. Clients are told apart by X-Forwarded-For
 * behind one trusted proxy (TRUST_PROXY_HOPS=1), as in a deployment behind a load balancer.
 */
describe('agent sign-in limits (real HTTP)', function () {
  this.timeout(30_000);
  let running: RunningAssistant;
  const now = Date.parse('2026-03-02T18:00:00Z');

  before(async () => {
    running = await startAssistant(
      { AGENT_ACCOUNTS: await agentAccounts(), AGENT_LOGIN_ATTEMPTS_PER_MINUTE: '5', TRUST_PROXY_HOPS: '1' },
      { clock: () => now },
    );
  });
  after(() => running?.stop());

  const login = (from: string, username: string, password: string) =>
    post(`${running.url}/api/agent/login`, { username, password }, { 'x-forwarded-for': from });

  it("someone else's five wrong passwords do not lock the real agent out", async () => {
    for (let i = 0; i < 5; i++) assert.equal((await login('203.0.113.7', 'pat', `guess ${i}`)).status, 401);
    const real = await login('198.51.100.20', 'pat', AGENTS.pat);
    assert.equal(real.status, 200, 'the right password from the agent’s own client works');
    assert.equal((real.json as { agent: { id: string } }).agent.id, 'pat');
  });

  it('the guessing client is stopped, even with the right password, and so is a client that tries many names', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await login('203.0.113.8', 'sam', `guess ${i}`)).status, 401);
    const refused = await login('203.0.113.8', 'sam', AGENTS.sam);
    assert.equal(refused.status, 429, 'no more tries for this client');
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    assert.match((refused.json as { message: string }).message, /Too many sign-in attempts/);

    // Spreading guesses over user names does not get around the per-client budget.
    let last;
    for (let i = 0; i < 6 && last?.status !== 429; i++) last = await login('203.0.113.9', `user${i}`, 'guess');
    assert.equal(last!.status, 429);
    // Meanwhile sam signs in from their own client.
    assert.equal((await login('198.51.100.21', 'sam', AGENTS.sam)).status, 200);
  });
});
