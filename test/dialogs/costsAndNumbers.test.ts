import assert from 'node:assert/strict';
import type { Locale } from '../../intents/types';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { promptText } from './support';

/**
 * Newcomer run v4 (WC29, SD09, SD10), with the real recognizer on the channel where each was seen:
 * a question that names its billing or contact sub-topic in other words gets that answer at once,
 * not the topic's menu — what a visit will cost (also in the middle of booking, which is then
 * offered again), that the member cannot pay all at once (payment plans), the number to call for
 * appointments.
 */
describe('costs, payment plans and the number for appointments are answered at once (newcomer run v4)', function () {
  this.timeout(60_000);

  const firstMessages: Array<['webchat' | 'sms', Locale, string, string]> = [
    ['sms', 'en', 'my bill came to 600 and i am not able to pay the full amount', 'billing.answer.paymentPlan'],
    ['sms', 'es', 'me llegó una factura y no me alcanza para pagarla completa', 'billing.answer.paymentPlan'],
    ['sms', 'en', 'what number do i call to schedule an appt', 'contact.answer.call'],
    ['sms', 'es', '¿a qué número llamo para agendar una cita?', 'contact.answer.call'],
  ];
  for (const [channel, locale, words, answer] of firstMessages) {
    it(`${channel} (${locale}): "${words}" → ${answer}, no menu`, async () => {
      const text = textOf(await (await realChat(channel, { locale })).say(words));
      assert.ok(text.includes(promptText(locale, answer)), text);
      assert.ok(!text.includes(promptText(locale, 'billing.ask.topic')) && !text.includes(promptText(locale, 'contact.ask.topic')), text);
    });
  }

  const midBooking: Array<[Locale, string, string]> = [
    ['en', 'book an appointment for my daughter', 'how much are they gonna charge me for that'],
    ['es', 'tengo que sacar una cita para mi hijo', '¿y cuánto me van a cobrar por eso?'],
  ];
  for (const [locale, opening, question] of midBooking) {
    it(`webchat (${locale}): "${question}" while booking is the visit cost, then the booking is offered again`, async () => {
      const chat = await realChat('webchat', { locale });
      await chat.say(opening);
      const text = textOf(await chat.say(question));
      assert.ok(text.includes(promptText(locale, 'billing.answer.costs')), text);
      assert.ok(text.includes(promptText(locale, 'main.resume.ask')), text);
      assert.ok(!text.includes(promptText(locale, 'billing.ask.topic')), text);
    });
  }
});
