import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';
import { realChat, signedInChat } from './memberWords';

const REAL = { understanding: undefined, emergencyCheck: undefined };
const EARLY = { en: /early refill \(a vacation supply\)[\s\S]*1-800-555-0122[\s\S]*By mail, order it early/, es: /surtido anticipado \(un suministro para viaje\)[\s\S]*1-800-555-0122[\s\S]*Por correo, pídalo con tiempo/ };

/** Alex on SMS, signed in with the code texted to the number on file, after `first`. */
async function smsSignedIn(es: boolean, first: string): Promise<MemberChat> {
  const chat = new MemberChat({ channelId: 'sms', locale: es ? 'es-US' : 'en-US', from: { id: ALEX.phone }, overrides: REAL });
  await chat.say(first);
  const code = /\b(\d{6})\b/.exec(textOf(await chat.say('1')))?.[1];
  assert.ok(code);
  assert.match(textOf(await chat.say(code)), /Thanks, that's confirmed|Gracias, queda confirmado/);
  return chat;
}

/**
 * An early refill for a trip (newcomer run v13, YZ13, SMS en, Alex signed in): after the list of
 * prescriptions, "the atorvastatin, im leaving on a trip friday for 3 weeks can i get it early" got
 * the appointments menu. Now: where that medicine stands (can be refilled from …), then how to get
 * it early (the plan decides, the pharmacy asks, mail order early), in English and Spanish; the
 * general answer without signing in; an appointment moved before a trip is still an appointment.
 */
describe('an early refill before a trip (newcomer run v13, YZ13)', function () {
  this.timeout(300_000);

  for (const c of [
    { es: false, first: 'where are my prescriptions', ask: 'the atorvastatin, im leaving on a trip friday for 3 weeks can i get it early' },
    { es: true, first: 'donde estan mis recetas', ask: 'la atorvastatina, me voy de viaje el viernes por 3 semanas, puedo surtirla antes?' },
  ]) {
    it(`SMS ${c.es ? 'es' : 'en'}, signed in: "${c.ask}" after the list`, async () => {
      const chat = await smsSignedIn(c.es, c.first);
      const replies = await chat.say(c.ask);
      const text = textOf(replies);
      assert.match(text, c.es ? /Atorvastatin 20 mg tableta \(Rx 1000102\) se puede surtir a partir/ : /Atorvastatin 20 mg tablet \(Rx 1000102\) can be refilled from/, text);
      assert.match(text, c.es ? EARLY.es : EARLY.en, text);
      assert.doesNotMatch(text, /New appointment|Nueva cita|Lisinopril/, text);
      assert.ok(linksOf(replies).some((l) => l.endsWith('/secure/pharmacy/mail-order')), linksOf(replies).join(' '));
    });
  }

  it('SMS en, signed in: asked at the refill confirmation, it is about the medicine named, not the refill offered', async () => {
    const chat = await smsSignedIn(false, 'refill');
    const text = textOf(await chat.say('the atorvastatin, im leaving on a trip friday for 3 weeks can i get it early'));
    assert.match(text, /Atorvastatin 20 mg tablet \(Rx 1000102\) can be refilled from/, text);
    assert.match(text, EARLY.en, text);
  });

  for (const c of [
    { channel: 'sms' as const, es: false, say: 'im going on vacation for a month, can i get my meds early' },
    { channel: 'webchat' as const, es: false, say: 'early refill for vacation' },
    { channel: 'webchat' as const, es: true, say: 'necesito mis medicinas antes de mi viaje' },
    { channel: 'sms' as const, es: true, say: 'me voy de vacaciones, me pueden dar un suministro extra de mi metformina?' },
  ]) {
    it(`${c.channel} ${c.es ? 'es' : 'en'}, not signed in: "${c.say}" gets the answer, no sign-in first`, async () => {
      const chat = await realChat(c.channel, { locale: c.es ? 'es' : 'en' });
      const text = textOf(await chat.say(c.say));
      assert.match(text, c.es ? EARLY.es : EARLY.en, text);
      assert.doesNotMatch(text, /6-digit|6 dígitos|sign in|inicie sesión/i, text);
    });
  }

  it('Web Chat en, signed in: "can i get my lisinopril early, im traveling next week" names its status first', async () => {
    const chat = await signedInChat(ALEX.memberId);
    const text = textOf(await chat.say('can i get my lisinopril early, im traveling next week'));
    assert.match(text, /Lisinopril 10 mg tablet \(Rx 1000101\) is ready for pickup[\s\S]*early refill/, text);
  });

  for (const say of ['im going on a trip next week, can i move my appointment earlier', 'i have a trip, can i book an early appointment']) {
    it(`an appointment before a trip is still an appointment: "${say}"`, async () => {
      const chat = await signedInChat(ALEX.memberId);
      const text = textOf(await chat.say(say));
      assert.doesNotMatch(text, /early refill/, text);
    });
  }

  it('the menu of prescription needs does not list it', async () => {
    const chat = await signedInChat(ALEX.memberId);
    const text = textOf(await chat.say('i have a question about a prescription'));
    assert.doesNotMatch(text, /Early refill for a trip/, text);
  });
});
