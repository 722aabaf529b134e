import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { post, request, startAssistant, type RunningAssistant } from '../support/assistant';
import { Agent } from '../support/handoff';

/**
 * A small OpenID Connect provider on loopback: discovery, an authorization endpoint that signs
 * "Robin" in at once, a token endpoint that checks the code, PKCE and the client secret, and its
 * JWKS. `tamper` makes it misbehave the ways a console must not accept.
 */
class FakeProvider {
  private server!: Server;
  issuer = '';
  private key!: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];
  private jwk!: JWK;
  private codes = new Map<string, { challenge: string; nonce: string; redirect: string; clientId: string }>();
  tamper: { nonce?: string; audience?: string; issuer?: string } = {};
  tokenRequests = 0;

  async start(): Promise<this> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    this.key = privateKey;
    this.jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', this.issuer);
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (url.pathname === '/.well-known/openid-configuration') {
        return json(200, { issuer: this.issuer, authorization_endpoint: `${this.issuer}/authorize`, token_endpoint: `${this.issuer}/token`, jwks_uri: `${this.issuer}/jwks` });
      }
      if (url.pathname === '/jwks') return json(200, { keys: [this.jwk] });
      if (url.pathname === '/authorize') {
        const p = url.searchParams;
        assert.equal(p.get('response_type'), 'code');
        assert.equal(p.get('code_challenge_method'), 'S256');
        assert.match(p.get('scope') ?? '', /openid/);
        const code = `code-${this.codes.size + 1}`;
        this.codes.set(code, { challenge: p.get('code_challenge')!, nonce: p.get('nonce')!, redirect: p.get('redirect_uri')!, clientId: p.get('client_id')! });
        res.writeHead(302, { location: `${p.get('redirect_uri')}?code=${code}&state=${encodeURIComponent(p.get('state')!)}` });
        return res.end();
      }
      if (url.pathname === '/token' && req.method === 'POST') {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', async () => {
          this.tokenRequests++;
          const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
          const grant = this.codes.get(form.get('code') ?? '');
          this.codes.delete(form.get('code') ?? '');
          const basic = Buffer.from(String(req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');
          const verifier = form.get('code_verifier') ?? '';
          const pkce = createHash('sha256').update(verifier).digest('base64url');
          if (!grant || basic !== 'agent-console:s3cret' || pkce !== grant.challenge || form.get('redirect_uri') !== grant.redirect) {
            return json(400, { error: 'invalid_grant' });
          }
          const idToken = await new SignJWT({ nonce: this.tamper.nonce ?? grant.nonce, name: 'Robin Ortiz', email: 'robin@plan.example' })
            .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
            .setSubject('robin-123')
            .setIssuer(this.tamper.issuer ?? this.issuer)
            .setAudience(this.tamper.audience ?? grant.clientId)
            .setIssuedAt()
            .setExpirationTime('5m')
            .sign(this.key);
          json(200, { access_token: 'at', token_type: 'Bearer', id_token: idToken });
        });
        return;
      }
      json(404, { error: 'not_found' });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('agent sign-in with OpenID Connect (fake provider on loopback)', function () {
  this.timeout(30_000);
  let provider: FakeProvider;
  let running: RunningAssistant;

  before(async () => {
    provider = await new FakeProvider().start();
    running = await startAssistant({ AGENT_OIDC_ISSUER: provider.issuer, AGENT_OIDC_CLIENT_ID: 'agent-console', AGENT_OIDC_CLIENT_SECRET: 's3cret' });
  });
  afterEach(() => (provider.tamper = {}));
  after(async () => {
    await running?.stop();
    await provider?.stop();
  });

  /** The browser's part: follow the redirects by hand, keeping the state cookie. */
  async function signIn(options: { dropCookie?: boolean; replay?: boolean } = {}): Promise<URL> {
    const start = await fetch(`${running.url}/agent/oidc/login`, { redirect: 'manual' });
    assert.equal(start.status, 302);
    const cookie = (start.headers.get('set-cookie') ?? '').split(';')[0]!;
    assert.match(start.headers.get('set-cookie') ?? '', /HttpOnly; SameSite=Lax/);
    const authorize = new URL(start.headers.get('location')!);
    assert.equal(authorize.origin, provider.issuer);
    assert.equal(authorize.searchParams.get('redirect_uri'), `${running.url}/agent/oidc/callback`);
    const consent = await fetch(authorize, { redirect: 'manual' });
    const callback = consent.headers.get('location')!;
    let back = await fetch(callback, { redirect: 'manual', headers: options.dropCookie ? {} : { cookie } });
    if (options.replay) back = await fetch(callback, { redirect: 'manual', headers: { cookie } });
    assert.equal(back.status, 302);
    return new URL(back.headers.get('location')!, running.url);
  }

  it('signs an agent in: code flow with PKCE, state and nonce, ID token verified against the JWKS', async () => {
    const landing = await signIn();
    assert.equal(landing.pathname, '/agent');
    const code = landing.searchParams.get('login')!;
    assert.ok(code, `landed on ${landing}`);
    const exchange = await post(`${running.url}/api/agent/oidc/exchange`, { code });
    assert.equal(exchange.status, 200, exchange.text);
    const { token, agent } = exchange.json as { token: string; agent: { id: string; name: string } };
    assert.deepEqual(agent, { id: 'oidc:robin-123', name: 'Robin Ortiz' });
    const me = await new Agent(running.url, token).get('/api/agent/me');
    assert.equal((me.json as any).via, 'oidc');
    assert.equal((await new Agent(running.url, token).get('/api/agent/escalations')).status, 200);

    const again = await post(`${running.url}/api/agent/oidc/exchange`, { code });
    assert.equal(again.status, 401, 'the hand-over code works once');
  });

  it('refuses an ID token with the wrong nonce, audience or issuer', async () => {
    for (const tamper of [{ nonce: 'someone-else' }, { audience: 'another-app' }, { issuer: 'https://evil.example' }]) {
      provider.tamper = tamper;
      const landing = await signIn();
      assert.equal(landing.searchParams.get('error'), 'oidc_failed', JSON.stringify(tamper));
      assert.equal(landing.searchParams.get('login'), null);
    }
  });

  it('refuses a callback that this browser did not start (no state cookie), and never reuses a state', async () => {
    const before = provider.tokenRequests;
    const landing = await signIn({ dropCookie: true });
    assert.equal(landing.searchParams.get('error'), 'oidc_failed');
    assert.equal(provider.tokenRequests, before, 'the code was not even redeemed');
    assert.equal((await signIn({ replay: true })).searchParams.get('error'), 'oidc_failed', 'a state is used once');
    const page = await request(`${running.url}/agent`);
    assert.match(page.text, /Sign in with your organisation account/);
    assert.match(page.text, /<form id="ac-login" class="ac-login" hidden>/, 'no password form without accounts');
    assert.equal((await post(`${running.url}/api/agent/login`, { username: 'x', password: 'y' })).status, 400);
  });
});
