import assert from 'node:assert/strict';
import { assertChannelRules, textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Going back to the booking an abuse disclosure ended, once the window's messages are used
 * (newcomer run v15, YX13): "y la cita de mi hija? el jueves en la tarde" got the appointments
 * menu from the start, the daughter and the day lost. The task the disclosure ended is kept for
 * the window's time (pipeline/urgentWindow.ts) and goes on with the new words. Real triage and
 * recognizer through the whole bot.
 */
describe('the booking an abuse disclosure ended goes on when asked for again (YX13)', function () {
  this.timeout(120_000);
  const cases = [
    { channelId: 'sms', locale: 'es', open: 'necesito cita para mi hija tiene tos desde hace dias', disclosure: 'en persona pero mi esposo me pega y tengo miedo de ir a la clinica sola', between: 'no se que hacer', back: 'y la cita de mi hija? el jueves en la tarde', family: /Para un familiar/, when: /jueves, [^.]*por la tarde/ },
    { channelId: 'msteams', locale: 'es', open: 'necesito cita para mi hija tiene tos desde hace dias', disclosure: 'en persona pero mi esposo me pega y tengo miedo de ir a la clinica sola', between: 'no se que hacer', back: 'y la cita de mi hija? el jueves en la tarde', family: /Para un familiar/, when: /jueves, [^.]*por la tarde/ },
  ] as const;
  for (const c of cases) {
    it(`${c.channelId} ${c.locale}: "${c.back}" goes back to the booking with the daughter and the day`, async () => {
      const chat = await realChat(c.channelId, { locale: c.locale });
      await chat.say(c.open);
      assert.match(textOf(await chat.say(c.disclosure)), /1-800-799-7233/);
      await chat.say(c.between);
      const replies = await chat.say(c.back);
      const reply = textOf(replies);
      assert.match(reply, /911/, reply);
      assert.doesNotMatch(reply, /Qué le gustaría hacer|Nueva cita/, reply);
      assertChannelRules(c.channelId, replies);
      // "en persona", said with the disclosure, is kept with the booking: nothing left to ask (dialogs/common/runningTask.ts).
      assert.match(reply, c.family, reply);
      assert.match(reply, c.when, reply);
    });
  }
});
