import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { has, say, type Replies } from './replyChecks';

/**
 * Newcomer run v17 (X05, X12, W08), through the whole bot with the real recognizer: the same
 * answer is never sent again word for word in the next turn or the one after. A follow-up that
 * would get it again is answered on what it asks when the assistant can (a payment plan's length,
 * interest, how to set it up; picking up a prescription for someone else and what to bring), and
 * otherwise is told briefly there is no more detail than the answer above, with the page, the
 * phone line and a person. A safety answer is always sent again.
 */

type Channel = 'webchat' | 'msteams' | 'sms';
type Case = { channel: Channel; locale: 'en' | 'es'; before: string[]; then: string; expect: string[]; from?: string };

const BILLING = '1-800-555-0133';
const PHARMACY = '1-800-555-0122';
const MEMBER_SERVICES = '1-800-555-0100';

/** X05: a follow-up on the payment plan just given. */
const PAYMENT_PLAN: Case[] = [
  { channel: 'sms', locale: 'en', before: ['got a bill for 1800 cant pay it all at once'], then: 'how many months can i spread it over? is there interest', expect: ['repeat.paymentPlan.howLong', 'repeat.paymentPlan.interest'] },
  { channel: 'webchat', locale: 'en', before: ['i cant afford to pay my whole bill at once'], then: 'how long can the payment plan last', expect: ['repeat.paymentPlan.howLong'] },
  { channel: 'msteams', locale: 'en', before: ['can i pay my bill in installments'], then: 'do they charge interest on a payment plan?', expect: ['repeat.paymentPlan.interest'] },
  { channel: 'sms', locale: 'es', before: ['tengo una factura de 1800 y no puedo pagar toda la factura de una vez'], then: 'cuantos meses me dan para pagar? cobran intereses?', expect: ['repeat.paymentPlan.howLong', 'repeat.paymentPlan.interest'] },
  { channel: 'webchat', locale: 'es', before: ['no puedo pagar toda la factura de una vez'], then: '¿el plan de pagos tiene interés?', expect: ['repeat.paymentPlan.interest'] },
  // X05's third turn: set it up, after length and interest were answered.
  {
    channel: 'sms', locale: 'en', before: ['got a bill for 1800 cant pay it all at once', 'how many months can i spread it over? is there interest'],
    then: 'u just said that lol. how long can the plan be and do i need to log in to set it up', expect: ['repeat.paymentPlan.setUp'],
  },
  { channel: 'webchat', locale: 'es', before: ['no puedo pagar toda la factura de una vez'], then: '¿y cómo lo hago?', expect: ['repeat.paymentPlan.setUp'] },
];

/** X12: picking up a prescription for someone else, not verified by SMS. */
const PICKUP_FOR: Case[] = [
  { channel: 'sms', locale: 'es', from: '+15035551212', before: ['quiero saber si ya esta lista la receta de mi mama para recogerla'], then: 'y la puedo recoger yo por ella? que tengo que llevar', expect: ['repeat.prescriptions.pickUpFor'] },
  { channel: 'sms', locale: 'en', from: '+15035551212', before: ['is my moms prescription ready to pick up yet'], then: 'can i get it for her? what do i need to bring', expect: ['repeat.prescriptions.pickUpFor'] },
  { channel: 'webchat', locale: 'en', before: ['is my dads prescription ready yet'], then: 'can i pick it up for him? what do i bring', expect: ['repeat.prescriptions.pickUpFor'] },
];

/** W08: the generic how-to after video trouble, asked a third time: no more detail, page, line, person. */
const NO_MORE: Case[] = [
  { channel: 'webchat', locale: 'en', before: ['my video visit wont connect, doctor is waiting', 'its just a black screen'], then: 'tried that already, still black. can you just have her call me?', expect: ['repeat.noMore'] },
  { channel: 'sms', locale: 'en', before: ['got a bill for 1800 cant pay it all at once'], then: 'ok so tell me again about the payment plan', expect: ['repeat.noMore'] },
  { channel: 'msteams', locale: 'es', before: ['no puedo pagar toda la factura de una vez'], then: 'otra vez lo del plan de pagos por favor', expect: ['repeat.noMore'] },
];

/** The texts of a turn's answer, without the welcome and "anything else?". */
function answerTexts(replies: Replies): string[] {
  return replies
    .map((r: Partial<Activity>) => (r.text ?? '').trim())
    .filter((t) => t.length > 40 && !/anything else|algo más|Evergreen Health assistant|asistente de Evergreen/i.test(t))
    // The page offered again (SMS: its own message of links) is no repeated answer.
    .filter((t) => !t.split('\n').every((line) => /^[^:]+: https?:\/\/\S+$/.test(line.trim())));
}

describe('v17: the same answer is never sent twice in a row (X05, X12, W08)', function () {
  this.timeout(120_000);

  const run = async (c: Case) => {
    const chat = await realChat(c.channel, { locale: c.locale, ...(c.from ? { from: { id: c.from } } : {}) });
    const earlier: Replies[] = [];
    for (const said of c.before) earlier.push(await say(chat, c.channel, said));
    return { earlier, replies: await say(chat, c.channel, c.then) };
  };

  for (const c of [...PAYMENT_PLAN, ...PICKUP_FOR, ...NO_MORE]) {
    it(`${c.channel} ${c.locale}: "${c.then}" after "${c.before.at(-1)}" is not the same answer again`, async () => {
      const { earlier, replies } = await run(c);
      const before = new Set(earlier.slice(-2).flatMap(answerTexts));
      for (const text of answerTexts(replies)) assert.ok(!before.has(text), `the same answer again:\n${text}`);
      for (const key of c.expect) has(c.locale, replies, key);
      const text = textOf(replies);
      if (c.expect.some((k) => k.startsWith('repeat.paymentPlan'))) assert.ok(text.includes(BILLING), `the Billing line, got:\n${text}`);
      if (c.expect.some((k) => k.startsWith('repeat.prescriptions'))) assert.ok(text.includes(PHARMACY), `the pharmacy line, got:\n${text}`);
      if (c.expect.includes('repeat.noMore')) assert.ok(text.includes(BILLING) || text.includes(MEMBER_SERVICES), `a phone line, got:\n${text}`);
    });
  }

  for (const c of [
    { channel: 'sms' as const, locale: 'en' as const, message: 'i want to end my life', line: '988' },
    { channel: 'webchat' as const, locale: 'es' as const, message: 'ya no quiero vivir', line: '988' },
  ]) {
    it(`${c.channel} ${c.locale}: a safety answer said again is sent again (${c.line})`, async () => {
      const chat = await realChat(c.channel, { locale: c.locale });
      await say(chat, c.channel, c.locale === 'en' ? 'got a bill for 1800 cant pay it all at once' : 'no puedo pagar toda la factura de una vez');
      for (let i = 0; i < 3; i++) {
        const text = textOf(await say(chat, c.channel, c.message));
        assert.ok(text.includes(c.line), `turn ${i + 1}: expected ${c.line}, got:\n${text}`);
      }
    });
  }
});
