import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * "Did you book it?" after the booking conversation ended (newcomer run v9: the visit was booked,
 * the member said thanks, and "did you book it?" started a new booking, "What kind of care do you
 * need?"): whether it was booked, with the visit, day and time from the back end; or that nothing
 * was booked in this chat. Both languages; real recognizer, signed in.
 */
describe('"did you book it?" after the booking ended (newcomer run v9)', function () {
  this.timeout(90_000);

  const NEW_BOOKING = /What kind of care|How would you like to be seen|Who is the appointment for|¿Qué tipo de atención|¿Cómo prefiere|¿Para quién/;

  const cases = [
    { locale: 'en' as const, book: ['book a checkup for me', 'in person', 'tomorrow morning', '1', 'yes', 'thanks'], ask: 'did you book it?', booked: /Yes, it's booked: in-person visit on Fri, Jun 6, 9:00 AM with Dr\. Maya Chen/ },
    { locale: 'en' as const, book: ['book a checkup for me', 'in person', 'tomorrow morning', '1', 'yes', 'thank you'], ask: 'is it booked?', booked: /Yes, it's booked: in-person visit on Fri, Jun 6, 9:00 AM/ },
    { locale: 'es' as const, book: ['quiero una cita de medicina general para mi', 'en persona', 'mañana en la mañana', '1', 'si', 'gracias'], ask: '¿ya quedó la cita?', booked: /Sí, quedó reservada: consulta en persona el vie, 6 de jun, 9:00 a\.\s?m\. con Dr\. Maya Chen/ },
  ];
  for (const c of cases) {
    it(`${c.locale}: "${c.ask}" after booking says the visit, day and time`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale });
      for (const line of c.book) await chat.say(line);
      const text = textOf(await chat.say(c.ask));
      assert.match(text, c.booked);
      assert.doesNotMatch(text, NEW_BOOKING);
    });
  }

  it('English: after a booking declined, nothing was booked', async () => {
    const chat = await signedInChat(ALEX.memberId);
    for (const line of ['book a checkup for me', 'in person', 'tomorrow morning', '1', 'no']) await chat.say(line);
    const text = textOf(await chat.say('did you book it?'));
    assert.match(text, /No, nothing was booked in this chat/);
    assert.doesNotMatch(text, NEW_BOOKING);
  });
});
