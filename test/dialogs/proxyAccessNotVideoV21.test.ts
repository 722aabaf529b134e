import { JORDAN } from '../support/identity';
import { realChat, signedInChat } from './memberWords';
import { has, hasNot, say } from './replyChecks';

/**
 * Newcomer run v21 (Web Chat, the real recognizer): Sam, signed in without proxy access, books for
 * his mother and is told how to get that access.
 * - "y como hago para q me den ese acceso? ella tiene 74 y no ve bien la pantalla" right after
 *   that answer asks how to get THAT access: the proxy-access answer, never the video-visits menu
 *   a "screen" (pantalla) in the same message made the recognizer think of.
 * - "no, nada de video. como pido el acceso de representante para mi mamá?" to the video-visits
 *   menu: the video visit said no to is never picked ("para mi mamá" is not whose video visit),
 *   and the rest is routed afresh: the proxy-access answer.
 * - "how do I get proxy access for my mom?" asked afresh: the records' proxy-access answer.
 * The same in English, and in other words with the same meaning.
 */

type Case = { locale: 'en' | 'es'; before: string[]; then: string };

const PROXY = 'records.answer.proxyAccess';
const FOLLOW_UP_PROXY = 'followUp.about.proxy';

/** Right after the no-proxy answer, how to get that access. */
const AFTER_NO_PROXY: Case[] = [
  { locale: 'es', before: ['necesito una cita para mi mamá'], then: 'y como hago para q me den ese acceso? ella tiene 74 y no ve bien la pantalla' },
  { locale: 'es', before: ['quiero sacar una cita para mi papá'], then: '¿y cómo lo pido? él ya no ve bien la pantalla de la compu' },
  { locale: 'es', before: ['quiero hacer una cita', 'es para mi mamá'], then: 'ok, como consigo ese acceso?' },
  { locale: 'en', before: ['i need an appointment for my mom'], then: "how do I get that access? she's 80 and can't see the screen well" },
  { locale: 'en', before: ['book a checkup for my dad'], then: 'ok how do i request that access, he cant really use a screen' },
  { locale: 'en', before: ['i need an appointment', 'for my mother'], then: 'how do i get it?' },
];

/** At the video-visits menu: the video said no to, and a request for proxy access. */
const NOT_VIDEO: Case[] = [
  { locale: 'es', before: ['videoconsulta'], then: 'no, nada de video. como pido el acceso de representante para mi mamá?' },
  { locale: 'es', before: ['visitas por video'], then: 'sin video por favor. como obtengo el acceso de representante para la cuenta de mi papá?' },
  { locale: 'en', before: ['video visits'], then: 'no, not video. how do I get proxy access for my mom?' },
  { locale: 'en', before: ['video visit'], then: 'nothing about video. how can i get proxy access to my dads account' },
];

describe('how to get proxy access, never a video visit (newcomer run v21)', function () {
  this.timeout(120_000);

  for (const c of AFTER_NO_PROXY) {
    it(`(${c.locale}) "${c.before.join('" / "')}" then "${c.then}": the proxy-access answer`, async () => {
      const chat = await signedInChat(JORDAN.memberId, { locale: c.locale });
      for (const line of c.before) await say(chat, 'webchat', line);
      const replies = await say(chat, 'webchat', c.then);
      has(c.locale, replies, FOLLOW_UP_PROXY);
      hasNot(c.locale, replies, 'telehealth.ask.topic');
      hasNot(c.locale, replies, 'password_reset.ask.topic');
    });
  }

  for (const c of NOT_VIDEO) {
    it(`(${c.locale}) "${c.before.join('" / "')}" then "${c.then}": no video visit, the proxy-access answer`, async () => {
      const chat = await signedInChat(JORDAN.memberId, { locale: c.locale });
      for (const line of c.before) await say(chat, 'webchat', line);
      const replies = await say(chat, 'webchat', c.then);
      hasNot(c.locale, replies, 'telehealth.answer.book');
      hasNot(c.locale, replies, 'appointment.noProxyBooking');
      has(c.locale, replies, PROXY);
      // The video visits said no to are not offered back.
      hasNot(c.locale, replies, 'main.resume.task.telehealth');
    });
  }

  for (const [locale, ask] of [['en', 'how do i become a proxy for my dad'], ['es', 'quiero saber como ser representante de mi papá en el portal']] as const) {
    it(`(${locale}) "${ask}" afresh: the proxy-access answer`, async () => {
      const chat = await realChat('webchat', { locale });
      has(locale, await say(chat, 'webchat', ask), PROXY);
    });
  }

  it('(en) a video visit said no to at the video-visits menu is not booked', async () => {
    const chat = await realChat('webchat', { locale: 'en' });
    await say(chat, 'webchat', 'video visits');
    hasNot('en', await say(chat, 'webchat', 'i dont want to book a video visit, how do they work?'), 'telehealth.answer.book');
  });

  it('(es) "es para mi hija" alone at the video-visits menu still books one for her', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    await say(chat, 'webchat', 'videoconsulta');
    has('es', await say(chat, 'webchat', 'es para mi hija'), 'telehealth.answer.book');
  });
});
