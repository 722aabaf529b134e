import assert from 'node:assert/strict';
import { MemoryStorage } from 'botbuilder';
import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import { messageActivity } from '../support/activities';
import { post, replies, startAssistant } from '../support/assistant';

/** A dialog whose turn stays in flight until the test opens the gate. */
class GatedDialog extends ComponentDialog {
  entered!: Promise<void>;
  private enter!: () => void;
  private gate!: Promise<void>;
  open!: () => void;

  constructor() {
    super('main');
    this.reset();
    this.addDialog(
      new WaterfallDialog('gated', [
        async (step) => {
          this.enter();
          await this.gate;
          await step.context.sendActivity('finished');
          return step.endDialog();
        },
      ]),
    );
  }

  reset() {
    this.entered = new Promise((resolve) => (this.enter = resolve));
    this.gate = new Promise((resolve) => (this.open = resolve));
  }
}

describe('graceful shutdown', () => {
  it('finishes the turn in flight, saves its state, refuses new turns, then reports a clean stop', async () => {
    const dialog = new GatedDialog();
    const storage = new MemoryStorage();
    const running = await startAssistant({}, { mainDialog: dialog, storage });
    const inFlight = post(`${running.url}/api/messages`, messageActivity('hello', { conversation: { id: 'shutdown-1' } }));
    await dialog.entered;

    let stopped: boolean | undefined;
    const stopping = running.assistant.stop().then((clean) => (stopped = clean));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(running.assistant.lifecycle.phase, 'stopping');
    assert.equal(stopped, undefined, 'stop waits for the turn in flight');

    dialog.open();
    const answer = await inFlight;
    assert.equal(answer.status, 200);
    assert.ok(replies(answer).some((a) => a.text === 'finished'), 'the member got the whole answer');
    assert.equal(await stopping, true);

    const key = 'webchat/conversations/shutdown-1/';
    const saved = await storage.read([key]);
    assert.equal(saved[key]?.welcomed, true, 'the conversation state was written before exit');
    await assert.rejects(fetch(`${running.url}/healthz`), 'the port is closed');
  });

  it('gives up after SHUTDOWN_TIMEOUT_MS and says the stop was not clean', async () => {
    const dialog = new GatedDialog();
    const running = await startAssistant({ SHUTDOWN_TIMEOUT_MS: '100' }, { mainDialog: dialog });
    const inFlight = post(`${running.url}/api/messages`, messageActivity('hello')).catch(() => undefined);
    await dialog.entered;
    assert.equal(await running.assistant.stop(), false);
    assert.ok(running.logs.entries.some((e) => e.msg === 'shutdown timed out with turns still in flight'));
    dialog.open();
    await inFlight;
  });

  it('while stopping, health checks say so (load balancers drain) and new turns get 503', async () => {
    const running = await startAssistant();
    try {
      running.assistant.lifecycle.markStopping();
      const health = await fetch(`${running.url}/healthz`);
      assert.equal(health.status, 503);
      assert.deepEqual(await health.json(), { status: 'stopping' });
      const late = await post(`${running.url}/api/messages`, messageActivity('late'));
      assert.equal(late.status, 503);
      assert.equal((late.json as { error: string }).error, 'unavailable');
      assert.equal(late.headers.get('retry-after'), '5');
    } finally {
      await running.stop();
    }
  });
});
