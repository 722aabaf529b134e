import assert from 'node:assert/strict';
import { messageActivity } from '../support/activities';
import { post, replies, startAssistant, type RunningAssistant } from '../support/assistant';
import { startAzurite, type Azurite } from '../support/azurite';
import { BookingDialog, CounterDialog } from '../support/dialogs';

async function say(url: string, text: string, conversationId: string): Promise<string[]> {
  const answer = await post(`${url}/api/messages`, messageActivity(text, { conversation: { id: conversationId } }));
  assert.equal(answer.status, 200, answer.text);
  return replies(answer).map((a) => String(a.text ?? ''));
}

/** Scale-out: two instances behind one conversation, sharing one Blob container (Azurite). */
describe('two instances sharing Azure Blob Storage (Azurite)', function () {
  this.timeout(60_000);
  let azurite: Azurite;
  let a: RunningAssistant | undefined;
  let b: RunningAssistant | undefined;

  before(async () => {
    azurite = await startAzurite();
  });
  after(async () => azurite?.stop());
  afterEach(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    a = b = undefined;
  });

  const env = () => ({ STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: 'scale-out' });

  it('a booking completed with turns alternating between the instances', async () => {
    a = await startAssistant(env(), { mainDialog: new BookingDialog() });
    b = await startAssistant(env(), { mainDialog: new BookingDialog() });
    assert.equal((await say(a.url, 'book', 'alt-1')).at(-1), 'Which day works for you?');
    assert.deepEqual(await say(b.url, 'Friday', 'alt-1'), ['What time?']);
    assert.deepEqual(await say(a.url, '9:15', 'alt-1'), ['Book Friday at 9:15? (yes/no)']);
    assert.deepEqual(await say(b.url, 'yes', 'alt-1'), ['Booked: Friday at 9:15.']);
  });

  it('a burst of messages into one conversation, split across both instances: none lost, each answered once', async () => {
    const N = 16;
    a = await startAssistant(env(), { mainDialog: new CounterDialog(), turnBackoff: async () => undefined });
    b = await startAssistant(env(), { mainDialog: new CounterDialog(), turnBackoff: async () => undefined });
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) => say(i % 2 === 0 ? a!.url : b!.url, `message ${i}`, 'burst-1')),
    );
    const counted = answers.map((texts) => texts.filter((t) => t.startsWith('count=')));
    assert.ok(counted.every((c) => c.length === 1), `every message got exactly one answer: ${JSON.stringify(answers)}`);
    const numbers = counted.flat().map((t) => Number(t.slice(6))).sort((x, y) => x - y);
    assert.deepEqual(numbers, Array.from({ length: N }, (_, i) => i + 1), 'every message counted, none twice');
    assert.equal(answers.flat().filter((t) => t.includes('not for emergencies')).length, 1, 'welcomed once');

    // And the stored count says the same, read by a third instance.
    const c = await startAssistant(env(), { mainDialog: new CounterDialog() });
    try {
      assert.deepEqual(await say(c.url, 'one more', 'burst-1'), [`count=${N + 1}`]);
    } finally {
      await c.stop();
    }
  });
});
