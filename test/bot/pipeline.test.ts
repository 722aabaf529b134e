import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import type { EmergencyCheck, EmergencyMatch, IntentResult, Understanding } from '../../intents/types';
import { Chat, choicesOf, textOf } from '../support/chat';
import { KeywordIntents } from '../support/keywordIntents';
import { LogCapture } from '../support/logs';

/** Records every text the emergency check saw, in order, and delegates to the keyword double. */
class SpyCheck implements EmergencyCheck {
  readonly seen: string[] = [];
  private readonly inner = new KeywordIntents();
  detect(text: string): EmergencyMatch | null {
    this.seen.push(text);
    return this.inner.detect(text);
  }
}

describe('the turn pipeline', () => {
  it('the emergency check sees the raw text first: before numbers become choices, SMS keywords and the welcome', async () => {
    const check = new SpyCheck();
    const chat = new Chat({ channelId: 'sms', overrides: { emergencyCheck: check } });
    const first = await chat.say('I took too many pills, overdose');
    assert.match(textOf(first), /Poison Control now at 1-800-222-1222/);
    assert.doesNotMatch(textOf(first), /member assistant/i, 'no welcome before (or with) the emergency answer');
    await chat.say('hi');
    await chat.say('2');
    await chat.say('STOP');
    await chat.say('still there');
    assert.deepEqual(check.seen, ['I took too many pills, overdose', 'hi', '2', 'STOP', 'still there']);
  });

  it('an emergency message never reaches the recognizer or a dialog', async () => {
    const chat = new Chat();
    await chat.open();
    await chat.say('Appointments');
    const before = chat.intents.seen.length;
    await chat.say('I want to end my life');
    assert.equal(chat.intents.seen.length, before);
  });

  it('when the recognizer calls it an emergency and the check did not, it is one', async () => {
    const understanding: Understanding = {
      understand: async (): Promise<IntentResult> => ({ intent: 'emergency', score: 0.7, kind: 'crisis', locale: 'en', runnerUp: null, source: 'local' }),
    };
    const chat = new Chat({ overrides: { understanding, emergencyCheck: { detect: () => null } } });
    await chat.open();
    const replies = await chat.say('everything feels pointless lately');
    assert.match(textOf(replies), /Call or text 988/);
    assert.deepEqual(choicesOf(replies), []);
  });

  describe('a typed password is masked on the activity, right after the emergency check', () => {
    it('"my password is …": not shared further, the member is warned, and the sign-in topic goes on', async () => {
      const logs = new LogCapture();
      const chat = new Chat({ overrides: { logger: logs.logger } });
      await chat.open();
      const replies = await chat.say('I forgot my password, my password is Hunter2!');
      const text = textOf(replies);
      assert.match(text, /don't share your password/);
      assert.match(text, /reset your password/, 'the sign-in help still comes');
      assert.deepEqual(chat.intents.seen.slice(-1), ['I forgot my password, my password is ********']);
      const stored = chat.storedText();
      assert.ok(!stored.includes('Hunter2'), 'not in any state');
      assert.ok(!logs.all.includes('Hunter2'), 'not in the logs');
    });

    it('in the sign-in topic, a lone password-like token is masked and the question asked again', async () => {
      const chat = new Chat({ channelId: 'sms' });
      await chat.say('hi');
      await chat.say('Sign-in help');
      const replies = await chat.say('Tr0ub4dor&3');
      assert.match(textOf(replies), /don't share your password/);
      assert.match(textOf(replies), /What's happening\?/);
      assert.ok(!chat.intents.seen.includes('Tr0ub4dor&3'));
      const stored = chat.storedText();
      assert.ok(!stored.includes('Tr0ub4dor'));
    });

    it('outside sign-in, an ordinary token is left alone (an Rx number, a date)', async () => {
      const chat = new Chat();
      await chat.open();
      await chat.say('Prescription refills');
      await chat.say('Refill now');
      const replies = await chat.say('RX-1234567');
      assert.doesNotMatch(textOf(replies), /password/);
    });

    it('a secret copied into the activity value or channel data is scrubbed too', async () => {
      const chat = new Chat();
      await chat.open();
      let seen: Partial<Activity> | undefined;
      chat.adapter.use(async (context, next) => {
        await next();
        seen = context.activity;
      });
      await chat.say({ type: 'message', text: 'password: S3cret!x', channelData: { raw: { Body: 'password: S3cret!x' } }, value: { typed: 'S3cret!x' } });
      assert.equal(seen?.text, 'password: ********');
      assert.deepEqual(seen?.channelData, { raw: { Body: 'password: ********' } });
      assert.deepEqual(seen?.value, { typed: '********' });
    });
  });

  it('logs say what was routed, never what the member wrote', async () => {
    const logs = new LogCapture();
    const chat = new Chat({ overrides: { logger: logs.logger } });
    await chat.open();
    await chat.say('how do I pay my bill for surgery on my knee');
    await chat.say('my chest hurts');
    const routed = logs.entries.find((e) => e.msg === 'message routed');
    assert.equal(routed?.intent, 'billing');
    assert.ok(logs.entries.some((e) => e.msg === 'emergency answered' && e.kind === 'medical'));
    assert.ok(!logs.all.includes('knee') && !logs.all.includes('chest'));
  });
});
