import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat, signedInChat } from './memberWords';
import { has, hasNot, say } from './replyChecks';

/**
 * Newcomer run v12, through the real recognizer and dialogs: how a video visit works and whether
 * to download anything (YT08), where the nearest pharmacy is (YU10), and when a named medicine
 * needs renewing (YU02), English and Spanish.
 */
describe('how a video visit works, where the pharmacy is, when a medicine needs renewing', function () {
  this.timeout(120_000);

  it('YT08 webchat es: "como funciona" and "tengo que bajar algo?" get how a video visit works, never the nurse line or no answer', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    const first = await say(chat, 'webchat', 'como funciona la videollamada con el doctor');
    has('es', first, 'telehealth.answer.about');
    const how = await say(chat, 'webchat', 'como funciona, nunca lo e echo');
    has('es', how, 'followUp.about.videoNeeds');
    const app = await say(chat, 'webchat', 'tengo que bajar algo?');
    hasNot('es', app, 'symptoms.answer');
    has('es', app, 'followUp.about.app');
  });

  it('YT08 webchat en: after the video visits answer, "do i need to download an app" and "how does it work" get what it takes', async () => {
    const chat = await realChat('webchat', { locale: 'en' });
    for (const m of ['video visits', 'about video visits']) await say(chat, 'webchat', m);
    const app = await say(chat, 'webchat', 'do i need to download anything');
    hasNot('en', app, 'symptoms.answer');
    has('en', app, 'followUp.about.videoNeeds');
    const how = await say(chat, 'webchat', 'how does it work? never done one');
    hasNot('en', how, 'followUp.about.stillStuck');
    has('en', how, 'followUp.about.videoTiming');
  });

  it('YU10 sms es: where the nearest pharmacy is gets the pharmacies and the finder; "no, la direccion" after its phone too', async () => {
    const chat = await realChat('sms', { locale: 'es', from: { id: ALEX.phone } });
    await say(chat, 'sms', 'a que hora abren');
    await say(chat, 'sms', 'y el numero de la farmacia?');
    const where = await say(chat, 'sms', 'ok y donde queda la pharmacy mas cerca, estoy en downtown');
    assert.ok(textOf(where).includes('200 Main St') && textOf(where).includes('/pharmacy-locations'), textOf(where));
    const chat2 = await realChat('sms', { locale: 'es', from: { id: ALEX.phone } });
    await say(chat2, 'sms', 'y el numero de la farmacia?');
    const address = await say(chat2, 'sms', 'no, la direccion. donde esta');
    assert.ok(textOf(address).includes('/pharmacy-locations') && !textOf(address).includes('/locations\n'), textOf(address));
  });

  it('YU10 webchat en: "where is the nearest pharmacy" gets the pharmacies, the finder and the line', async () => {
    const chat = await realChat('webchat', { locale: 'en' });
    const where = await say(chat, 'webchat', 'where is the nearest pharmacy');
    assert.ok(textOf(where).includes('Eastlake Ave') && textOf(where).includes('1-800-555-0122'), textOf(where));
  });

  it('YU02 webchat en, signed in: "when does the lisinopril need renewed" answers for the Lisinopril (refills left)', async () => {
    const chat = await signedInChat(ALEX.memberId, { locale: 'en' });
    for (const m of ['is my levothyroxine ready yet', 'can u refill it', 'yes']) await say(chat, 'webchat', m);
    const when = await say(chat, 'webchat', 'and when does the lisinopril need renewed');
    hasNot('en', when, 'followUp.about.refillTime');
    assert.ok(textOf(when).includes('Lisinopril') && textOf(when).includes('3 refills left'), textOf(when));
  });

  it('YU02 webchat es, signed in: "cuando hay que renovar el albuterol" says it needs the care team and how to ask', async () => {
    const chat = await signedInChat(ALEX.memberId, { locale: 'es' });
    for (const m of ['mis recetas', 'ver el estado']) await say(chat, 'webchat', m);
    const when = await say(chat, 'webchat', 'cuando hay que renovar el albuterol');
    assert.ok(textOf(when).includes('Albuterol'), textOf(when));
    has('es', when, 'followUp.about.renewalWhen');
  });
});
