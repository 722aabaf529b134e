import assert from 'node:assert/strict';
import { assertChannelRules, Chat, textOf } from '../support/chat';
import { FakeTriage } from '../support/fakeTriage';

/**
 * The safety net for a doubt the triage reads as a poisoning (intents/triage/safetyTriage.ts sets
 * `safety.poisonDoubt` when the emergency it is unsure of is a poisoning: a second dose of a
 * medicine whose name no concept knows): the reply names Poison Control after 911 / 988 / the
 * nurse line (dialogs/triage.ts safetyNet). A fake triage decides the doubt, so this tests the
 * bot's side on every channel and in both languages, not the model.
 */
describe('the safety net names Poison Control for a poisoning it doubts (dialogs/triage.ts safetyNet, poisonDoubt)', function () {
  this.timeout(60_000);
  const WORDS = { en: 'forgot i already had my morning one and had it again', es: 'se me olvido que ya la habia tomado y la tome otra vez' } as const;
  const POISON = /1-800-222-1222/;

  for (const channelId of ['webchat', 'msteams', 'sms'] as const) {
    for (const locale of ['en', 'es'] as const) {
      it(`${channelId} ${locale}: an unsure message with a doubt of poisoning gets 911, 988 and Poison Control`, async () => {
        const c = new Chat({ channelId, ...(channelId === 'sms' ? {} : { locale: `${locale}-US` }), overrides: { triageCheck: new FakeTriage().unsure(WORDS[locale], 'unsure', undefined, true) } });
        await c.open(locale === 'es' ? 'hola' : 'hi');
        const replies = await c.say(WORDS[locale]);
        const text = textOf(replies);
        assert.match(text, /911/);
        assert.match(text, /988/);
        assert.match(text, POISON);
        assertChannelRules(channelId, replies);
      });
    }
  }

  it('a doubt that is no poisoning gets no Poison Control line', async () => {
    const c = new Chat({ overrides: { triageCheck: new FakeTriage().unsure(WORDS.en) } });
    await c.open('hi');
    const text = textOf(await c.say(WORDS.en));
    assert.match(text, /988/);
    assert.doesNotMatch(text, POISON);
  });
});
