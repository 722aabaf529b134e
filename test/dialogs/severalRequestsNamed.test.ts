import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat, signedInChat } from './memberWords';

/**
 * Several requests in one message (newcomer run v11, XP08 and XQ07): the plan is said at once
 * (which requests were heard, in what order), the first is answered, then each of the others;
 * three requests joined by "and also" and "and" are all heard, and two questions about one topic
 * (a disputed bill and paying online) are two requests, the dispute first. Real recognizer and
 * dialogs, on the channels where it was seen.
 */
describe('several requests in one message, each named (newcomer run v11)', function () {
  this.timeout(120_000);

  it('XP08, Web Chat signed in: a refill, a physical and the copay: all three named, then taken in turn', async () => {
    const chat = await signedInChat(ALEX.memberId);
    const first = textOf(await chat.say('need to refill my meds and also book a physical and whats my copay for that'));
    assert.match(first, /first your prescription refill, then your appointment, then your billing question/);
    assert.doesNotMatch(first, /copays, deductible/);
    const second = textOf(await chat.say('yes'));
    assert.match(second, /Next, your appointment:[\s\S]*Who is the appointment for\?/);
  });

  it('XP08 in Spanish: resurtir, un chequeo y el copago', async () => {
    const chat = await signedInChat(ALEX.memberId, { locale: 'es' });
    const text = textOf(await chat.say('necesito resurtir mis medicinas y tambien hacer una cita para un chequeo y cuanto es mi copago'));
    assert.match(text, /primero el surtido de su receta, luego su cita y después su pregunta de facturación/);
  });

  it('XQ07, SMS: a bill the member does not owe, paying online and the phone: the dispute and the Billing line first, then paying', async () => {
    const chat = await realChat('sms');
    const replies = await chat.say('got a bill for 340 dont think i owe that, also how do i pay online and whats ur phone #');
    const text = textOf(replies);
    assert.match(text, /start with ["“]Dispute a charge["”], then ["“]Pay a bill["”]/);
    assert.match(text, /dispute it[\s\S]*Call Billing at 1-800-555-0133/);
    assert.ok(linksOf(replies).some((l) => l.includes('/coverage/appeals')), linksOf(replies).join('\n'));
    assert.ok(!linksOf(replies).some((l) => l.includes('/billing/pay')), 'not pushed to pay before the dispute');
    const next = await chat.say('2');
    assert.match(textOf(next), /Next, your billing question:/);
    assert.ok(linksOf(next).some((l) => l.includes('/billing/pay')), linksOf(next).join('\n'));
  });

  it('XQ07 in Spanish, paying asked first: the dispute still comes first', async () => {
    const chat = await realChat('sms', { locale: 'es' });
    const replies = await chat.say('como pago en linea? y tambien me llego una factura de 340 y no creo que la deba');
    const text = textOf(replies);
    assert.match(text, /Empiezo con ["“]Disputar un cargo["”] y luego sigo con ["“]Pagar una factura["”]/);
    assert.match(text, /Llame a Facturación al 1-800-555-0133/);
    assert.ok(!linksOf(replies).some((l) => l.includes('/billing/pay')), 'not pushed to pay before the dispute');
  });
});
