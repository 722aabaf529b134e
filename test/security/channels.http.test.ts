import assert from 'node:assert/strict';
import { AdapterMemberLink } from '../../handoff/bot/memberLink';
import { createLogger } from '../../common/logger';
import { ResponseCatalog } from '../../common/responses';
import type { EscalationRecord } from '../../handoff/core/model';
import { messageActivity } from '../support/activities';
import { post, replies, startAssistant, type RunningAssistant } from '../support/assistant';
import { getGrant, postActivity, message, startConversation } from '../support/directline';

/** The payload of a JWT, as anyone holding the token can read it. */
function payloadOf(token: string): { conv: string; user: string } {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

describe('security: channels and reply addresses (issue 17)', () => {
  let running: RunningAssistant;
  let messages: string;

  before(async () => {
    running = await startAssistant();
    messages = `${running.url}/api/messages`;
  });
  after(() => running.stop());

  it("a Web Chat conversation on the local Direct Line channel cannot be reached through /api/messages", async () => {
    const grant = await getGrant(running.url);
    await startConversation(grant);
    assert.equal((await postActivity(grant, message('hello'))).status, 200);
    const { conv, user } = payloadOf(grant.token);
    for (const channelId of ['directline', 'DirectLine', ' directline ']) {
      const answer = await post(messages, messageActivity('show my prescriptions', { channelId, conversation: { id: conv }, from: { id: user, role: 'user' } }));
      assert.equal(answer.status, 403, `${JSON.stringify(channelId)}: ${answer.text}`);
      assert.equal((answer.json as { error: string }).error, 'forbidden');
      assert.deepEqual(replies(answer), []);
    }
    // Other channels (the Emulator, tests) still talk to /api/messages.
    const webchat = await post(messages, messageActivity('hello', { conversation: { id: conv }, from: { id: user, role: 'user' } }));
    assert.equal(webchat.status, 200, webchat.text);
  });

  it('a serviceUrl is on this machine only when its parsed address is loopback, not when its name starts with 127.', async () => {
    for (const serviceUrl of ['http://127.evil.example/', 'https://127.0.0.1.evil.example/', 'http://127.0.0.1@evil.example/', 'http://[::ffff:8.8.8.8]/', 'http://localhost.evil.example/']) {
      const answer = await post(messages, messageActivity('hi', { deliveryMode: undefined, serviceUrl }));
      assert.equal(answer.status, 400, `${serviceUrl}: ${answer.text}`);
      assert.match((answer.json as { message: string }).message, /serviceUrl must be on this machine/);
    }
  });
});

describe('security: the agent relay reaches only this machine while authentication is off (issue 17)', () => {
  it('sends to a loopback address, never to a name that merely starts with 127.', async () => {
    const contacted: string[] = [];
    const adapter = { continueConversationAsync: async (_appId: string, reference: { serviceUrl: string }) => void contacted.push(reference.serviceUrl) };
    const relay = new AdapterMemberLink({
      adapter: adapter as never,
      appId: '',
      turnGuard: { exclusive: (_key: string, work: () => Promise<unknown>) => work() } as never,
      catalog: ResponseCatalog.load(),
      transcripts: { append: () => undefined } as never,
      logger: createLogger({ level: 'silent' }),
      authEnabled: false,
    });
    const record = (serviceUrl: string) =>
      ({ id: 'esc_abcdefgh', conversationId: 'c1', channelId: 'webchat', locale: 'en', reference: { serviceUrl, conversation: { id: 'c1' } } }) as unknown as EscalationRecord;
    for (const serviceUrl of ['http://127.evil.example/', 'https://127.0.0.1.evil.example/', 'http://localhost.evil.example/']) {
      assert.equal(await relay.send(record(serviceUrl), { text: 'hello' }), false, serviceUrl);
    }
    assert.deepEqual(contacted, []);
    for (const serviceUrl of ['http://127.0.0.1:9/', 'http://127.1.2.3:9/', 'http://[::1]:9/', 'http://localhost:9/']) {
      assert.equal(await relay.send(record(serviceUrl), { text: 'hello' }), true, serviceUrl);
    }
    assert.equal(contacted.length, 4);
  });
});
