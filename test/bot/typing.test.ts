import assert from 'node:assert/strict';
import { ActivityTypes, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import sinon from 'sinon';
import { typingIndicator } from '../../bot/typing';

/** A turn that says "working", then waits until the test lets it finish with "done". */
function gatedAdapter(channelId: string) {
  let open!: () => void;
  let entered!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const inside = new Promise<void>((resolve) => (entered = resolve));
  const adapter = new TestAdapter(async (context: TurnContext) => {
    await context.sendActivity('working');
    entered();
    await gate;
    await context.sendActivity(`done, responded before: ${context.responded}`);
  }, { channelId });
  adapter.use(typingIndicator(3000));
  return { adapter, open, inside };
}

const kinds = (queue: Partial<Activity>[]) => queue.map((a) => (a.type === ActivityTypes.Typing ? 'typing' : a.text));

describe('typing indicator', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })));
  afterEach(() => clock.restore());

  it('says "typing" before the answer and again every 3 s while the turn works, not after it', async () => {
    const { adapter, open, inside } = gatedAdapter('webchat');
    const turn = adapter.send('hi').startTest();
    await inside;
    await clock.tickAsync(2999);
    assert.deepEqual(kinds(adapter.activeQueue), ['typing', 'working'], 'the repeat waits a full period after a message');
    await clock.tickAsync(1);
    await clock.tickAsync(3000);
    assert.deepEqual(kinds(adapter.activeQueue), ['typing', 'working', 'typing', 'typing']);
    open();
    await turn;
    await clock.tickAsync(10_000);
    assert.deepEqual(kinds(adapter.activeQueue), ['typing', 'working', 'typing', 'typing', 'done, responded before: true']);
  });

  it('does not make the turn count as answered (prompts still re-prompt)', async () => {
    const adapter = new TestAdapter(async (context) => void (await context.sendActivity(`responded: ${context.responded}`)), { channelId: 'webchat' });
    adapter.use(typingIndicator());
    await adapter.send('hi').assertReply((a) => assert.equal(a.type, 'typing')).assertReply('responded: false').startTest();
  });

  it('is not sent on SMS nor for expectReplies', async () => {
    const sms = new TestAdapter(async (context) => void (await context.sendActivity('answer')), { channelId: 'sms' });
    sms.use(typingIndicator());
    await sms.send('hi').assertReply('answer').startTest();
    assert.equal(sms.activeQueue.length, 0);

    // expectReplies: the answer goes back in the HTTP response, so only a typing would reach the adapter.
    const buffered = new TestAdapter(async (context) => void (await context.sendActivity('answer')), { channelId: 'webchat' });
    buffered.use(typingIndicator());
    await buffered.send({ type: 'message', text: 'hi', deliveryMode: 'expectReplies' }).startTest();
    assert.deepEqual(buffered.activeQueue, []);
  });
});
