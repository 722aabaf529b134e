import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Request, Response } from 'restify';
import { createHttpServer } from '../../http/server';
import { Lifecycle } from '../../common/lifecycle';
import { messageActivity } from '../support/activities';
import { post, startAssistant, type RunningAssistant } from '../support/assistant';
import { LogCapture } from '../support/logs';

describe('security: the HTTP edge (issue 17)', function () {
  this.timeout(20_000);
  let running: RunningAssistant;
  before(async () => {
    running = await startAssistant();
  });
  after(() => running.stop());

  it('JSON nested 40,000 levels deep inside `conversation` with expectReplies → 400 with a JSON body, not an empty 500', async () => {
    const depth = 40_000;
    const deep = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    const activity = JSON.stringify(messageActivity('hi')).replace('"conversation":{"id":"conv-1"}', `"conversation":{"id":"conv-deep","x":${deep}}`);
    const answer = await post(`${running.url}/api/messages`, activity);
    assert.equal(answer.status, 400, answer.text.slice(0, 200));
    assert.equal((answer.json as { error: string }).error, 'invalid_json');
    // Deep but legitimate JSON (and brackets inside strings) still goes through.
    const fine = await post(`${running.url}/api/messages`, messageActivity('{[{[{[ hi ]}]}]}', { channelData: { a: { b: { c: { d: [[[1]]] } } } } }));
    assert.equal(fine.status, 200, fine.text);
  });

  it('only application/json (UTF-8) is read as JSON: charset=utf-16 and +json types get 415', async () => {
    for (const type of ['application/json; charset=utf-16', 'application/evil+json', 'application/json-patch+json', 'text/plain', 'application/jsonx']) {
      for (const path of ['/api/messages', '/api/directline/token']) {
        const answer = await post(`${running.url}${path}`, messageActivity('hi'), { 'content-type': type });
        assert.equal(answer.status, 415, `${type} on ${path}: ${answer.status}`);
      }
    }
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;charset="UTF-8"']) {
      const answer = await post(`${running.url}/api/messages`, messageActivity('hi'), { 'content-type': type });
      assert.equal(answer.status, 200, `${type}: ${answer.text}`);
    }
  });
});

describe("security: restify's own log lines (issue 17)", () => {
  it('go to the assistant logger without Authorization, Cookie or the query string', async () => {
    const logs = new LogCapture();
    const lifecycle = new Lifecycle();
    // A body restify cannot format (a BigInt) makes restify log the request itself.
    const server = createHttpServer(
      [{ method: 'get', path: '/unformattable', handler: async (_req: Request, res: Response) => void res.send(200, { n: 10n }) }],
      logs.logger,
      lifecycle,
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/unformattable?t=STREAM-TOKEN-789`, { headers: { authorization: 'Bearer SECRET-TOKEN-123', cookie: 'session=COOKIE-456' } }).then((r) => r.text());
      const line = logs.entries.find((e) => e.component === 'restify');
      assert.ok(line, `restify's line reaches the assistant's logger: ${logs.all}`);
      assert.deepEqual(line.req, { method: 'GET', route: '/unformattable' });
      assert.doesNotMatch(logs.all, /SECRET-TOKEN-123|COOKIE-456|STREAM-TOKEN-789/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
