import assert from 'node:assert/strict';
import { assertChannelRules, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * After a Poison Control answer (newcomer run v10, SN16): the person now drowsy or hard to wake is a
 * sign for 911 now, not Poison Control again "even if all seems well"; and a call to 911 is thanked
 * as a call to 911, not to Poison Control. Real triage and recognizer through the whole bot, SMS and
 * Web Chat, both languages; the sentences are not the run's.
 */
describe('after a Poison Control answer: drowsiness is 911, and a call to 911 is thanked as one (pipeline/urgentFollowUp.ts)', function () {
  this.timeout(90_000);
  const cases = [
    { channelId: 'sms', locale: 'es', poison: 'mi niña se comio unas pastillas de la abuela, no se cuantas', drowsy: 'y ahora? la veo medio dormida', called: 'ya llame al 911, ya vienen', urgent: /Llame al 911 ahora/, thanked: /Gracias por llamar\./, notPoisonThanks: /Control de Envenenamientos\. Siga/ },
    { channelId: 'webchat', locale: 'en', poison: 'my son got into my purse and swallowed some of my pills', drowsy: 'what now, he is really sleepy', called: 'ok i called 911 and the ambulance is coming', urgent: /Call 911 now/, thanked: /Thank you for calling/, notPoisonThanks: /calling Poison Control/ },
  ] as const;

  for (const c of cases) {
    it(`${c.channelId} ${c.locale}: drowsy after the pills gets 911 now`, async () => {
      const chat = await realChat(c.channelId, { locale: c.locale });
      assert.match(textOf(await chat.say(c.poison)), /1-800-222-1222/);
      const replies = await chat.say(c.drowsy);
      assert.match(textOf(replies), c.urgent);
      assertChannelRules(c.channelId, replies);
    });

    it(`${c.channelId} ${c.locale}: a call to 911 after Poison Control is thanked as a call to 911`, async () => {
      const chat = await realChat(c.channelId, { locale: c.locale });
      assert.match(textOf(await chat.say(c.poison)), /1-800-222-1222/);
      const text = textOf(await chat.say(c.called));
      assert.match(text, c.thanked);
      assert.doesNotMatch(text, c.notPoisonThanks);
    });
  }
});
