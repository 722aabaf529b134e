import assert from 'node:assert/strict';
import { assertChannelRules, Chat, textOf } from '../support/chat';
import { FakeTriage } from '../support/fakeTriage';

/**
 * The safety net for a doubt the triage shares with a disclosure of abuse (intents/triage/
 * safetyTriage.ts sets `safety.abuseKind` when the abuse labels reach the unsure threshold): the
 * reply names that kind's hotline after 911 / 988 / the nurse line, so a missed disclosure still
 * gets its line (dialogs/triage.ts safetyNet). A fake triage decides the doubt, so this tests the
 * bot's side on every channel, not the model.
 */
describe('the safety net names the hotline of an abuse it doubts (dialogs/triage.ts safetyNet, abuseKind)', function () {
  this.timeout(60_000);
  const WORDS = 'things happen at work that i did not agree to';
  const RAINN = /1-800-656-4673/;

  for (const channelId of ['webchat', 'msteams', 'sms'] as const) {
    it(`${channelId}: an unsure message with a doubt of sexual assault gets 911, 988 and RAINN`, async () => {
      const c = new Chat({ channelId, overrides: { triageCheck: new FakeTriage().unsure(WORDS, 'unsure', 'sexual') } });
      await c.open('hi');
      const replies = await c.say(WORDS);
      const text = textOf(replies);
      assert.match(text, /911/);
      assert.match(text, /988/);
      assert.match(text, RAINN);
      assertChannelRules(channelId, replies);
    });
  }

  it('a doubt with no share of abuse gets no hotline', async () => {
    const c = new Chat({ overrides: { triageCheck: new FakeTriage().unsure(WORDS) } });
    await c.open('hi');
    const text = textOf(await c.say(WORDS));
    assert.match(text, /988/);
    assert.doesNotMatch(text, /1-800-656-4673|1-800-799-7233|1-800-422-4453|1-800-677-1116/);
  });
});
