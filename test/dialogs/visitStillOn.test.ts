import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat, signedInChat } from './memberWords';
import { hasLink, hasNot, say } from './replyChecks';

/**
 * Appointments in the newcomer run v14: a question whether a visit is still on is the member's
 * visits, never a booking (YZ05) nor a cancel confirmation (YX08); how long a symptom lasted
 * ("crying all night") is never a preferred time (YW01); "moverla … el martes in the morning"
 * moves the visit with the day and part of the day said (YX11). Through the whole bot with the
 * real recognizer, in both languages, in words other than the transcripts' too.
 */
describe('appointments in the newcomer run v14 (YZ05, YX08, YW01, YX11)', function () {
  this.timeout(120_000);

  const stillOn: Array<['en' | 'es', string]> = [
    ['en', 'my lab appointment on the 18th, do i still have it?'],
    ['en', 'is my appointment still on?'],
    ['en', 'did my lab appointment get cancelled?'],
    ['es', 'todavia tengo la cita del 18?'],
    ['es', 'sigue en pie mi cita?'],
  ];
  for (const [locale, words] of stillOn) {
    it(`webchat ${locale}, signed in: "${words}" lists the member's visits, never open times to book (YZ05)`, async () => {
      const chat = await signedInChat('EH1000001', { locale });
      const replies = await say(chat, 'webchat', words);
      hasNot(locale, replies, 'appointment.ask.patient');
      hasNot(locale, replies, 'appointment.ask.action');
      assert.match(textOf(replies), /9:30/);
      assert.doesNotMatch(textOf(replies), /open times|horarios disponibles|book it|reservo/i);
    });
  }
  it('webchat en, not signed in: "is my lab appointment still on?" is the visits page', async () => {
    const chat = await realChat('webchat', { locale: 'en' });
    const replies = await say(chat, 'webchat', 'is my lab appointment still on?');
    hasNot('en', replies, 'appointment.ask.patient');
    hasLink(replies, '/secure/appointments/upcoming');
  });

  for (const words of ['what about the other one, is that still on?', 'and the other one is still happening right?']) {
    it(`webchat en, signed in: "${words}" after a cancel is the visit left, not a cancel confirmation (YX08)`, async () => {
      const chat = await signedInChat('EH1000001', { locale: 'en' });
      await say(chat, 'webchat', 'cancel my appt');
      await say(chat, 'webchat', 'the lab one');
      await say(chat, 'webchat', 'yep');
      const replies = await say(chat, 'webchat', words);
      assert.doesNotMatch(textOf(replies), /^Cancel /m);
      assert.match(textOf(replies), /Maya Chen/);
    });
  }

  for (const [reason, when] of [
    ['urgent i guess, its his ear hes been crying all night', 'tomorrow afternoon if possible'],
    ['urgent, he has had a fever since last night', 'tomorrow afternoon'],
  ] as const) {
    it(`webchat en: "${reason}" is no preferred time: the day is asked, then "${when}" taken (YW01)`, async () => {
      const chat = await realChat('webchat', { locale: 'en' });
      await say(chat, 'webchat', 'hi i need to make an appt for my son hes got an ear thing');
      await say(chat, 'webchat', reason);
      const asked = await say(chat, 'webchat', 'in person');
      assert.doesNotMatch(textOf(asked), /at night|scheduling page/i);
      const answer = await say(chat, 'webchat', when);
      hasNot('en', answer, 'appointment.ask.action');
      assert.match(textOf(answer), /in the afternoon/);
    });
  }
  it('webchat es: "toda la noche" / "desde anoche" in a reason is no preferred time', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    await say(chat, 'webchat', 'necesito una cita para mi hijo, le duele el oido');
    await say(chat, 'webchat', 'urgente, estuvo llorando toda la noche y tiene fiebre desde anoche');
    const asked = await say(chat, 'webchat', 'en persona');
    assert.doesNotMatch(textOf(asked), /por la noche|página para programar/i);
  });

  for (const words of ['puedo moverla pa la otra semana? like el martes in the morning', 'me la puedes reprogramarla para el martes in the afternoon?']) {
    it(`webchat es, signed in: "${words}" moves the visit with the day and part of day said (YX11)`, async () => {
      const chat = await signedInChat('EH1000001', { locale: 'es' });
      await say(chat, 'webchat', 'cancelar mi cita de laboratorio');
      await say(chat, 'webchat', 'sí');
      await say(chat, 'webchat', 'cuales son mis citas');
      const replies = await say(chat, 'webchat', words);
      hasNot('es', replies, 'appointment.ask.action');
      assert.doesNotMatch(textOf(replies), /¿Cuándo prefiere/);
      assert.match(textOf(replies), /martes.*por la (mañana|tarde)/);
    });
  }
});
