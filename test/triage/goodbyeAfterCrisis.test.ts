import assert from 'node:assert/strict';
import { assertChannelRules, choicesOf, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * What a member wrote right after a safety answer in the newcomer run v4 (SD15): a thanks and goodbye,
 * with the real triage and recognizer through the whole bot. The sentences are not the run's: the
 * cause is tested, not the wording.
 */
describe('after a crisis answer, a thanks and goodbye (pipeline/urgentFollowUp.ts)', function () {
  this.timeout(60_000);

  describe('SMS: after a crisis answer, a thanks and goodbye gets a warm goodbye with 988, not the crisis script again', () => {
    it('English', async () => {
      const chat = await realChat('sms');
      assert.match(textOf(await chat.say("i can't keep going, i want to die")), /988/);
      const replies = await chat.say('alright, thank you so much. goodbye');
      const text = textOf(replies);
      assert.match(text, /Take care/);
      assert.match(text, /988/);
      assert.doesNotMatch(text, /I'm still here|already taken something/);
      assert.deepEqual(choicesOf(replies), []);
      assertChannelRules('sms', replies);
    });

    it('Spanish', async () => {
      const chat = await realChat('sms', { locale: 'es' });
      assert.match(textOf(await chat.say('ya no quiero vivir')), /988/);
      const replies = await chat.say('muchas gracias, hasta luego');
      const text = textOf(replies);
      assert.match(text, /Cuídese/);
      assert.match(text, /988/);
      assert.doesNotMatch(text, /Sigo aquí|ya tomó algo/);
      assertChannelRules('sms', replies);
    });
  });
});
