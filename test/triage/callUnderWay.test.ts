import assert from 'node:assert/strict';
import { assertChannelRules, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * What a member wrote right after a safety answer in the newcomer run v4 (TD05): a call under way ("ok calling"),
 * with the real triage and recognizer through the whole bot. The sentences are not the run's: the
 * cause is tested, not the wording.
 */
describe('after a 911 answer, a call under way (pipeline/followUpReading.ts)', function () {
  this.timeout(60_000);

  describe('Teams: after a 911 answer, a call under way is acknowledged, never answered as a refusal', () => {
    it('English', async () => {
      const chat = await realChat('msteams');
      assert.match(textOf(await chat.say('my mom has crushing chest pain and is sweating a lot')), /Call 911 now/);
      const replies = await chat.say('alright dialing now');
      const text = textOf(replies);
      assert.match(text, /Thank you for calling/);
      assert.doesNotMatch(text, /Please don't wait|too late/);
      assertChannelRules('msteams', replies);
    });

    it('Spanish', async () => {
      const chat = await realChat('msteams', { locale: 'es' });
      assert.match(textOf(await chat.say('a mi abuelo le duele mucho el pecho y le falta el aire')), /911/);
      const text = textOf(await chat.say('bueno, ya estoy llamando'));
      assert.match(text, /Gracias por llamar/);
      assert.doesNotMatch(text, /Por favor no espere|llegar tarde/);
    });
  });
});
