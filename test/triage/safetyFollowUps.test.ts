import assert from 'node:assert/strict';
import { assertChannelRules, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * Safety answers and what members write right after them (newcomer run v7: TK12, SK09, WJ22), with
 * the real triage and recognizer through the whole bot. The sentences are not the run's: the cause
 * is tested, not the wording.
 */
describe('safety answers and their follow-ups (newcomer run v7)', function () {
  this.timeout(60_000);

  describe('after a crisis answer, the less urgent line is the behavioral-health line, never the nurse line (TK12)', () => {
    it('Teams, Spanish: 988, then the behavioral-health line; no gendered "solo/sola"', async () => {
      const chat = await realChat('msteams', { locale: 'es' });
      const text = textOf(await chat.say('siento que no quiero seguir viviendo'));
      assert.match(text, /988/);
      assert.match(text, /1-800-555-0144/);
      assert.doesNotMatch(text, /1-800-555-0111|enfermer/);
      assert.doesNotMatch(text, /\bsol[oa]\b/);
    });

    it('Teams, English: 988, then the behavioral-health line', async () => {
      const chat = await realChat('msteams');
      const text = textOf(await chat.say('i just want to die, i cant do this anymore'));
      assert.match(text, /988/);
      assert.match(text, /1-800-555-0144/);
      assert.doesNotMatch(text, /1-800-555-0111|nurse/);
    });
  });

  describe("an adult's disclosure of a partner's violence names no child's line unless a child is named (SK09)", () => {
    it('SMS, English: the DV hotline, no Childhelp', async () => {
      for (const words of ['my husband hits me and i dont feel safe at home', 'my girlfriend hits me and i do not feel safe at home']) {
        const chat = await realChat('sms');
        const replies = await chat.say(words);
        const text = textOf(replies);
        assert.match(text, /^I'm sorry this is happening/, words);
        assert.match(text, /1-800-799-7233/, words);
        assert.doesNotMatch(text, /Childhelp|1-800-422-4453/, words);
        assertChannelRules('sms', replies);
      }
    });
  });

  describe('after an abuse answer, not wanting the police: the hotline is not the police (SK09, TK12)', () => {
    it('SMS, English: not the police, confidential, the text option', async () => {
      const chat = await realChat('sms');
      assert.match(textOf(await chat.say('my girlfriend hits me and i am afraid of her')), /1-800-799-7233/);
      const replies = await chat.say('but i really dont want the cops involved');
      const text = textOf(replies);
      assert.match(text, /not the police/);
      assert.match(text, /confidential/);
      assert.match(text, /text START to 88788/);
      assert.doesNotMatch(text, /988/);
      assertChannelRules('sms', replies);
    });

    it('Teams, Spanish: no es la policía, confidencial, el texto', async () => {
      const chat = await realChat('msteams', { locale: 'es' });
      assert.match(textOf(await chat.say('mi esposo me pega y me da miedo')), /1-800-799-7233/);
      const text = textOf(await chat.say('no quiero que llamen a la policia'));
      assert.match(text, /no es la policía/);
      assert.match(text, /confidencial/);
      assert.match(text, /START por texto al 88788/);
      assert.doesNotMatch(text, /988/);
    });
  });

  describe('right after the mental-health answer, a person to talk to is the behavioral-health line (WJ22)', () => {
    it('Web Chat, Spanish: "con quién hablo de esto"', async () => {
      const chat = await realChat('webchat', { locale: 'es' });
      assert.match(textOf(await chat.say('ultimamente me siento muy deprimida y sin ganas de nada')), /1-800-555-0144/);
      const text = textOf(await chat.say('y con quién hablo de esto?'));
      assert.match(text, /^Puede hablar con alguien ahora: .*1-800-555-0144/);
    });

    it('Web Chat, English: "who could I talk to about it"', async () => {
      const chat = await realChat('webchat');
      assert.match(textOf(await chat.say('i have been feeling really down and anxious for weeks')), /1-800-555-0144/);
      const text = textOf(await chat.say('who could i talk to about it'));
      assert.match(text, /^You can talk to someone now: .*1-800-555-0144/);
    });
  });
});
