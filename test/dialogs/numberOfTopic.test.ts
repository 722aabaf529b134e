import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { promptText } from './support';

/**
 * "whats the number" right after an answer about a place (newcomer run S07) is that place's number,
 * not the contact menu; with no such topic before it, the contact menu is still asked.
 */
describe('"whats the number" is the number of the topic just answered (newcomer run S07)', function () {
  this.timeout(60_000);

  const cases = [
    { locale: 'en' as const, place: 'is the pharmacy open sunday', ask: 'whats the number', also: 'and the phone number?', bill: 'how much do i owe', billing: /The number for Billing is 1-800-555-01\d\d/ },
    { locale: 'es' as const, place: 'a que hora abre la farmacia', ask: '¿y el teléfono?', also: 'cual es el numero', bill: 'cuanto debo', billing: /El número de Facturación es 1-800-555-01\d\d/ },
  ];
  const pharmacy = /1-800-555-0122/;

  for (const c of cases) {
    it(`SMS ${c.locale}: "${c.ask}" after the pharmacy's hours gives the pharmacy's number, not the contact menu`, async () => {
      const chat = await realChat('sms', { locale: c.locale });
      // The pharmacies' own opening hours (no phone line in them), then the pharmacy line's number.
      const hours = await chat.say(c.place);
      assert.doesNotMatch(textOf(hours), pharmacy);
      const number = await chat.say(c.ask);
      assert.ok(!textOf(number).includes(promptText(c.locale, 'contact.ask.topic')), textOf(number));
      assert.match(textOf(number), pharmacy);
      const again = await chat.say(c.also);
      assert.match(textOf(again), pharmacy);
    });

    it(`SMS ${c.locale}: "${c.ask}" after a billing answer gives the billing line`, async () => {
      const chat = await realChat('sms', { locale: c.locale });
      await chat.say(c.bill);
      const number = await chat.say(c.ask);
      assert.ok(!textOf(number).includes(promptText(c.locale, 'contact.ask.topic')), textOf(number));
      assert.match(textOf(number), c.billing);
    });

    it(`SMS ${c.locale}: "${c.ask}" as the first message (no topic before it) still gets the contact menu`, async () => {
      const chat = await realChat('sms', { locale: c.locale });
      const menu = await chat.say(c.ask);
      assert.ok(textOf(menu).includes(promptText(c.locale, 'contact.ask.topic')), textOf(menu));
    });
  }
});
