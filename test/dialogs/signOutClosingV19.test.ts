import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX, type MemberChat } from '../support/identity';
import { realChat, signedInChat } from './memberWords';
import { has, hasNot, say } from './replyChecks';
import { promptText } from './support';

/**
 * Newcomer run v19, X01 (SMS) and Z14 (Teams), both signed in: a bare "sign out" signed out, but the
 * same request closing a longer message ("forget it. sign out", "ugh ok ill just call them. thx sign
 * out") got other answers and the member stayed signed in. A sign-out that ends a message, after a
 * thanks, a goodbye or a "forget it", signs out with the bare sign-out's confirmation, in English and
 * Spanish, on every channel; a question about signing out, or a sign-in problem, keeps its answer.
 * A safety answer the rest of the message needs (988, the nurse line) comes first.
 */

type Channel = 'webchat' | 'msteams' | 'sms';

async function signedIn(channel: Channel, locale: 'en' | 'es'): Promise<MemberChat> {
  if (channel === 'webchat') return signedInChat(ALEX.memberId, { locale });
  if (channel === 'msteams') {
    const chat = await realChat('msteams', { locale, from: { id: '29:alex', aadObjectId: ALEX.teams } });
    await chat.say(locale === 'es' ? 'Citas' : 'Appointments');
    await chat.say(locale === 'es' ? 'Ver mis citas' : 'Find my appointments');
    const shown = await chat.say(locale === 'es' ? 'Yo' : 'Myself');
    assert.match(textOf(shown), /Dr\. Maya Chen/, 'signed in on Teams');
    return chat;
  }
  const chat = await realChat('sms', { locale, from: { id: ALEX.phone } });
  await chat.say(locale === 'es' ? 'Recetas' : 'Prescription refills');
  await chat.say('1');
  const code = /\b(\d{6})\b/.exec(textOf(await chat.say('1')))?.[1];
  assert.ok(code, 'a code was sent');
  assert.match(textOf(await chat.say(code)), /Lisinopril/, 'verified by SMS code');
  return chat;
}

const CLOSING: { channel: Channel; locale: 'en' | 'es'; text: string }[] = [
  { channel: 'sms', locale: 'en', text: 'forget it. sign out' },
  { channel: 'msteams', locale: 'en', text: 'ugh ok ill just call them. thx sign out' },
  { channel: 'webchat', locale: 'en', text: 'never mind, I will phone the office. log me out' },
  { channel: 'sms', locale: 'en', text: 'ok ill call them tomorrow thanks sign me out' },
  { channel: 'msteams', locale: 'en', text: 'that is all I needed to know, bye. sign me out please' },
  { channel: 'webchat', locale: 'en', text: 'thanks, log me out' },
  { channel: 'sms', locale: 'es', text: 'olvídalo, mejor llamo yo. cierra mi sesión' },
  { channel: 'msteams', locale: 'es', text: 'bueno ya les hablo por teléfono, gracias. cerrar sesión' },
  { channel: 'webchat', locale: 'es', text: 'ya, cierra mi sesión' },
  { channel: 'sms', locale: 'es', text: 'no importa lo llamo mañana gracias cerrar sesion' },
];

const NOT_SIGN_OUT: { channel: Channel; locale: 'en' | 'es'; text: string }[] = [
  { channel: 'webchat', locale: 'en', text: 'how do I sign out of the app' },
  { channel: 'sms', locale: 'en', text: 'I signed out and now can\'t get back in' },
  { channel: 'msteams', locale: 'en', text: 'thanks. how do i log out of the portal?' },
  { channel: 'webchat', locale: 'en', text: 'how do i sign out? thanks' },
  { channel: 'sms', locale: 'es', text: '¿cómo cierro sesión en la aplicación?' },
  { channel: 'msteams', locale: 'es', text: 'gracias. no puedo cerrar sesión en la app' },
];

/** A safety answer the rest of the message needs still comes, first. */
const SAFETY_FIRST: { channel: Channel; locale: 'en' | 'es'; text: string; line: string }[] = [
  { channel: 'sms', locale: 'en', text: 'ive been feeling really down and hopeless lately. anyway thanks, log me out', line: '988' },
  { channel: 'msteams', locale: 'es', text: 'mi hijo tiene fiebre y sarpullido desde ayer. bueno gracias, cierra mi sesión', line: '1-800-555-0111' },
];

describe('v19: a sign-out that closes a longer message signs out (X01, Z14)', function () {
  this.timeout(180_000);
  for (const c of CLOSING) {
    it(`${c.channel} ${c.locale}: "${c.text}" signs out with the bare sign-out's confirmation`, async () => {
      const chat = await signedIn(c.channel, c.locale);
      const replies = await say(chat, c.channel, c.text);
      has(c.locale, replies, 'identity.signOut.done');
      has(c.locale, await say(chat, c.channel, c.locale === 'es' ? 'cerrar sesión' : 'sign out'), 'identity.signOut.notSignedIn');
    });
  }
  for (const c of SAFETY_FIRST) {
    it(`${c.channel} ${c.locale}: "${c.text}" gets ${c.line} first, then the sign-out`, async () => {
      const chat = await signedIn(c.channel, c.locale);
      const replies = await say(chat, c.channel, c.text);
      has(c.locale, replies, 'identity.signOut.done');
      const text = textOf(replies);
      assert.ok(text.includes(c.line) && text.indexOf(c.line) < text.indexOf(promptText(c.locale, 'identity.signOut.done')), `no ${c.line} first:\n${text}`);
    });
  }
  for (const c of NOT_SIGN_OUT) {
    it(`${c.channel} ${c.locale}: "${c.text}" is not a sign-out; the member stays signed in`, async () => {
      const chat = await signedIn(c.channel, c.locale);
      const replies = await say(chat, c.channel, c.text);
      hasNot(c.locale, replies, 'identity.signOut.done');
      hasNot(c.locale, replies, 'identity.signOut.notSignedIn');
      has(c.locale, await say(chat, c.channel, c.locale === 'es' ? 'cerrar sesión' : 'sign out'), 'identity.signOut.done');
    });
  }
});
