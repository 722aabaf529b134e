import assert from 'node:assert/strict';
import { assertChannelRules, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * What a member wrote right after a safety answer in the newcomer run v4 (WC27): a worry about who will know ("don't tell anyone"),
 * with the real triage and recognizer through the whole bot. The sentences are not the run's: the
 * cause is tested, not the wording.
 */
describe('after an abuse disclosure, a worry about who will know (pipeline/urgentFollowUp.ts)', function () {
  this.timeout(60_000);

  it('SMS: "will he know I called you" is the same worry, not a call made; the answer keeps the SMS rules', async () => {
    const chat = await realChat('sms');
    assert.match(textOf(await chat.say('my partner pushes me and grabs my neck when he drinks')), /1-800-799-7233/);
    const replies = await chat.say('will my husband know i called you');
    const text = textOf(replies);
    assert.match(text, /confidential/);
    assert.match(text, /text START to 88788/);
    assert.doesNotMatch(text, /glad you reached out|988/);
    assertChannelRules('sms', replies);
  });

  describe('Web Chat: after an abuse disclosure, a worry about who will know is answered, never with the crisis script', () => {
    it('English: what stays private, the DV hotline (text START to 88788), 911; no 988', async () => {
      const chat = await realChat('webchat');
      assert.match(textOf(await chat.say('my boyfriend shoves me around when he is angry and i am afraid of him')), /1-800-799-7233/);
      for (const worry of ["you won't tell him about this right?", 'can he see what i write here']) {
        const replies = await chat.say(worry);
        const text = textOf(replies);
        assert.match(text, /confidential/, worry);
        assert.match(text, /text START to 88788/, worry);
        assert.match(text, /call 911/, worry);
        assert.doesNotMatch(text, /988|already taken something|Childhelp/, worry);
        assertChannelRules('webchat', replies);
      }
    });

    it('Spanish: lo mismo en español', async () => {
      const chat = await realChat('webchat', { locale: 'es' });
      assert.match(textOf(await chat.say('mi pareja me golpea y me da miedo volver a la casa')), /1-800-799-7233/);
      for (const worry of ['por favor no le cuente nada a mi esposo', '¿mi pareja va a saber que le escribí?']) {
        const text = textOf(await chat.say(worry));
        assert.match(text, /confidencial/, worry);
        assert.match(text, /START por texto al 88788/, worry);
        assert.match(text, /llame al 911/, worry);
        assert.doesNotMatch(text, /988|ya tomó algo|Childhelp/, worry);
      }
    });
  });
});
