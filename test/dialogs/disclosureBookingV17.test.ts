import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { MemberChat } from '../support/identity';
import { say, sayAll, type Replies } from './replyChecks';

/**
 * Newcomer run v17 (X11, X10), through the whole bot with the real recognizer and safety triage:
 * - after a domestic-violence disclosure, the abuser watching the phone gets phone-safety advice,
 *   not the disclosure script again, and a visit asked for with it goes on (the hotline line once);
 *   the booking's next answers ("1 in person. tmrw or wed") are the booking's, not the DV follow-up;
 * - a closing after a crisis or a disclosure ends with one line that the number is there any time.
 * The run's clock: Mon Dec 7 2026, 04:27 UTC (Sunday Dec 6, 8:27 PM on the plan's default clock,
 * America/Los_Angeles: "this week" is that Sunday, "tomorrow" Monday Dec 7).
 */

type Channel = 'webchat' | 'msteams' | 'sms';
const RUN_CLOCK = Date.parse('2026-12-07T04:27:00Z');
const DV_SCRIPT = { en: 'You deserve to be safe', es: 'Merece estar a salvo' };
const DV_FOLLOW_UP = { en: "If you can't talk right now", es: 'Si no puede hablar ahora' };
const PHONE_SAFETY = { en: /phone they can't check|delete this thread|clear your browser history/, es: /teléfono que no puedan revisar|borrar esta conversación|borre el historial/i };
const HOW_SEEN = { en: 'back to booking your appointment', es: 'seguimos con su cita' };

async function open(channel: Channel, locale: 'en' | 'es'): Promise<MemberChat> {
  const chat = new MemberChat({
    channelId: channel,
    ...(channel === 'sms' ? {} : { locale: locale === 'es' ? 'es-US' : 'en-US' }),
    now: () => RUN_CLOCK,
    overrides: { understanding: undefined, emergencyCheck: undefined },
  });
  await chat.open(locale === 'es' ? 'hola' : 'hi');
  return chat;
}

const run = (chat: MemberChat, channel: Channel, lines: string[]): Promise<Replies> => sayAll(chat, channel, lines);

const DISCLOSED = {
  en: ['i need an appointment this week', '1', 'idk. my boyfriend shoved me into the wall last night and my wrist is all swollen'],
  es: ['necesito una cita esta semana', '1', 'no se. mi novio me empujo contra la pared anoche y tengo la muñeca hinchada'],
};

const WATCHED: { channel: Channel; locale: 'en' | 'es'; then: string }[] = [
  { channel: 'sms', locale: 'en', then: 'he checks my phone sometimes. can i still get my wrist looked at this week' },
  { channel: 'webchat', locale: 'en', then: 'he checks my phone sometimes. can i still get my wrist looked at this week' },
];

describe('v17: after a disclosure, a watched phone and a booking; closings keep the line (X11, X10)', function () {
  this.timeout(120_000);

  for (const c of WATCHED) {
    it(`${c.channel} ${c.locale}: "${c.then}" gets phone safety and the booking goes on, then its answers are the booking's`, async () => {
      const chat = await open(c.channel, c.locale);
      await run(chat, c.channel, DISCLOSED[c.locale]);
      const watched = await say(chat, c.channel, c.then);
      const text = textOf(watched);
      assert.match(text, PHONE_SAFETY[c.locale], text);
      assert.ok(!text.includes(DV_SCRIPT[c.locale]), `the disclosure script again:\n${text}`);
      assert.ok(text.includes(HOW_SEEN[c.locale]), `no booking:\n${text}`);
      const next = await say(chat, c.channel, c.locale === 'es' ? '1 en persona. mañana o el miercoles si se puede' : '1 in person. tmrw or wed if possible');
      assert.ok(!textOf(next).includes(DV_FOLLOW_UP[c.locale]), `the DV follow-up instead of the booking:\n${textOf(next)}`);
    });
  }

  const CLOSINGS: { channel: Channel; locale: 'en' | 'es'; before: string[]; then: string; line: string }[] = [
    { channel: 'sms', locale: 'es', before: ['quiero hablar con una persona', 'es que ya no quiero vivir, estoy muy cansada de todo', 'no puedo llamar, mis hijos estan aqui y no quiero que me escuchen', 'ok le mando texto al 988'], then: 'no, gracias', line: '988' },
    { channel: 'sms', locale: 'en', before: [...DISCLOSED.en, 'ok but what about my wrist, can i get an appt for it', '1', 'tomorrow'], then: 'forget it ill just call', line: '1-800-799-7233' },
  ];
  for (const c of CLOSINGS) {
    it(`${c.channel} ${c.locale}: "${c.then}" after a crisis or a disclosure ends with the line (${c.line})`, async () => {
      const chat = await open(c.channel, c.locale);
      await run(chat, c.channel, c.before);
      const bye = await say(chat, c.channel, c.then);
      assert.ok(textOf(bye).includes(c.line), textOf(bye));
    });
  }
});
