import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startAssistant, type RunningAssistant } from '../support/assistant';
import { RawClient } from '../support/rawHttp';

const raw = new RawClient();
const send = raw.send.bind(raw);

const anyValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
);

/** Activity-shaped objects whose fields are sometimes right, sometimes wrong, sometimes missing. */
const activityLike = fc.record(
  {
    type: fc.oneof(fc.constantFrom('message', 'conversationUpdate', 'event', 'invoke', 'typing', 'endOfConversation', 'messageReaction', ''), anyValue),
    channelId: fc.oneof(fc.constantFrom('webchat', 'msteams', 'sms', 'directline', 'emulator'), anyValue),
    deliveryMode: fc.oneof(fc.constant('expectReplies'), anyValue),
    conversation: fc.oneof(fc.record({ id: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), anyValue) }), anyValue),
    from: fc.oneof(fc.record({ id: fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), anyValue), role: fc.constantFrom('user', 'bot') }), anyValue),
    recipient: fc.oneof(fc.record({ id: fc.string({ minLength: 1, maxLength: 20 }) }), anyValue),
    text: fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 50 }), anyValue),
    locale: fc.oneof(fc.constantFrom('en-US', 'es-US', 'es', 'xx'), anyValue),
    serviceUrl: fc.oneof(fc.constantFrom('http://127.0.0.1:9/', 'https://example.com/'), anyValue),
    value: anyValue,
    name: anyValue,
    membersAdded: fc.oneof(fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 10 }) }), { maxLength: 3 }), anyValue),
    attachments: fc.oneof(fc.array(fc.record({ contentType: fc.string() }), { maxLength: 2 }), anyValue),
    entities: fc.oneof(fc.array(fc.object(), { maxLength: 2 }), anyValue),
    channelData: fc.oneof(fc.object(), anyValue),
    timestamp: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), anyValue),
  },
  { requiredKeys: [] },
);

describe('fuzzing the HTTP surface', function () {
  this.timeout(120_000);
  let running: RunningAssistant;

  before(async () => {
    // Rate limits off: every request reaches the routes (the limits have their own tests).
    running = await startAssistant({ MAX_BODY_BYTES: '16384', RATE_LIMIT_PER_CLIENT_PER_MINUTE: '0', RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '0' });
  });
  after(async () => {
    raw.close();
    await running.stop();
  });

  it('random activity-shaped bodies never get a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(activityLike, async (activity) => {
        const answer = await send(running.url, 'POST', '/api/messages', { 'content-type': 'application/json' }, JSON.stringify(activity));
        assert.ok(answer.status < 500, `${answer.status} ${answer.body.slice(0, 200)} for ${JSON.stringify(activity).slice(0, 300)}`);
        assert.doesNotMatch(answer.body, /\bat \S+\.js:\d+|TypeError|ReferenceError/);
      }),
      { numRuns: 1500 },
    );
  });

  it('random bytes, JSON values, methods, paths and content types never get a 5xx', async () => {
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 512 }).map((b) => Buffer.from(b)),
      fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
      fc.string({ maxLength: 300 }),
    );
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD');
    const path = fc.oneof(
      fc.constantFrom('/api/messages', '/healthz', '/', '/api/messages/', '/API/MESSAGES', '/api/messages?x=1', '/%2e%2e/etc/passwd'),
      fc.webPath().map((p) => p || '/'),
    );
    const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/vnd.api+json', '');
    await fc.assert(
      fc.asyncProperty(method, path, contentType, body, async (m, p, type, b) => {
        const headers: Record<string, string> = type ? { 'content-type': type } : {};
        const withBody = m !== 'GET' && m !== 'HEAD';
        const answer = await send(running.url, m, p, headers, withBody ? b : undefined);
        assert.ok(answer.status >= 200 && answer.status < 500, `${m} ${p} (${type}) → ${answer.status} ${answer.body.slice(0, 200)}`);
      }),
      { numRuns: 1500 },
    );
  });

  it('the server is still healthy, and memory stays flat across thousands of bad requests', async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    assert.ok(gc, 'mocha runs with --expose-gc (.mocharc.json)');
    const heap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const burst = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await send(running.url, 'POST', '/api/messages', { 'content-type': 'application/json' }, `{"type":"message","conversation":{"id":"m-${i}"},"broken":`);
      }
    };
    await burst(500);
    const before = heap();
    await burst(3000);
    const after = heap();
    const health = await send(running.url, 'GET', '/healthz', {});
    assert.equal(health.status, 200);
    assert.ok(after - before < 8 * 1024 * 1024, `heap grew by ${((after - before) / 1048576).toFixed(1)} MiB`);
  });
});
