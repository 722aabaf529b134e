import assert from 'node:assert/strict';
import { ActivityTypes, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import sinon from 'sinon';
import { createBotCore } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../common/logger';
import { messageActivity } from '../support/activities';
import { post, replies, startAssistant, type RunningAssistant } from '../support/assistant';
import { Chat } from '../support/chat';
import { BookingDialog } from '../support/dialogs';
import { fakeTriageForLines, TRIAGE_LINES } from '../support/fakeTriage';

const MINUTE = 60_000;
const chest = TRIAGE_LINES.find((line) => line.outcome === 'emergency/medical')!.en;

describe('the turn pipeline: ordered steps over one facts object per turn', function () {
  this.timeout(60_000);

  it('the safety triage is the first step of every member message, and the dialogs the last', () => {
    const names = new Chat().core.bot.steps.map((step) => step.name);
    assert.equal(names[0], 'safetyTriage', `steps: ${names.join(', ')}`);
    assert.equal(names.filter((name) => name === 'safetyTriage').length, 1);
    assert.equal(names.at(-1), 'dialogs');
    assert.ok(names.indexOf('understoodTriage') > names.indexOf('understanding'), 'the recognizer\'s triage outcome is read after it runs');
  });

  it('the triage runs once per turn: the freshness notice, the gate and the recognizer read the same result', async () => {
    const triage = fakeTriageForLines();
    const spy = sinon.spy(triage, 'triage');
    let now = Date.parse('2025-03-04T10:00:00Z');
    const core = createBotCore(loadConfig({ NODE_ENV: 'test', CONVERSATION_IDLE_MINUTES: '60' }), {
      logger: silentLogger(),
      storage: new MemoryStorage(),
      mainDialog: new BookingDialog(),
      triageCheck: triage, // the real recognizer is built with it too
      clock: () => now,
    });
    await core.ready;
    const adapter = new TestAdapter((context) => core.bot.run(context), {
      channelId: 'webchat',
      locale: 'en-US',
      conversation: { id: 'facts-1', isGroup: false, conversationType: 'personal', name: '' },
      from: { id: 'member-1', name: 'Member' },
      recipient: { id: 'member-assistant', name: 'Member Assistant' },
    });
    const said = async (text: string): Promise<string[]> => {
      adapter.activeQueue.splice(0);
      await adapter.receiveActivity(text);
      return adapter.activeQueue.filter((a: Partial<Activity>) => a.type === ActivityTypes.Message).map((a) => a.text ?? '');
    };

    assert.ok((await said('book a visit')).includes('Which day works for you?'));
    assert.deepEqual(spy.args, [['book a visit']], 'the gate and the recognizer: one run');

    // Away past the idle limit: the freshness notice asks whether the message is urgent, then the gate and the recognizer.
    spy.resetHistory();
    now += 61 * MINUTE;
    const answer = await said('how do I pay my bill');
    assert.ok(answer.some((text) => /It's been a while, so I closed/.test(text)), `the idle notice: ${answer.join(' | ')}`);
    assert.deepEqual(spy.args, [['how do I pay my bill']], 'the freshness notice, the gate and the recognizer: one run');

    // Urgent after the idle limit: no notice, the emergency answer, one run.
    spy.resetHistory();
    now += 61 * MINUTE;
    const urgent = await said(chest);
    assert.match(urgent.join('\n'), /911/);
    assert.deepEqual(spy.args, [[chest]]);
  });

  describe('over the conversation budget', () => {
    let running: RunningAssistant | undefined;
    afterEach(async () => {
      await running?.stop();
      running = undefined;
    });

    it('the rate limit and the gate read one triage of an urgent message', async () => {
      const triage = fakeTriageForLines();
      const spy = sinon.spy(triage, 'triage');
      running = await startAssistant({ RATE_LIMIT_PER_CONVERSATION_PER_MINUTE: '1', RATE_LIMIT_PER_CLIENT_PER_MINUTE: '0' }, { triageCheck: triage });
      const say = (text: string) => post(`${running!.url}/api/messages`, messageActivity(text, { conversation: { id: 'facts-budget' } }));
      assert.equal((await say('hi')).status, 200);
      spy.resetHistory();
      const answer = await say(chest);
      assert.equal(answer.status, 200, 'an emergency is never refused');
      assert.match(replies(answer).map((a) => String(a.text ?? '')).join('\n'), /911/);
      assert.deepEqual(spy.args, [[chest]], 'the rate limit and the gate: one run');
    });
  });
});
