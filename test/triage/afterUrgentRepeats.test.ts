import assert from 'node:assert/strict';
import { assertChannelRules, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * Newcomer run v8 (WM13, TM10, WM23): what follows an urgent or mental-health answer is never the
 * same paragraph, or the same number, given again word for word. The sentences are not the run's.
 */
describe('after an urgent answer, no paragraph or number said twice in a row (pipeline/urgentFollowUp.ts)', function () {
  this.timeout(300_000);

  const count = (text: string, re: RegExp): number => (text.match(new RegExp(re.source, 'g')) ?? []).length;

  describe('Web Chat: a thanks after the Poison Control answer is a short reply with the number, not the paragraph', () => {
    it('English', async () => {
      const chat = await realChat('webchat');
      assert.match(textOf(await chat.say('my little boy swallowed some of my pills')), /1-800-222-1222/);
      const replies = await chat.say('ok thanks a lot');
      const text = textOf(replies);
      assert.match(text, /1-800-222-1222/);
      assert.doesNotMatch(text, /button batteries|hours later/);
      assert.ok(text.length < 160, text);
      assertChannelRules('webchat', replies);
    });

    it('Spanish', async () => {
      const chat = await realChat('webchat', { locale: 'es' });
      assert.match(textOf(await chat.say('mi niña se bebió un poco de blanqueador')), /1-800-222-1222/);
      const replies = await chat.say('muchas gracias');
      const text = textOf(replies);
      assert.match(text, /1-800-222-1222/);
      assert.doesNotMatch(text, /pilas de botón|horas después/);
      assert.ok(text.length < 160, text);
      assertChannelRules('webchat', replies);
    });
  });

  describe('Teams: a question on something else right after the crisis follow-up is acknowledged, with 988 in one line', () => {
    it('English', async () => {
      const chat = await realChat('msteams');
      assert.match(textOf(await chat.say('honestly i just want to disappear for good')), /988/);
      const first = textOf(await chat.say('never mind, i am ok'));
      const replies = await chat.say('who won the football game last night');
      const text = textOf(replies);
      assert.notEqual(text, first);
      assert.match(text, /988/);
      assert.match(text, /outside|in a moment/);
      assert.ok(text.length < 200, text);
      assertChannelRules('msteams', replies);
    });

    it('Spanish', async () => {
      const chat = await realChat('msteams', { locale: 'es' });
      assert.match(textOf(await chat.say('ya no quiero seguir viviendo')), /988/);
      const first = textOf(await chat.say('no importa, ya estoy bien'));
      const replies = await chat.say('quien gano el partido de futbol anoche');
      const text = textOf(replies);
      assert.notEqual(text, first);
      assert.match(text, /988/);
      assert.match(text, /este chat|en un momento/);
      assert.ok(text.length < 220, text);
      assertChannelRules('msteams', replies);
    });
  });

  describe('Web Chat: booking on from the mental-health answer gives the behavioral-health line once', () => {
    it('English', async () => {
      const chat = await realChat('webchat');
      assert.match(textOf(await chat.say("i've been feeling really depressed lately")), /1-800-555-0144/);
      const text = textOf(await chat.say('could i set up a visit with a therapist'));
      assert.equal(count(text, /1-800-555-0144/), 1, text);
    });

    it('Spanish', async () => {
      const chat = await realChat('webchat', { locale: 'es' });
      assert.match(textOf(await chat.say('me he sentido muy deprimida estas semanas')), /1-800-555-0144/);
      const text = textOf(await chat.say('quisiera una cita con un terapeuta'));
      assert.equal(count(text, /1-800-555-0144/), 1, text);
    });
  });
});
