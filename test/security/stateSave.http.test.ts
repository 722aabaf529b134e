import assert from 'node:assert/strict';
import { MemoryStorage, type StoreItems } from 'botbuilder';
import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import { messageActivity } from '../support/activities';
import { post, replies, request, startAssistant } from '../support/assistant';

/** Answers every message with "echo <text>" (and so changes state each turn). */
class EchoDialog extends ComponentDialog {
  constructor() {
    super('main');
    this.addDialog(
      new WaterfallDialog('w', [
        async (step) => {
          await step.context.sendActivity(`echo ${step.context.activity.text}`);
          return step.endDialog();
        },
      ]),
    );
  }
}

describe('security: replies only once state is on disk (issue 17)', function () {
  this.timeout(20_000);

  it('a failing state save: no unsaved reply, only the apology; /healthz says degraded until a save works again', async () => {
    const memory = new MemoryStorage();
    let diskFull = false;
    const storage = {
      read: (keys: string[]) => memory.read(keys),
      write: (changes: StoreItems) => (diskFull ? Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' })) : memory.write(changes)),
      delete: (keys: string[]) => memory.delete(keys),
    };
    const running = await startAssistant({}, { storage, mainDialog: new EchoDialog() });
    try {
      const say = async (text: string) => replies(await post(`${running.url}/api/messages`, messageActivity(text, { conversation: { id: 'save-fails' } }))).map((a) => a.text ?? '');
      assert.ok((await say('one')).includes('echo one'));
      assert.equal((await request(`${running.url}/healthz`)).status, 200);

      diskFull = true;
      const failed = await say('two');
      assert.ok(!failed.some((t) => t.includes('echo two')), `the unsaved reply is not sent: ${JSON.stringify(failed)}`);
      assert.ok(failed.some((t) => /something went wrong.*911/s.test(t)), JSON.stringify(failed));
      const health = await request(`${running.url}/healthz`);
      assert.equal(health.status, 503);
      assert.equal((health.json as { status: string }).status, 'degraded');

      diskFull = false;
      assert.ok((await say('three')).includes('echo three'));
      assert.equal((await request(`${running.url}/healthz`)).status, 200);
    } finally {
      diskFull = false;
      await running.stop();
    }
  });
});
