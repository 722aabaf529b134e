import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat, signedInChat } from './memberWords';
import { has, hasLink, hasNot, say } from './replyChecks';

/**
 * Not remembering the time, day or place of a visit is the upcoming-appointments answer, never
 * sign-in help (newcomer run v11b, XR03: "no me acuerdo la hora" → "Le ayudo a volver a entrar…");
 * a forgotten password is still sign-in help. Through the whole bot with the real recognizer, in
 * both languages, in words other than the transcript's too.
 */
describe('a forgotten visit time is the upcoming appointments (newcomer run v11b, XR03)', function () {
  this.timeout(120_000);

  it('webchat es: "no me acuerdo la hora" after a cancel answer is the visits page, not sign-in help', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    await say(chat, 'webchat', 'hola necesito cancelar mi cita del martes');
    const time = await say(chat, 'webchat', 'no me acuerdo la hora');
    hasNot('es', time, 'password_reset.ask.topic');
    hasLink(time, '/secure/appointments/upcoming');
  });

  // Without "my" (newcomer run v11b, XS): a question about when a visit is never asks whose visit it is first.
  for (const [channel, words] of [['webchat', 'no recuerdo el dia'], ['webchat', 'se me olvido a que hora es la consulta'], ['sms', 'cuando es la cita?'], ['webchat', 'no se cuando es la consulta']] as const) {
    it(`${channel} es: "${words}" is the visits page at once, never "who is it for?"`, async () => {
      const chat = await realChat(channel, { locale: 'es' });
      const replies = await say(chat, channel, words);
      hasNot('es', replies, 'password_reset.ask.topic');
      hasNot('es', replies, 'appointment.ask.patient');
      hasLink(replies, '/secure/appointments/upcoming');
    });
  }
  for (const words of ['forgot what day the appointment is', 'when is the appt?']) {
    it(`sms en: "${words}" is the visits page at once, never "who is it for?"`, async () => {
      const chat = await realChat('sms', { locale: 'en' });
      const replies = await say(chat, 'sms', words);
      hasNot('en', replies, 'appointment.ask.patient');
      hasLink(replies, '/secure/appointments/upcoming');
    });
  }
  it('webchat es, signed in: "no recuerdo el dia" shows the member\'s own visits, never "who is it for?"', async () => {
    const chat = await signedInChat('EH1000001', { locale: 'es' });
    const replies = await say(chat, 'webchat', 'no recuerdo el dia');
    hasNot('es', replies, 'appointment.ask.patient');
    assert.match(textOf(replies), /Lab|laboratorio|análisis|9:30/i);
  });
  const cases: Array<['en' | 'es', string]> = [
    ['es', 'no recuerdo el dia de mi cita'],
    ['es', 'cuando era mi cita?'],
    ['en', 'i forgot what time my appt is'],
    ['en', 'cant remember what day my appointment is'],
  ];
  for (const [locale, words] of cases) {
    it(`webchat ${locale}: "${words}" gets the upcoming appointments, not a menu nor sign-in help`, async () => {
      const chat = await realChat('webchat', { locale });
      const replies = await say(chat, 'webchat', words);
      hasNot(locale, replies, 'password_reset.ask.topic');
      hasNot(locale, replies, 'appointment.ask.action');
      hasLink(replies, '/secure/appointments/upcoming');
    });
  }

  for (const [locale, words] of [['es', 'no me acuerdo de mi contraseña'], ['en', 'i forgot my password']] as const) {
    it(`webchat ${locale}: "${words}" is still the password answer`, async () => {
      const chat = await realChat('webchat', { locale });
      const replies = await say(chat, 'webchat', words);
      has(locale, replies, 'password_reset.answer.forgotPassword');
    });
  }
});
