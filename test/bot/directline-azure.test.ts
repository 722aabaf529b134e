import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { post, request, startAssistant, type RunningAssistant } from '../support/assistant';

const SECRET = 'azure-direct-line-secret-do-not-leak-7f3a';

/** A stand-in for directline.botframework.com on loopback: tokens/generate, switchable answers. */
async function startFakeAzure() {
  const seen: Array<{ url: string; authorization?: string; body: string }> = [];
  let behaviour: 'ok' | 'refuse' | 'garbage' = 'ok';
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => {
      seen.push({ url: req.url ?? '', authorization: req.headers.authorization, body });
      res.setHeader('content-type', 'application/json');
      if (behaviour === 'refuse') {
        res.statusCode = 403;
        return res.end(JSON.stringify({ error: { code: 'BadArgument', message: 'secret rejected' } }));
      }
      if (behaviour === 'garbage') return res.end('{"unexpected": true}');
      res.end(JSON.stringify({ conversationId: 'AzConv-123', token: 'azure-issued-token', expires_in: 3600 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3/directline`;
  return { server, endpoint, seen, set: (b: typeof behaviour) => (behaviour = b) };
}

describe('chat widget with Azure Direct Line (DIRECTLINE_MODE=azure)', () => {
  let azure: Awaited<ReturnType<typeof startFakeAzure>>;
  let running: RunningAssistant;

  before(async () => {
    azure = await startFakeAzure();
    running = await startAssistant({ DIRECTLINE_MODE: 'azure', DIRECTLINE_SECRET: SECRET, DIRECTLINE_ENDPOINT: azure.endpoint });
  });
  after(async () => {
    await running.stop();
    azure.server.close();
  });
  beforeEach(() => azure.set('ok'));

  it('exchanges the secret for a conversation token; the page gets { token, conversationId, domain } and never the secret', async () => {
    const answer = await post(`${running.url}/api/directline/token`, {});
    assert.equal(answer.status, 200, answer.text);
    assert.deepEqual(answer.json, { token: 'azure-issued-token', conversationId: 'AzConv-123', domain: azure.endpoint });
    const call = azure.seen.at(-1)!;
    assert.equal(call.url, '/v3/directline/tokens/generate');
    assert.equal(call.authorization, `Bearer ${SECRET}`);
    assert.match(JSON.parse(call.body).user.id, /^dl_/, 'a user id the token is bound to');
    assert.ok(!answer.text.includes(SECRET));
    assert.ok(!running.logs.all.includes(SECRET), 'the secret is never logged');
  });

  it('answers 502 when Azure refuses or answers something unexpected, never with the secret', async () => {
    for (const behaviour of ['refuse', 'garbage'] as const) {
      azure.set(behaviour);
      const answer = await post(`${running.url}/api/directline/token`, {});
      assert.equal(answer.status, 502, `${behaviour}: ${answer.text}`);
      assert.equal((answer.json as { error: string }).error, 'directline_error');
      assert.ok(!answer.text.includes(SECRET));
    }
    assert.ok(!running.logs.all.includes(SECRET));
  });

  it('answers 503 with Retry-After when Azure cannot be reached', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const unreachable = await startAssistant({
      DIRECTLINE_MODE: 'azure',
      DIRECTLINE_SECRET: SECRET,
      DIRECTLINE_ENDPOINT: `http://127.0.0.1:${port}/v3/directline`,
    });
    try {
      const answer = await post(`${unreachable.url}/api/directline/token`, {});
      assert.equal(answer.status, 503, answer.text);
      assert.ok(answer.headers.get('retry-after'));
      assert.ok(!answer.text.includes(SECRET));
    } finally {
      await unreachable.stop();
    }
  });

  it('does not run the local channel, and lets the page connect to Azure', async () => {
    assert.equal((await post(`${running.url}/v3/directline/conversations`, {})).status, 404);
    const page = await request(`${running.url}/`);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy') ?? '';
    const origin = new URL(azure.endpoint).origin;
    assert.match(csp, new RegExp(`connect-src 'self' ${origin} ${origin.replace('http', 'ws')}`));
  });
});
