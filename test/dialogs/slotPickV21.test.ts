import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';
import { say } from './replyChecks';

/**
 * Newcomer run v21 (SMS, Spanish, signed in by a texted code), through the whole bot with the real
 * recognizer and safety triage (the run's sentences and others with the same meaning):
 * 1. At the open times, "la 3 con la dra chen" (option 3 is Dr. Chen's) got "¿Cuál de estas quiere
 *    decir?" with Dr. Chen's times numbered anew (3 became another time). A number with words that
 *    agree picks that option; words that disagree are asked about with the first numbers kept.
 * 2. Once the hourly limit of texted codes was reached, a later booking offered "1. Envíenme un
 *    código" again, and choosing it got the same refusal. Now no code is offered until the limit
 *    resets: the scheduling page, with the time said ("el viernes temprano" is the morning).
 */

const channel = 'sms';
type Locale = 'en' | 'es';
const codeIn = (replies: Awaited<ReturnType<MemberChat['say']>>): string | undefined => /\b(\d{6})\b/.exec(textOf(replies))?.[1];

async function smsChat(locale: Locale): Promise<MemberChat> {
  const chat = new MemberChat({ channelId: channel, from: { id: ALEX.phone }, overrides: { understanding: undefined, emergencyCheck: undefined } });
  await chat.open(locale === 'es' ? 'hola' : 'hi');
  return chat;
}

/** Signed in by the texted code, at the open times of Tuesday (video, primary care). */
async function atOpenTimes(locale: Locale): Promise<{ chat: MemberChat; list: string }> {
  const chat = await smsChat(locale);
  await say(chat, channel, locale === 'es' ? 'necesito una cita por video con mi doctor de cabecera' : 'i need a video visit with my primary care doctor');
  await say(chat, channel, locale === 'es' ? 'el martes' : 'tuesday');
  // "Who is it for?" when not said, then "Text me a code": 1 each time.
  let code: string | undefined;
  for (let i = 0; i < 3 && !code; i++) code = codeIn(await say(chat, channel, '1'));
  assert.ok(code, 'no code sent');
  const list = textOf(await say(chat, channel, code));
  assert.match(list, /5\. .*2:00 (p\.\s?m\.|PM)/, list);
  return { chat, list };
}

const TIME: Record<Locale, Record<string, RegExp>> = {
  es: { chen9: /9:00 a\.\s?m\. con Dr\. Maya Chen/, haddad9: /9:00 a\.\s?m\. con Dr\. Omar Haddad/, chen1030: /10:30 a\.\s?m\. con Dr\. Maya Chen/, haddad1030: /10:30 a\.\s?m\. con Dr\. Omar Haddad/ },
  en: { chen9: /9:00 AM with Dr\. Maya Chen/, haddad9: /9:00 AM with Dr\. Omar Haddad/, chen1030: /10:30 AM with Dr\. Maya Chen/, haddad1030: /10:30 AM with Dr\. Omar Haddad/ },
};
const BOOK: Record<Locale, RegExp> = { es: /¿Reservar una consulta por video/, en: /Book a video visit/ };
const WHICH: Record<Locale, string> = { es: '¿Cuál de estas quiere decir?', en: 'Which one do you mean?' };

describe('v21: picking an open time by its number, and no code offered past the limit', function () {
  this.timeout(180_000);

  describe('1. a number with words that agree picks that option', () => {
    const cases: { locale: Locale; said: string; time: string }[] = [
      { locale: 'es', said: 'la 3 con la dra chen', time: 'chen1030' },
      { locale: 'es', said: 'la 4, la de haddad a las 10:30', time: 'haddad1030' },
      { locale: 'es', said: 'opción 1 con la doctora chen porfa', time: 'chen9' },
      { locale: 'en', said: 'number 2, the 9am with haddad', time: 'haddad9' },
      { locale: 'en', said: 'the 4th one, 10:30', time: 'haddad1030' },
      { locale: 'en', said: '3 w dr chen pls', time: 'chen1030' },
    ];
    for (const c of cases) {
      it(`sms ${c.locale}: "${c.said}"`, async () => {
        const { chat } = await atOpenTimes(c.locale);
        const text = textOf(await say(chat, channel, c.said));
        assert.match(text, BOOK[c.locale], text);
        assert.match(text, TIME[c.locale][c.time]!, text);
      });
    }
  });

  describe('2. words that disagree with the number are asked about, the numbers kept', () => {
    const cases: { locale: Locale; said: string; shown: RegExp[]; notShown: RegExp[] }[] = [
      { locale: 'es', said: 'la 2 con la dra chen', shown: [/^1\. .*9:00 .*Chen/m, /^2\. .*9:00 .*Haddad/m, /^3\. .*10:30 .*Chen/m, /^5\. .*2:00 .*Chen/m], notShown: [/^2\. .*Chen/m, /^4\. /m] },
      { locale: 'es', said: 'la de la dra chen', shown: [/^1\. .*9:00 .*Chen/m, /^3\. .*10:30 .*Chen/m, /^5\. .*2:00 .*Chen/m, /^6\. Ninguno/m], notShown: [/^2\. /m, /^4\. /m] },
      { locale: 'en', said: 'the 2nd one with dr chen', shown: [/^2\. .*9:00 .*Haddad/m, /^3\. .*10:30 .*Chen/m], notShown: [/^2\. .*Chen/m, /^4\. /m] },
    ];
    for (const c of cases) {
      it(`sms ${c.locale}: "${c.said}", then "3" is still option 3`, async () => {
        const { chat } = await atOpenTimes(c.locale);
        const which = textOf(await say(chat, channel, c.said));
        assert.ok(which.includes(WHICH[c.locale]), which);
        for (const line of c.shown) assert.match(which, line, which);
        for (const line of c.notShown) assert.doesNotMatch(which, line, which);
        const text = textOf(await say(chat, channel, '3'));
        assert.match(text, TIME[c.locale].chen1030!, text);
      });
    }
  });

  describe('3. past the hourly limit of codes, no code is offered; the page keeps the time said', () => {
    const lines: Record<Locale, { ask: string; send: string; drop: string; later: string; noCode: RegExp; offer: string }> = {
      es: { ask: 'necesito una cita de atención primaria por video para mí', send: '1', drop: 'mejor no', later: 'quiero una cita de atención primaria por video el viernes temprano', noCode: /no puedo enviarle otro código/i, offer: 'Envíenme un código' },
      en: { ask: 'i need a primary care video visit for myself', send: '1', drop: 'never mind', later: 'can i get a primary care video appt friday early', noCode: /can't send you another code/i, offer: 'Send me a code' },
    };
    for (const locale of ['es', 'en'] as const) {
      it(`sms ${locale}`, async () => {
        const l = lines[locale];
        const chat = await smsChat(locale);
        for (let i = 0; i < 3; i++) {
          await say(chat, channel, l.ask);
          await say(chat, channel, locale === 'es' ? 'cuando sea' : 'any time');
          assert.ok(codeIn(await say(chat, channel, l.send)), `code ${i + 1} not sent`);
          await say(chat, channel, l.drop);
        }
        await say(chat, channel, l.ask);
        await say(chat, channel, locale === 'es' ? 'cuando sea' : 'any time');
        const refused = textOf(await say(chat, channel, l.send));
        assert.ok(!codeIn([{ text: refused }]), refused);
        await say(chat, channel, 'ok');
        const later = await say(chat, channel, l.later);
        const text = textOf(later);
        assert.ok(!text.includes(l.offer), `a code offered again:\n${text}`);
        assert.match(text, l.noCode, text);
        const links = linksOf(later).join(' ');
        assert.ok(links.includes('appointments/book'), `no scheduling page: ${text}`);
        assert.match(links, /time=morning/, `"early" dropped: ${links}`);
      });
    }
  });
});
