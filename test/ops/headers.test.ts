import assert from 'node:assert/strict';
import http from 'node:http';
import { pageContentSecurityPolicy, securityHeaders } from '../../http/securityHeaders';
import { messageActivity } from '../support/activities';
import { startAssistant, type RunningAssistant } from '../support/assistant';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Raw> {
  const url = new URL(base);
  const framed = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers: framed }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const PORTAL = 'https://portal.example.org';

describe('security headers and CORS', function () {
  this.timeout(20_000);
  let running: RunningAssistant;

  before(async () => {
    running = await startAssistant({ CORS_ORIGINS: `${PORTAL}, https://www.example.org`, FRAME_ANCESTORS: PORTAL, HSTS_MAX_AGE_SECONDS: '31536000' });
  });
  after(() => running.stop());

  it('every answer — pages, JSON, restify\'s own 404 / 405, errors — has the baseline headers and says nothing about the software', async () => {
    const requests: Array<[string, string, Record<string, string>?, string?]> = [
      ['GET', '/'],
      ['GET', '/static/widget.js'],
      ['GET', '/healthz'],
      ['GET', '/metrics'],
      ['GET', '/no/such/thing'],
      ['GET', '/api/messages'],
      ['DELETE', '/'],
      ['POST', '/api/messages', { 'content-type': 'application/json' }, '{"broken":'],
      ['POST', '/api/messages', { 'content-type': 'text/plain' }, 'hi'],
      ['POST', '/api/messages', { 'content-type': 'application/json' }, JSON.stringify(messageActivity('hi'))],
      ['POST', '/api/directline/token', { 'content-type': 'application/json' }, '{}'],
      ['GET', '/v3/directline/conversations/abc/activities'],
      ['GET', '/%zz'],
    ];
    for (const [method, path, headers, body] of requests) {
      const answer = await send(running.url, method, path, headers, body);
      const what = `${method} ${path} → ${answer.status}`;
      assert.ok(answer.status < 500, what);
      assert.equal(answer.headers['x-content-type-options'], 'nosniff', what);
      assert.ok(answer.headers['content-security-policy'], `${what}: a Content-Security-Policy`);
      assert.match(String(answer.headers['content-security-policy']), /frame-ancestors/, what);
      assert.ok(answer.headers['referrer-policy'], what);
      assert.equal(answer.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains', what);
      assert.equal(answer.headers.server, undefined, `${what}: no Server header`);
      assert.equal(answer.headers['x-powered-by'], undefined, what);
      // Page and script bodies are our own files; /metrics names Node's process metrics (nodejs_*).
      const everything = JSON.stringify(answer.headers) + (['/', '/static/widget.js', '/metrics'].includes(path) ? '' : answer.body);
      if (path === '/metrics') assert.doesNotMatch(answer.body, /version/i, 'no version info among the metrics either');
      // A stack frame is "at fn (file:line:col)" or "at file:line:col" (not "call us at 1-800-…" in a reply).
      assert.doesNotMatch(everything, /restify|botbuilder|node\.?js|v20\.|\bat (?:[^\s"]+ \()?[^\s"()]+:\d+:\d+/i, `${what}: no software names, versions or stack traces`);
      if (!String(answer.headers['content-type'] ?? '').startsWith('text/html') && path !== '/static/widget.js' && path !== '/metrics') {
        assert.equal(answer.headers['content-security-policy'], "default-src 'none'; frame-ancestors 'none'", `${what}: an API answer allows nothing`);
      }
    }
  });

  it('the chat page: scripts from its own origin only, framed by itself and FRAME_ANCESTORS only', async () => {
    const page = await send(running.url, 'GET', '/');
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, new RegExp(`frame-ancestors 'self' ${PORTAL.replace(/\./g, '\\.')}(;|$)`));
    assert.doesNotMatch(csp, /www\.example\.org/, 'CORS origins are not frame ancestors');
    assert.equal(page.headers['referrer-policy'], 'same-origin');
    assert.match(String(page.headers['permissions-policy']), /camera=\(\)/);
  });

  it('the shared helper for other pages (the agent console): same policy, framed by nobody else', () => {
    const headers = new Map<string, string>();
    securityHeaders({ setHeader: (name: string, value: string) => headers.set(name, value) } as unknown as http.ServerResponse, {
      connectOrigins: ['wss://example.org'],
    });
    assert.match(headers.get('Content-Security-Policy')!, /frame-ancestors 'self'(;|$)/);
    assert.match(headers.get('Content-Security-Policy')!, /connect-src 'self' wss:\/\/example\.org/);
    assert.equal(headers.get('X-Content-Type-Options'), 'nosniff');
    assert.match(pageContentSecurityPolicy({ inlineStyles: false }), /style-src 'self';/);
  });

  describe('CORS', () => {
    it('a configured portal origin may call the token endpoint: preflight and request', async () => {
      const preflight = await send(running.url, 'OPTIONS', '/api/directline/token', {
        origin: PORTAL,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers['access-control-allow-origin'], PORTAL);
      assert.match(String(preflight.headers['access-control-allow-methods']), /POST/);
      assert.match(String(preflight.headers['access-control-allow-headers']), /Content-Type/i);
      assert.match(String(preflight.headers['access-control-allow-headers']), /Authorization/i);
      assert.equal(preflight.headers['access-control-allow-credentials'], undefined, 'no cookies involved');

      const grant = await send(running.url, 'POST', '/api/directline/token', { origin: PORTAL, 'content-type': 'application/json' }, '{}');
      assert.equal(grant.status, 200);
      assert.equal(grant.headers['access-control-allow-origin'], PORTAL);
      assert.match(String(grant.headers.vary), /Origin/);

      const directLine = await send(running.url, 'OPTIONS', '/v3/directline/conversations', { origin: PORTAL, 'access-control-request-method': 'POST' });
      assert.equal(directLine.status, 204, 'Direct Line too (a portal page running Web Chat itself)');
    });

    it('any other origin is refused, preflight or not', async () => {
      const preflight = await send(running.url, 'OPTIONS', '/api/directline/token', { origin: 'https://evil.example.net', 'access-control-request-method': 'POST' });
      assert.equal(preflight.status, 403);
      assert.equal(preflight.headers['access-control-allow-origin'], undefined);
      const grant = await send(running.url, 'POST', '/api/directline/token', { origin: 'https://evil.example.net', 'content-type': 'application/json' }, '{}');
      assert.equal(grant.status, 403);
      assert.equal((JSON.parse(grant.body) as { error: string }).error, 'origin_not_allowed');
      const disallowedMethod = await send(running.url, 'OPTIONS', '/api/directline/token', { origin: PORTAL, 'access-control-request-method': 'DELETE' });
      assert.equal(disallowedMethod.status, 403);
    });

    it('the chat page itself (same origin) and servers (no Origin) need no CORS', async () => {
      const sameOrigin = await send(running.url, 'POST', '/api/directline/token', { origin: running.url, 'content-type': 'application/json' }, '{}');
      assert.equal(sameOrigin.status, 200);
      assert.equal(sameOrigin.headers['access-control-allow-origin'], undefined);
      const server = await send(running.url, 'POST', '/api/directline/token', { 'content-type': 'application/json' }, '{}');
      assert.equal(server.status, 200);
    });

    it('/api/messages and /metrics have no CORS at all, even for a portal origin', async () => {
      const preflight = await send(running.url, 'OPTIONS', '/api/messages', { origin: PORTAL, 'access-control-request-method': 'POST' });
      assert.equal(preflight.status, 405);
      assert.equal(preflight.headers['access-control-allow-origin'], undefined);
      const message = await send(running.url, 'POST', '/api/messages', { origin: PORTAL, 'content-type': 'application/json' }, JSON.stringify(messageActivity('hi')));
      assert.equal(message.headers['access-control-allow-origin'], undefined);
      const metrics = await send(running.url, 'GET', '/metrics', { origin: PORTAL });
      assert.equal(metrics.headers['access-control-allow-origin'], undefined);
    });
  });
});
