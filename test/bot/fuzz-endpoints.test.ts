import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startAssistant, type RunningAssistant } from '../support/assistant';
import { RawClient, type RawAnswer } from '../support/rawHttp';
import { getGrant, startConversation, type Grant } from '../support/directline';

/**
 * Fuzzing the endpoints around the chat widget and operations: the Direct Line REST channel, the
 * token endpoint (with CORS), /metrics. Random methods, paths, tokens, origins and bodies against
 * a real server: never a 5xx, never a stack trace or a version in an answer, and the server stays
 * healthy. Kept to a few thousand requests so it runs in every `npm test`.
 */

const raw = new RawClient();
const send = raw.send.bind(raw);

/** Nothing a client sees may say what runs here or where in the code something went wrong. */
function assertNothingLeaks(answer: RawAnswer, what: string): void {
  assert.ok(answer.status < 500, `${what} → ${answer.status} ${answer.body.slice(0, 200)}`);
  assert.doesNotMatch(answer.body, /\bat \S+\.js:\d+|TypeError|ReferenceError|node_modules|restify|botbuilder/i, what);
  assert.equal(answer.headers.server, undefined, `${what}: no Server header`);
  assert.equal(answer.headers['x-powered-by'], undefined, `${what}: no X-Powered-By header`);
}

const anyValue = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 10 }), { maxKeys: 3 }));

describe('fuzzing the chat and operations endpoints', function () {
  this.timeout(120_000);
  let running: RunningAssistant;
  let grant: Grant;
  let other: Grant;

  before(async () => {
    running = await startAssistant({
      MAX_BODY_BYTES: '16384',
      RATE_LIMIT_PER_CLIENT_PER_MINUTE: '0',
      RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '0',
      DIRECTLINE_TOKENS_PER_MINUTE: '0',
      CORS_ORIGINS: 'https://portal.example.org',
    });
    grant = await getGrant(running.url);
    await startConversation(grant);
    other = await getGrant(running.url);
  });
  after(async () => {
    raw.close();
    await running.stop();
  });

  it('the Direct Line REST endpoints: random tokens, ids, watermarks and activities never get a 5xx', async () => {
    const conversation = fc.oneof(
      fc.constant(() => grant.conversationId),
      fc.constant(() => other.conversationId),
      fc.string({ maxLength: 70 }).map((s) => () => encodeURIComponent(s) || 'x'),
      fc.constantFrom(() => '..%2F..%2Fetc', () => '%00', () => 'a'.repeat(65)),
    );
    const auth = fc.oneof(
      fc.constant(() => `Bearer ${grant.token}`),
      fc.constant(() => `Bearer ${other.token}`),
      fc.constant(() => ''),
      fc.string({ maxLength: 60 }).map((s) => () => `Bearer ${s.replace(/[\r\n]/g, '')}`),
      fc.constant(() => `Bearer ${grant.token.slice(0, -4)}AAAA`),
    );
    const route = fc.constantFrom('', '/activities', '/activities?watermark=', '/activities?watermark=-1', '/activities?watermark=99999999999999999', '/stream', '/x');
    const activity = fc.oneof(
      fc.record(
        {
          type: fc.oneof(fc.constantFrom('message', 'event', 'typing', 'invoke', 'conversationUpdate'), anyValue),
          text: fc.oneof(fc.string({ maxLength: 300 }), anyValue),
          name: anyValue,
          value: anyValue,
          from: fc.oneof(fc.record({ id: fc.string({ maxLength: 20 }), name: fc.string({ maxLength: 20 }) }), anyValue),
          locale: fc.oneof(fc.constantFrom('en-US', 'es-US', 'xx'), anyValue),
          channelData: anyValue,
          attachments: fc.oneof(fc.array(fc.record({ contentType: fc.string(), contentUrl: fc.string() }), { maxLength: 2 }), anyValue),
        },
        { requiredKeys: [] },
      ).map((a) => JSON.stringify(a)),
      fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
      fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'), conversation, route, auth, activity, async (method, id, tail, token, body) => {
        const path = `/v3/directline/conversations/${id()}${tail}`;
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        const bearer = token();
        if (bearer) headers.authorization = bearer;
        const answer = await send(running.url, method, path, headers, method === 'GET' ? undefined : body);
        assertNothingLeaks(answer, `${method} ${path}`);
      }),
      { numRuns: 700 },
    );
  });

  it('starting conversations and refreshing tokens with random tokens and bodies never get a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/v3/directline/conversations', '/v3/directline/tokens/refresh', '/v3/directline/tokens/generate', '/v3/directline'),
        fc.oneof(fc.constant(`Bearer ${grant.token}`), fc.constant(`Bearer ${other.token}`), fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ''))),
        fc.oneof(fc.constant(undefined), fc.jsonValue().map((v) => JSON.stringify(v) ?? ''), fc.string({ maxLength: 100 })),
        async (path, authorization, body) => {
          const headers: Record<string, string> = { 'content-type': 'application/json', authorization };
          const answer = await send(running.url, 'POST', path, headers, body);
          assertNothingLeaks(answer, `POST ${path}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the token endpoint and its CORS preflight: random origins, methods, content types and bodies never get a 5xx', async () => {
    const origin = fc.oneof(
      fc.constantFrom('https://portal.example.org', 'https://evil.example.net', 'null', 'http://127.0.0.1', ''),
      fc.webUrl().map((u) => new URL(u).origin),
      fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, '')),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('POST', 'OPTIONS', 'GET'),
        origin,
        fc.constantFrom('application/json', 'text/plain', '', 'application/x-www-form-urlencoded'),
        fc.constantFrom('POST', 'GET', 'DELETE', ''),
        fc.oneof(fc.constant(''), fc.constant('{}'), fc.jsonValue().map((v) => JSON.stringify(v) ?? ''), fc.uint8Array({ maxLength: 100 }).map((b) => Buffer.from(b))),
        async (method, from, type, requested, body) => {
          const headers: Record<string, string> = {};
          if (from) headers.origin = from;
          if (type) headers['content-type'] = type;
          if (method === 'OPTIONS' && requested) headers['access-control-request-method'] = requested;
          const answer = await send(running.url, method, '/api/directline/token', headers, method === 'GET' ? undefined : body);
          assertNothingLeaks(answer, `${method} /api/directline/token from ${from}`);
          const allowed = answer.headers['access-control-allow-origin'];
          if (allowed !== undefined) assert.equal(allowed, 'https://portal.example.org', 'CORS is only ever granted to a configured origin');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('/metrics: random credentials and forwarding headers get 200, 401 or 403, never more', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(''), fc.string({ maxLength: 40 }).map((s) => `Bearer ${s.replace(/[\r\n]/g, '')}`), fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ''))),
        fc.oneof(fc.constant(''), fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, ''))),
        fc.constantFrom('GET', 'HEAD', 'POST'),
        async (authorization, forwarded, method) => {
          const headers: Record<string, string> = {};
          if (authorization) headers.authorization = authorization;
          if (forwarded) headers['x-forwarded-for'] = forwarded;
          const answer = await send(running.url, method, '/metrics', headers);
          assertNothingLeaks(answer, `${method} /metrics`);
          if (method !== 'GET') assert.equal(answer.status, 405);
          else if (forwarded) assert.equal(answer.status, 403, 'a request through a proxy is not this machine');
          else assert.equal(answer.status, 200);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is still healthy and answers a real conversation afterwards', async () => {
    const health = await send(running.url, 'GET', '/healthz', {});
    assert.equal(health.status, 200);
    const answer = await send(
      running.url,
      'POST',
      `/v3/directline/conversations/${grant.conversationId}/activities`,
      { 'content-type': 'application/json', authorization: `Bearer ${grant.token}` },
      JSON.stringify({ type: 'message', text: 'hi', from: { id: 'x' } }),
    );
    assert.equal(answer.status, 200);
  });
});
