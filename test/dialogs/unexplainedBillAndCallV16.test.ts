import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { has, hasNot, say } from './replyChecks';

/**
 * Newcomer run v16, through the whole bot with the real recognizer (the run's sentences and others
 * of the same meaning). W06: a bill the member cannot place ("got a bill for $480 and i have no
 * idea what its for") gets the direct answer (the statement's charges, each claim's explanation of
 * benefits, the Billing line), never the twelve-item billing menu and then "I don't have a ready
 * answer". W10: "when is someone on the chat then?" gets the chat team's hours from the profile,
 * not the hand-off reply again word for word; "ok ill just call" gets the number and a short close,
 * never "Sorry, I'm not sure I understood".
 */

const BILLS = [
  { locale: 'en' as const, text: 'got a bill for $480 and i have no idea what its for' },
  { locale: 'en' as const, text: 'i got charged 200 dollars and i dont know what it is' },
  { locale: 'en' as const, text: 'there is a random charge on my statement, not sure what its for' },
  { locale: 'en' as const, text: 'no clue what this bill is from' },
  { locale: 'es' as const, text: 'me llego un cobro de 300 y no se que es' },
  { locale: 'es' as const, text: 'tengo un cargo raro en mi factura' },
];

const HOURS = [
  { locale: 'en' as const, first: 'can i talk to a real person pls', hours: 'when is someone on the chat then?' },
  { locale: 'en' as const, first: 'i want a human', hours: 'what hours are the chat agents available' },
  { locale: 'es' as const, first: 'quiero hablar con una persona', hours: 'y a que hora hay alguien en el chat?' },
];

const CALLS = [
  { locale: 'en' as const, text: 'ok ill just call' },
  { locale: 'en' as const, text: 'fine, i will call them tomorrow' },
  { locale: 'es' as const, text: 'ok mejor llamo' },
];

describe('v16: a bill the member cannot place, the chat team hours, "ill just call" (W06, W10)', function () {
  this.timeout(120_000);
  for (const c of BILLS) {
    for (const channel of ['msteams', 'sms'] as const) {
      it(`${channel} ${c.locale}: "${c.text}" gets the unexplained-bill answer, no billing menu`, async () => {
        const chat = await realChat(channel, { locale: c.locale });
        const replies = await say(chat, channel, c.text);
        const text = textOf(replies);
        assert.match(text, /1-800-555-0133/, text);
        assert.match(text, c.locale === 'es' ? /estado de cuenta/ : /statement/, text);
        hasNot(c.locale, replies, 'billing.ask.topic');
        assert.doesNotMatch(text, /ready answer|respuesta lista/i);
      });
    }
  }
  it('teams en: "its just a random bill from a visit" at the billing menu gets the same answer', async () => {
    const chat = await realChat('msteams');
    await say(chat, 'msteams', 'i have a question about my bill');
    const replies = await say(chat, 'msteams', 'idk which one, its just a random bill for 480 from a visit in october??');
    has('en', replies, 'billing.answer.highBill');
  });
  for (const c of HOURS) {
    for (const channel of ['msteams', 'sms'] as const) {
      it(`${channel} ${c.locale}: "${c.hours}" after a person was asked for gets the chat team's hours`, async () => {
        const chat = await realChat(channel, { locale: c.locale });
        const before = textOf(await say(chat, channel, c.first));
        const text = textOf(await say(chat, channel, c.hours));
        assert.notEqual(text, before);
        assert.match(text, c.locale === 'es' ? /todos los d[ií]as, a toda hora/ : /every day, around the clock/, text);
        assert.match(text, /1-800-555-0100/);
      });
    }
  }
  for (const c of CALLS) {
    for (const channel of ['msteams', 'sms'] as const) {
      it(`${channel} ${c.locale}: "${c.text}" after the hand-off gets the number and a short close`, async () => {
        const chat = await realChat(channel, { locale: c.locale });
        await say(chat, channel, c.locale === 'es' ? 'quiero hablar con una persona' : 'can i talk to a real person pls');
        const replies = await say(chat, channel, c.text);
        const text = textOf(replies);
        assert.match(text, /1-800-555-0100/, text);
        assert.doesNotMatch(text, /not sure I understood|No estoy seguro|entend/i);
      });
    }
  }
});
