import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAssistant } from '../../bot/app';
import { ConfigError, loadConfig } from '../../bot/config';
import { hashPassword } from '../../handoff/core/accounts';
import { AgentConsoleError } from '../../handoff/http/consolePage';
import { silentLogger } from '../../common/logger';
import { post, request, startAssistant, type RunningAssistant } from '../support/assistant';
import { bearer, getGrant } from '../support/directline';
import { Agent, AGENTS, agentAccounts } from '../support/handoff';

/** Only signed-in agents reach the agent endpoints; members never do. */
describe('agent authentication (real HTTP)', function () {
  this.timeout(30_000);
  let running: RunningAssistant;
  let now = Date.parse('2026-03-02T18:00:00Z');

  before(async () => {
    running = await startAssistant({ AGENT_ACCOUNTS: await agentAccounts(), AGENT_SESSION_TTL_MINUTES: '60', AGENT_LOGIN_ATTEMPTS_PER_MINUTE: '5' }, { clock: () => now });
  });
  after(() => running?.stop());

  const endpoints = [
    ['GET', '/api/agent/escalations'],
    ['GET', '/api/agent/escalations/esc_abcdefghijkl'],
    ['POST', '/api/agent/escalations/esc_abcdefghijkl/claim'],
    ['POST', '/api/agent/escalations/esc_abcdefghijkl/messages'],
    ['POST', '/api/agent/escalations/esc_abcdefghijkl/resolve'],
    ['GET', '/api/agent/events'],
    ['GET', '/api/agent/me'],
    ['GET', '/api/agent/links'],
    ['POST', '/api/agent/logout'],
  ] as const;

  it('refuses every agent endpoint without a session: 401 with a clear message', async () => {
    for (const [method, route] of endpoints) {
      const answer = await request(`${running.url}${route}`, { method, headers: { 'content-type': 'application/json' }, body: method === 'POST' ? '{"text":"x"}' : undefined });
      assert.equal(answer.status, 401, `${method} ${route}`);
      assert.equal((answer.json as any).error, 'unauthorized');
      assert.match((answer.json as any).message, /sign in/i);
      assert.match(answer.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.equal(answer.headers.get('cache-control'), 'no-store');
    }
  });

  it("refuses a member's Direct Line token, a forged token and another scheme", async () => {
    const grant = await getGrant(running.url);
    for (const headers of [bearer(grant.token), bearer(`mas_${'A'.repeat(43)}`), { authorization: `Basic ${Buffer.from('pat:x').toString('base64')}` }]) {
      const answer = await request(`${running.url}/api/agent/escalations`, { headers });
      assert.equal(answer.status, 401);
    }
  });

  it('signs in with a user name and password, and the session ends when it expires', async () => {
    const login = await post(`${running.url}/api/agent/login`, { username: 'pat', password: AGENTS.pat });
    assert.equal(login.status, 200);
    const body = login.json as { token: string; expiresAt: string; agent: { id: string; name: string } };
    assert.match(body.token, /^mas_/);
    assert.deepEqual(body.agent, { id: 'pat', name: 'Pat' });
    assert.equal(body.expiresAt, new Date(now + 60 * 60_000).toISOString());
    const agent = new Agent(running.url, body.token);
    assert.equal((await agent.get('/api/agent/me')).status, 200);

    now += 61 * 60_000;
    const expired = await agent.get('/api/agent/escalations');
    assert.equal(expired.status, 401);
    assert.equal((expired.json as any).error, 'session_expired');
    assert.ok(!running.logs.all.includes(body.token), 'the token is never logged');
  });

  it('signing out revokes the session', async () => {
    const agent = await Agent.login(running.url, 'sam', AGENTS.sam);
    assert.equal((await agent.post('/api/agent/logout', {})).status, 204);
    assert.equal((await agent.get('/api/agent/escalations')).status, 401);
  });

  it('wrong passwords and bad bodies get clear 4xx answers; too many attempts get 429', async () => {
    const wrong = await post(`${running.url}/api/agent/login`, { username: 'pat', password: 'nope' });
    assert.equal(wrong.status, 401);
    assert.deepEqual(wrong.json, { error: 'invalid_credentials', message: 'The user name or password is wrong.' });
    const unknown = await post(`${running.url}/api/agent/login`, { username: 'nobody', password: 'nope' });
    assert.equal(unknown.status, 401, 'an unknown user looks like a wrong password');

    const missing = await post(`${running.url}/api/agent/login`, { username: 'pat' });
    assert.equal(missing.status, 400);
    assert.match((missing.json as any).message, /password/);
    const extra = await post(`${running.url}/api/agent/login`, { username: 'pat', password: 'x', admin: true });
    assert.equal(extra.status, 400);
    const notJson = await post(`${running.url}/api/agent/login`, 'username=pat', { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(notJson.status, 415);

    const agent = await Agent.login(running.url, 'sam', AGENTS.sam);
    const badMessage = await agent.post('/api/agent/escalations/esc_abcdefghijkl/messages', { text: '' });
    assert.equal(badMessage.status, 400);
    assert.equal((badMessage.json as any).error, 'invalid_body');
    const noId = await agent.post('/api/agent/escalations/not-an-id/claim');
    assert.equal(noId.status, 404);
    const unknownId = await agent.get('/api/agent/escalations/esc_abcdefghijkl');
    assert.equal(unknownId.status, 404);
    const badOutcome = await agent.post('/api/agent/escalations/esc_abcdefghijkl/resolve', { outcome: 'maybe' });
    assert.equal(badOutcome.status, 400);

    let limited;
    for (let i = 0; i < 6 && limited?.status !== 429; i++) limited = await post(`${running.url}/api/agent/login`, { username: 'pat', password: `guess ${i}` });
    assert.equal(limited!.status, 429);
    assert.ok(Number(limited!.headers.get('retry-after')) > 0);
  });
});

describe('agent sign-in by environment', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'agent-auth-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('development with no accounts: the demo agent, shown on the sign-in page', async () => {
    const running = await startAssistant({ NODE_ENV: 'development', STORAGE: 'file', DATA_DIR: dir });
    try {
      const page = await request(`${running.url}/agent`);
      assert.equal(page.status, 200);
      assert.match(page.text, /sign in as <code>demo-agent<\/code> with the password <code>demo-agent<\/code>/);
      assert.equal((await post(`${running.url}/api/agent/login`, { username: 'demo-agent', password: 'demo-agent' })).status, 200);
    } finally {
      await running.stop();
    }
  });

  it('test and production modes have no demo agent', async () => {
    const running = await startAssistant({ AGENT_ACCOUNTS: await agentAccounts() });
    try {
      assert.equal((await post(`${running.url}/api/agent/login`, { username: 'demo-agent', password: 'demo-agent' })).status, 401);
      assert.doesNotMatch((await request(`${running.url}/agent`)).text, /demo-agent/);
    } finally {
      await running.stop();
    }
  });

  const production = { NODE_ENV: 'production', STORAGE: 'file', DIRECTLINE_MODE: 'off', PORT: '0', HOST: '127.0.0.1' };

  it('production refuses to start with the demo credentials', async () => {
    const accounts = `demo-agent:${await hashPassword('demo-agent')}`;
    await assert.rejects(
      createAssistant(loadConfig({ ...production, DATA_DIR: dir, AGENT_ACCOUNTS: accounts }), { logger: silentLogger() }),
      (err: Error) => err instanceof AgentConsoleError && /demo agent's credentials \(demo-agent\)/.test(err.message) && !err.message.includes('\n'),
    );
    const renamed = `pat:${await hashPassword('demo-agent')}`;
    await assert.rejects(createAssistant(loadConfig({ ...production, DATA_DIR: dir, AGENT_ACCOUNTS: renamed }), { logger: silentLogger() }), AgentConsoleError);
  });

  it('production: queue mode needs a way for agents to sign in; without one the default is contact', () => {
    assert.throws(() => loadConfig({ ...production, DATA_DIR: dir, HANDOFF_MODE: 'queue' }), (err: Error) => err instanceof ConfigError && /HANDOFF_MODE is queue but no agent can sign in/.test(err.message));
    assert.equal(loadConfig({ ...production, DATA_DIR: dir }).handoff.mode, 'contact');
    assert.equal(loadConfig({ NODE_ENV: 'development' }).handoff.mode, 'queue');
  });

  it('bad AGENT_ACCOUNTS stop start-up with a line that names the problem and not the hash', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'test', AGENT_ACCOUNTS: 'pat:scrypt$1$2$3$salt$notahash' }),
      (err: Error) => err instanceof ConfigError && /AGENT_ACCOUNTS account 1: passwordHash: expected a hash made by npm run agent:hash-password/.test(err.message) && !err.message.includes('notahash'),
    );
    assert.throws(() => loadConfig({ NODE_ENV: 'test', AGENT_ACCOUNTS: 'pat' }), /AGENT_ACCOUNTS expected entries of the form username:scrypt/);
    assert.throws(() => loadConfig({ NODE_ENV: 'test', AGENT_OIDC_ISSUER: 'https://login.example.org' }), /AGENT_OIDC_CLIENT_ID required/);
  });
});
