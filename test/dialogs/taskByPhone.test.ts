import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * A member who cannot use the portal asks us to do the task (newcomer run v11, XQ03, SMS es,
 * anonymous): after the answer on how to cancel on the portal, "no tengo compu, la pueden cancelar
 * ustedes x fa" got the same portal answer again. The phone way of the topic they are on, at once,
 * in English and Spanish: for appointments Member Services (and the app on a phone); for a bill,
 * the billing line.
 */
describe('a task asked of us by a member without the portal gets the phone way (newcomer run v11, XQ03)', function () {
  this.timeout(300_000);

  const cases: Array<{ channel: 'sms' | 'webchat'; es: boolean; open: string; ask: string; number: RegExp; topic: RegExp }> = [
    { channel: 'sms', es: true, open: 'hola quiero cancelar mi cita del martes', ask: 'no tengo compu, la pueden cancelar ustedes x fa', number: /1-800-555-0100/, topic: /cita/ },
    { channel: 'sms', es: true, open: 'quiero cancelar mi cita de mañana', ask: 'no se usar el portal, me la cancelan ustedes?', number: /1-800-555-0100/, topic: /cita/ },
    { channel: 'sms', es: false, open: 'i want to cancel my appointment on tuesday', ask: 'i dont have a computer, can you cancel it for me', number: /1-800-555-0100/, topic: /appointment/ },
    { channel: 'webchat', es: false, open: 'cancel my appointment on friday', ask: 'i dont have internet at home, can you do it for me?', number: /1-800-555-0100/, topic: /appointment/ },
    { channel: 'webchat', es: false, open: 'how do i set up a payment plan', ask: 'i cant use the website, can you do it for me', number: /1-800-555-0133/, topic: /payment plan/ },
  ];

  for (const c of cases) {
    it(`${c.channel} ${c.es ? 'es' : 'en'}: "${c.ask}"`, async () => {
      const chat = await realChat(c.channel, { locale: c.es ? 'es' : 'en' });
      const first = textOf(await chat.say(c.open));
      const text = textOf(await chat.say(c.ask));
      assert.notEqual(text, first, text);
      assert.match(text, c.es ? /No necesita el portal/ : /You don't need the portal/, text);
      assert.match(text, c.number, text);
      assert.match(text, c.topic, text);
      assert.doesNotMatch(text, /https?:\/\//, text);
    });
  }
});
