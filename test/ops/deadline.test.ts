import assert from 'node:assert/strict';
import { messageActivity } from '../support/activities';
import { post, request, startAssistant, type RunningAssistant } from '../support/assistant';
import { bearer, getGrant, postActivity, startConversation, type Grant } from '../support/directline';
import { FakeConnector } from '../support/fakeConnector';
import { ScriptedDialog } from '../support/scriptedDialog';

/**
 * Channels behind the Bot Connector (Teams, SMS…) give a bot 15 seconds to answer the HTTP
 * request; Web Chat gives a Direct Line post 20. A turn still running at TURN_DEADLINE_MS is
 * answered then, and its replies follow when they are ready — held by the turn guard until the
 * turn's state is saved, as always, and never lost.
 */
describe('turns that would pass the channels\' time limit', function () {
  let connector: FakeConnector;
  let dialog: ScriptedDialog;
  let running: RunningAssistant;

  beforeEach(async () => {
    connector = new FakeConnector();
    await connector.start();
    dialog = new ScriptedDialog();
    running = await startAssistant({ TURN_DEADLINE_MS: '600' }, { mainDialog: dialog });
  });
  afterEach(async () => {
    dialog.release();
    await running.stop();
    await connector.stop();
  });

  it('a Teams turn still running at the deadline is answered 202; its replies reach the Bot Connector when ready', async () => {
    const activity = messageActivity('slow', { channelId: 'msteams', serviceUrl: connector.url, deliveryMode: undefined, conversation: { id: 'teams-slow-1' } });
    const answer = await post(`${running.url}/api/messages`, activity);
    assert.equal(answer.status, 202, 'answered before the turn ended');
    await dialog.entered;
    assert.deepEqual(connector.texts, [], 'nothing said yet: the welcome is held until the turn commits');

    dialog.release();
    await connector.untilMessage('finished');
    const messages = connector.posts.filter((p) => p.activity.type === 'message');
    assert.ok(messages.length >= 2, 'the welcome and the answer, after the HTTP answer');
    for (const sent of messages) {
      assert.equal(sent.conversationId, 'teams-slow-1');
      assert.equal(sent.activity.replyToId, activity.id, 'sent as replies to the member\'s message');
    }
    assert.equal(connector.texts.at(-1), 'finished');

    const deferred = running.logs.entries.find((e) => e.msg === 'turn still running at the deadline: answered 202, replies follow');
    assert.equal(deferred?.correlationId, answer.headers.get('x-correlation-id'));
    const metrics = await request(`${running.url}/metrics`);
    assert.match(metrics.text, /^assistant_turns_deferred_total\{channel="msteams"\} 1$/m);
  });

  it('a quick turn is answered normally (200), an expectReplies turn waits for its replies whatever the time', async () => {
    const quick = await post(
      `${running.url}/api/messages`,
      messageActivity('hello', { channelId: 'msteams', serviceUrl: connector.url, deliveryMode: undefined, conversation: { id: 'teams-quick-1' } }),
    );
    assert.equal(quick.status, 200);
    await connector.untilMessage('echo: hello');

    const pending = post(`${running.url}/api/messages`, messageActivity('slow', { conversation: { id: 'expect-slow-1' } }));
    await dialog.entered;
    dialog.release();
    const answer = await pending;
    assert.equal(answer.status, 200);
    assert.ok((answer.json as { activities: Array<{ text: string }> }).activities.some((a) => a.text === 'finished'));
  });

  it('a Direct Line post still waiting at the deadline is answered with its id; the reply reaches the transcript later', async () => {
    const grant: Grant = await getGrant(running.url);
    await startConversation(grant);
    const answer = await postActivity(grant, { type: 'message', text: 'slow', from: { id: 'x' } });
    assert.equal(answer.status, 200);
    assert.ok((answer.json as { id: string }).id);
    await dialog.entered;
    dialog.release();
    // The transcript gets the answer once the turn is done.
    for (;;) {
      const page = await request(`${grant.domain}/conversations/${grant.conversationId}/activities`, { headers: bearer(grant.token) });
      const texts = (page.json as { activities: Array<{ text?: string }> }).activities.map((a) => a.text);
      if (texts.includes('finished')) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
});
