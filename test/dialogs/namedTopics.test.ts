import assert from 'node:assert/strict';
import { choicesOf, linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';
import { promptText } from './support';

/**
 * Newcomer run v4 (TB11, SB09, TB12, SB10, WA28, WA12), through the whole bot with the real
 * recognizer, on the channel where each was seen: a request that names a sub-topic (opening
 * hours, a bill that looks wrong, paying over months, the nearest clinic) gets its answer, not
 * the topic's menu of ten or twelve options.
 */
describe('a named sub-topic is answered, not a menu (newcomer run v4)', function () {
  this.timeout(60_000);

  const named = [
    ['msteams', 'en', 'when do you guys open on sunday', 'contact.clinicHours.day', '/locations'],
    ['sms', 'en', 'what hours is member services open', 'contact.answer.hours', ''],
    ['webchat', 'es', '¿a qué hora cierran hoy?', 'contact.clinicHours.day', '/locations'],
    ['msteams', 'en', 'this bill looks wrong to me', 'billing.answer.dispute', '/secure/coverage/appeals'],
    ['sms', 'es', 'creo que hay un error en mi factura', 'billing.answer.dispute', ''],
    ['sms', 'en', 'is it ok if I pay the balance over 6 months', 'billing.answer.paymentPlan', ''],
    ['webchat', 'es', '¿me dejan pagar la factura en varios meses?', 'billing.answer.paymentPlan', '/secure/billing/payment-plans'],
    ['webchat', 'en', "what's the address of the closest clinic", 'contact.answer.location', '/locations'],
    ['msteams', 'es', '¿dónde queda la clínica más cercana?', 'contact.answer.location', '/locations'],
  ] as const;
  for (const [channel, locale, words, answer, link] of named) {
    it(`${channel} (${locale}): "${words}" → ${answer}`, async () => {
      const replies = await (await realChat(channel, { locale })).say(words);
      const text = textOf(replies);
      assert.ok(text.includes(promptText(locale, answer)), `expected ${answer}, got:\n${text}`);
      assert.ok(choicesOf(replies).length <= 3, `a menu instead of the answer: ${choicesOf(replies).join(' · ')}`);
      if (link) assert.ok(linksOf(replies).some((l) => l.endsWith(link)), linksOf(replies).join(', '));
    });
  }
});
