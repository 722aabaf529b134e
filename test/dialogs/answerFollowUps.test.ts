import assert from 'node:assert/strict';
import type { Locale } from '../../intents/types';
import { choicesOf, textOf } from '../support/chat';
import { realChat } from './memberWords';
import { has, hasLink, hasNot, type Replies, say } from './replyChecks';
import { catalog } from './support';

/**
 * A short follow-up about the answer just given is read in that answer's light
 * (dialogs/followUps.ts; newcomer run v4: SD05, WC13, SD08, WC08, SD03, SD13): a day, another
 * place, one location or its address after a place's hours; how to do it or "send it to me"
 * (never the same answer word for word again, and a person offered); a narrower wish ("only
 * mornings"); "it's no emergency" after the nurse line. Never a menu or a greeting instead.
 * Through the whole bot with the real recognizer, on the channel where each was seen, in both
 * languages, in words other than the transcripts'.
 */

/** No menu, no "not among these choices", no greeting: the follow-up was understood. */
function noMenu(locale: Locale, replies: Replies): void {
  for (const key of ['contact.ask.topic', 'common.noOptionFits', 'main.greeting', 'main.clarifyOne', 'main.unclearTwice', 'main.rephrase']) {
    if (catalog.has(key)) hasNot(locale, replies, key);
  }
}

const offersPerson = (locale: Locale, replies: Replies) =>
  assert.ok(choicesOf(replies).includes(catalog.text(locale, 'options.followUp.agent')), choicesOf(replies).join(' | '));

describe('follow-ups about a place keep that place (SD05, WC13)', function () {
  this.timeout(60_000);

  for (const locale of ['en', 'es'] as const) {
    const words =
      locale === 'en'
        ? { hours: 'when does the pharmacy open', day: 'what about saturdays?', one: 'the one on 5th avenue' }
        : { hours: 'a que hora abre la farmacia', day: 'y los sabados?', one: 'la que esta en la avenida central' };

    it(`sms ${locale}: a day after the pharmacy's hours gets the pharmacies' hours that day; one location by its street gets the clinic finder`, async () => {
      const chat = await realChat('sms', { locale });
      const hours = await say(chat, 'sms', words.hours);
      has(locale, hours, 'contact.pharmacyHours.intro');
      const day = await say(chat, 'sms', words.day);
      noMenu(locale, day);
      // v20: the pharmacies' own hours that day, not the pharmacy phone line's hours.
      hasNot(locale, day, 'followUp.placeDay');
      assert.ok(textOf(day).includes(locale === 'en' ? 'Saturday 9 a.m. to 6 p.m.' : 'sábado de 9 a. m. a 6 p. m.'), `the pharmacies' Saturday hours:\n${textOf(day)}`);
      const one = await say(chat, 'sms', words.one);
      noMenu(locale, one);
      has(locale, one, 'contact.answer.location');
      hasLink(one, '/locations');
    });
  }

  for (const locale of ['en', 'es'] as const) {
    const words =
      locale === 'en'
        ? { hours: 'until what time is the pharmacy open on weekends', other: 'what about the x-ray department?', otherKey: 'contact.answer.hours', address: 'where is it?' }
        : // The lab's hours are each lab's own (WJ11): the clinic page, not the phone line's hours.
          { hours: 'hasta que hora esta abierta la farmacia el fin de semana', other: 'y el laboratorio?', otherKey: 'followUp.about.labHours', address: 'cual es la direccion?' };

    it(`webchat ${locale}: another place after the pharmacy's hours gets the hours of places; "address?" then gets the clinic finder, not the e-mail answer`, async () => {
      const chat = await realChat('webchat', { locale });
      await say(chat, 'webchat', words.hours);
      const other = await say(chat, 'webchat', words.other);
      noMenu(locale, other);
      has(locale, other, words.otherKey);
      const address = await say(chat, 'webchat', words.address);
      noMenu(locale, address);
      hasNot(locale, address, 'contact.answer.email');
      has(locale, address, 'contact.answer.location');
    });
  }
});

describe('never the same answer word for word twice in a row (SD08, WC08)', function () {
  this.timeout(60_000);

  for (const locale of ['en', 'es'] as const) {
    const words = locale === 'en' ? { cancel: 'I need to cancel my appt', how: 'ok how do i do it' } : { cancel: 'necesito cancelar mi cita', how: 'ok y como lo hago' };
    it(`sms ${locale}: "how do I do it" after the cancel answer gets the steps, the page again and a person, not the same answer`, async () => {
      const chat = await realChat('sms', { locale });
      const first = await say(chat, 'sms', words.cancel);
      has(locale, first, 'appointment.done.cancel');
      const how = await say(chat, 'sms', words.how);
      hasNot(locale, how, 'appointment.done.cancel');
      noMenu(locale, how);
      // SMS has its own wording (it is texting: never "I can't send texts")
      has(locale, how, 'smsText.followUp.howTo');
      hasLink(how, '/appointments/upcoming');
      offersPerson(locale, how);
    });
  }

  for (const locale of ['en', 'es'] as const) {
    const words =
      locale === 'en'
        ? { card: 'how do i get my member id card', send: 'could you email it to me?', how: 'but how?' }
        : { card: 'donde consigo mi tarjeta de miembro', send: 'me la pueden mandar por correo?', how: 'pero como lo hago?' };
    it(`webchat ${locale}: "send it to me" after the ID card answer says what the chat cannot do, with the page again; asked again, other words`, async () => {
      const chat = await realChat('webchat', { locale });
      const card = await say(chat, 'webchat', words.card);
      has(locale, card, 'billing.answer.idCard');
      const send = await say(chat, 'webchat', words.send);
      hasNot(locale, send, 'billing.answer.idCard');
      has(locale, send, 'followUp.howTo');
      hasLink(send, '/id-card');
      offersPerson(locale, send);
      const how = await say(chat, 'webchat', words.how);
      assert.notEqual(textOf(how), textOf(send));
      hasNot(locale, how, 'billing.answer.idCard');
      hasLink(how, '/id-card');
    });
  }
});

describe('a short reply that qualifies the answer is read in its light (SD03, SD13)', function () {
  this.timeout(60_000);

  for (const locale of ['en', 'es'] as const) {
    const words =
      locale === 'en'
        ? { alerts: 'how do i change my appointment text alerts', only: 'just on weekdays' }
        : { alerts: 'como cambio los recordatorios de mis citas', only: 'solo por las tardes' };
    it(`sms ${locale}: "only at some times" after the notifications answer points to the notification settings, no greeting or menu`, async () => {
      const chat = await realChat('sms', { locale });
      const alerts = await say(chat, 'sms', words.alerts);
      hasLink(alerts, '/profile/notifications');
      const only = await say(chat, 'sms', words.only);
      noMenu(locale, only);
      has(locale, only, 'smsText.followUp.qualify');
      hasLink(only, '/profile/notifications');
    });
  }

  for (const locale of ['en', 'es'] as const) {
    const words =
      locale === 'en'
        ? { sick: 'my throat hurts and I have a temperature', notUrgent: "it's not urgent though" }
        : { sick: 'me duele la garganta y tengo temperatura', notUrgent: 'pero no es nada urgente' };
    it(`sms ${locale}: "it's not urgent" after the nurse line gets the nurse line, an e-visit and a same-day visit, no contact menu`, async () => {
      const chat = await realChat('sms', { locale });
      const nurse = await say(chat, 'sms', words.sick);
      assert.ok(textOf(nurse).includes('1-800-555-0111'), textOf(nurse));
      const reply = await say(chat, 'sms', words.notUrgent);
      noMenu(locale, reply);
      has(locale, reply, 'followUp.notUrgent');
      assert.ok(textOf(reply).includes('1-800-555-0111'), textOf(reply));
      hasLink(reply, '/e-visit');
      hasLink(reply, 'when=asap');
    });
  }
});
