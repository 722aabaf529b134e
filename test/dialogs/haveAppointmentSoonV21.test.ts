import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Newcomer run v21, X08 (SMS, Spanish): "y tengo cita pronto con la doctora para hablar de eso?"
 * (does she already have a visit) got the appointments menu and then a booking. Asking whether a
 * visit is already there finds the member's visits (here, where to see them, not signed in).
 */
describe('v21: "do I already have a visit soon" finds the visits, not a booking', function () {
  this.timeout(120_000);
  for (const say of ['y tengo cita pronto con la doctora para hablar de eso?', 'ya tengo consulta esta semana?']) {
    it(`sms es: "${say}"`, async () => {
      const chat = await realChat('sms', { locale: 'es' });
      const text = textOf(await chat.say(say));
      assert.match(text, /Sus próximas citas están en la página Mis citas/, text);
      assert.doesNotMatch(text, /¿Qué le gustaría hacer\?|¿Para quién es la cita\?/, text);
    });
  }

  // Newcomer run v21, weak: "do i already have an appt soon?" asked "Who is the appointment for?" first.
  for (const say of ['do i already have an appt soon?', 'have i got an appointment coming up?']) {
    it(`webchat en: "${say}"`, async () => {
      const chat = await realChat('webchat', { locale: 'en' });
      const text = textOf(await chat.say(say));
      assert.match(text, /To show your appointments, I need to know it's you/, text);
      assert.doesNotMatch(text, /Who is the appointment for\?|What would you like to do\?/, text);
    });
  }
});
