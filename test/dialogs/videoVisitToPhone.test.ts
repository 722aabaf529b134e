import assert from 'node:assert/strict';
import { choicesOf, textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Switching the visit about to start from video to phone (newcomer run v11, XP09, Teams,
 * anonymous): after the camera trouble's answer, "can i just switch it to a phone call instead"
 * started a new booking ("Who is the appointment for?"). It is the visit they have: how to have it
 * by phone (call the line now), in English and Spanish, in other words too.
 */
describe('switching the video visit to a phone call is not a new booking (newcomer run v11, XP09)', function () {
  this.timeout(300_000);

  const cases = [
    { channel: 'msteams' as const, locale: 'en' as const, trouble: 'my camera isnt working on the video thing, appt is in 10 min', ask: 'can i just switch it to a phone call instead' },
    { channel: 'webchat' as const, locale: 'en' as const, trouble: 'my mic is not working for my video visit', ask: 'i already have the appt, can we do it over the phone' },
    { channel: 'msteams' as const, locale: 'es' as const, trouble: 'no me funciona la camara para la cita de video, es en 10 minutos', ask: 'puedo cambiarla a llamada mejor' },
    { channel: 'webchat' as const, locale: 'es' as const, trouble: 'no me funciona la camara para la videoconsulta', ask: 'ya tengo la cita, la quiero por telefono en vez de video' },
  ];

  for (const c of cases) {
    it(`${c.channel} ${c.locale}: "${c.ask}" says how to have that visit by phone`, async () => {
      const chat = await realChat(c.channel, { locale: c.locale });
      await chat.say(c.trouble);
      const replies = await chat.say(c.ask);
      const text = textOf(replies);
      assert.match(text, /1-800-555-0100/, text);
      assert.match(text, c.locale === 'es' ? /por teléfono/ : /by phone/, text);
      assert.doesNotMatch(text, /Who is the appointment for|Para quién es la cita|What kind of care|Qué tipo de atención/, text);
      assert.ok(!choicesOf(replies).some((t) => /Myself|Para m[ií]/.test(t)), choicesOf(replies).join(' | '));
    });
  }
});
