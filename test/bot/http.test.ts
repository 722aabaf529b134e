import assert from 'node:assert/strict';
import http from 'node:http';
import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import { messageActivity, conversationUpdate } from '../support/activities';
import { post, replies, request, startAssistant, type HttpAnswer, type RunningAssistant } from '../support/assistant';

/** A main dialog that throws when the member writes "boom", and echoes otherwise. */
class ExplodingDialog extends ComponentDialog {
  constructor() {
    super('main');
    this.addDialog(
      new WaterfallDialog('w', [
        async (step) => {
          if (step.context.activity.text === 'boom') throw new Error('internal detail: db password is SECRET-42');
          await step.context.sendActivity(`echo ${step.context.activity.text}`);
          return step.endDialog();
        },
      ]),
    );
  }
}

function assertError(answer: HttpAnswer, status: number, code: string) {
  assert.equal(answer.status, status, `status for ${code}: ${answer.text}`);
  const body = answer.json as { error: string; message: string };
  assert.equal(body.error, code);
  assert.equal(typeof body.message, 'string');
  assert.ok(body.message.length > 0 && body.message.length < 300, 'a short message');
  assert.doesNotMatch(answer.text, /at .*\.js|Error:|stack/i, 'no stack trace or error class');
}

/** Sends a body in chunks without Content-Length (chunked transfer encoding). */
function postChunked(url: string, chunk: string, times: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    let sent = 0;
    const writeMore = () => {
      while (sent < times) {
        sent++;
        if (!req.write(chunk)) return void req.once('drain', writeMore);
      }
      req.end();
    };
    writeMore();
  });
}

describe('HTTP surface', () => {
  let running: RunningAssistant;
  let messages: string;

  before(async () => {
    running = await startAssistant({}, { mainDialog: new ExplodingDialog() });
    messages = `${running.url}/api/messages`;
  });
  after(() => running.stop());

  describe('bad input gets a 4xx with a short JSON error before the adapter sees it', () => {
    it('a body that is not JSON → 400', async () => {
      assertError(await post(messages, '{"type": "message",'), 400, 'invalid_json');
      assertError(await post(messages, Buffer.from([0xff, 0xfe, 0x7b, 0x7d])), 400, 'invalid_json');
      assertError(await post(messages, ''), 400, 'empty_body');
    });

    it('JSON that is not an object → 400', async () => {
      for (const body of ['[]', '"message"', '42', 'null', 'true', '[{"type":"message"}]']) {
        assertError(await post(messages, body), 400, 'invalid_activity');
      }
    });

    it('an object that is not an activity → 400 naming the field', async () => {
      const noType = messageActivity('hi');
      delete noType.type;
      const answer = await post(messages, noType);
      assertError(answer, 400, 'invalid_activity');
      assert.match((answer.json as { message: string }).message, /type:/);

      const noConversationId = messageActivity('hi', { conversation: {} });
      const second = await post(messages, noConversationId);
      assertError(second, 400, 'invalid_activity');
      assert.match((second.json as { message: string }).message, /conversation\.id:/);

      const wrongTypes: Array<Record<string, unknown>> = [
        { type: 42 },
        { type: '' },
        { conversation: 'conv-1' },
        { conversation: { id: 7 } },
        { from: { id: ['x'] } },
        { from: undefined },
        { text: { value: 'hi' } },
        { channelId: null },
        { deliveryMode: 'sometimes' },
        { attachments: 'none' },
        { timestamp: 'yesterday' },
        { membersAdded: [{ name: 'no id' }] },
      ];
      for (const fields of wrongTypes) {
        const answer = await post(messages, { ...messageActivity('hi'), ...fields });
        assertError(answer, 400, 'invalid_activity');
      }
    });

    it('a reply address is required unless replies come back in the response', async () => {
      const answer = await post(messages, messageActivity('hi', { deliveryMode: undefined, serviceUrl: undefined }));
      assertError(answer, 400, 'invalid_activity');
      assert.match((answer.json as { message: string }).message, /serviceUrl/);
    });

    it('with authentication off, replies go only to this machine (no open relay)', async () => {
      const answer = await post(messages, messageActivity('hi', { deliveryMode: undefined, serviceUrl: 'https://example.com/' }));
      assertError(answer, 400, 'invalid_activity');
      assert.match((answer.json as { message: string }).message, /serviceUrl must be on this machine/);
    });

    it('a body over the limit → 413, whether declared or streamed', async () => {
      const big = JSON.stringify(messageActivity('x'.repeat(300 * 1024)));
      assertError(await post(messages, big), 413, 'payload_too_large');
      const streamed = await postChunked(messages, 'x'.repeat(16 * 1024), 40);
      assert.equal(streamed.status, 413);
      assert.equal(JSON.parse(streamed.body).error, 'payload_too_large');
    });

    it('a body just under the limit is accepted', async () => {
      const activity = messageActivity('');
      const padding = 256 * 1024 - JSON.stringify(activity).length - 64;
      const answer = await post(messages, { ...activity, text: 'y'.repeat(padding) });
      assert.equal(answer.status, 200);
    });

    it('a body that is not declared as JSON → 415', async () => {
      assertError(await post(messages, JSON.stringify(messageActivity('hi')), { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
    });

    it('unknown routes → 404, wrong methods → 405', async () => {
      assertError(await request(`${running.url}/api/nothing-here`), 404, 'not_found');
      assertError(await request(`${running.url}/api/nothing-here`, { method: 'DELETE' }), 404, 'not_found');
      // `/` is the chat page now: other methods are refused there.
      assertError(await request(`${running.url}/`, { method: 'DELETE' }), 405, 'method_not_allowed');
      assertError(await request(messages), 405, 'method_not_allowed');
      assertError(await request(messages, { method: 'PUT', body: '{}' }), 405, 'method_not_allowed');
      assertError(await request(`${running.url}/healthz`, { method: 'POST' }), 405, 'method_not_allowed');
    });

    it('answers carry no server banner', async () => {
      const answer = await request(`${running.url}/healthz`);
      assert.equal(answer.headers.get('server'), null);
      assert.equal(answer.headers.get('x-powered-by'), null);
    });
  });

  it('round-trips a message with deliveryMode expectReplies', async () => {
    const answer = await post(messages, messageActivity('hello there', { conversation: { id: 'round-trip' } }));
    assert.equal(answer.status, 200);
    const texts = replies(answer).map((a) => a.text);
    assert.ok(texts.includes('echo hello there'), JSON.stringify(texts));
    for (const reply of replies(answer)) {
      assert.equal(reply.conversation.id, 'round-trip');
      assert.equal(reply.recipient.id, 'member-1');
    }
  });

  it('welcomes a member who joins, once', async () => {
    const first = await post(messages, conversationUpdate({ conversation: { id: 'welcome-1' } }));
    assert.equal(first.status, 200);
    const [welcome] = replies(first);
    assert.match(welcome?.text, /call 911/);
    assert.ok(welcome?.suggestedActions.actions.length >= 5);
    const again = await post(messages, conversationUpdate({ conversation: { id: 'welcome-1' }, membersAdded: [{ id: 'member-2' }] }));
    assert.deepEqual(replies(again), []);
  });

  it('a turn that throws: the member hears something went wrong, no details; the log has a correlation id but no member text', async () => {
    const conversation = { id: 'errors-1' };
    await post(messages, conversationUpdate({ conversation }));
    const answer = await post(messages, messageActivity('boom', { conversation }));
    assert.equal(answer.status, 200);
    const texts = replies(answer).map((a) => a.text as string);
    assert.equal(texts.length, 1);
    assert.match(texts[0]!, /something went wrong/i);
    assert.match(texts[0]!, /911/);
    assert.ok(!answer.text.includes('SECRET-42'), 'the error message never reaches the member');

    const correlationId = answer.headers.get('x-correlation-id');
    const logged = running.logs.entries.find((e) => e.msg === 'turn failed');
    assert.ok(logged, 'the failure is logged');
    assert.equal(logged.correlationId, correlationId);
    assert.ok(!running.logs.all.includes('"boom"'), 'the member text is not logged');

    const next = await post(messages, messageActivity('still there?', { conversation }));
    assert.deepEqual(replies(next).map((a) => a.text), ['echo still there?'], 'the conversation is still usable');
  });

  it('nothing in a batch of hostile requests answers 5xx', async () => {
    const bodies: unknown[] = [
      '{}',
      '{"type":"message"}',
      { ...messageActivity('hi'), conversation: { id: 'x'.repeat(5000) } },
      { ...messageActivity('hi'), type: 'invoke', name: 'unknown/thing' },
      { ...messageActivity('hi'), type: 'event', name: 'x' },
      { ...messageActivity('hi'), type: 'typing' },
      { ...messageActivity('hi'), type: 'weird-type' },
      { ...messageActivity('hi'), type: 'conversationUpdate', membersAdded: [] },
      { ...messageActivity('hi'), text: '\u0000\u0001\ud800' },
      { ...messageActivity('hi'), entities: [{}], attachments: [{ contentType: 'x' }] },
      { ...messageActivity('hi'), __proto__: { polluted: true } },
      '{"__proto__":{"polluted":true},"type":"message"}',
    ];
    for (const body of bodies) {
      const answer = await post(messages, body);
      assert.ok(answer.status < 500, `${answer.status} for ${JSON.stringify(body).slice(0, 80)}: ${answer.text}`);
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
