import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';
import { hasNot, say } from './replyChecks';

/**
 * Newcomer run v20, through the whole bot with the real recognizer (the run's sentences and others
 * of the same meaning). A bill higher than the member expected ("got a bill for 340 from my oct
 * visit, i thought my copay was 30??") is a question about a specific charge: the claims page and
 * the appeals page, the Billing line (not Member Services) and an offer of a person, never the
 * coverage pages alone. "that doesnt explain why its 340" after such an answer never claims the
 * page explains it: the Billing line and a person. "who do i call if the 340 is wrong" gets Billing.
 */

type Channel = 'webchat' | 'msteams' | 'sms';
const BILLING = '1-800-555-0133';
const MEMBER_SERVICES = '1-800-555-0100';

const HIGHER: { channel: Channel; locale: 'en' | 'es'; text: string }[] = [
  { channel: 'webchat', locale: 'en', text: 'got a bill for 340 from my oct visit, i thought my copay was 30??' },
  { channel: 'webchat', locale: 'en', text: 'they charged me $250 for a checkup, i thought it was covered' },
  { channel: 'msteams', locale: 'en', text: 'my copay is supposed to be 20 but the bill says 180' },
  { channel: 'sms', locale: 'en', text: 'why is it so much? i was told the visit would only cost 40 and now they want 400' },
  { channel: 'webchat', locale: 'es', text: 'me cobraron 340 y pensé que era 30' },
  { channel: 'sms', locale: 'es', text: 'me llego una factura de 500 pero mi copago es de 25' },
  { channel: 'msteams', locale: 'es', text: 'pense que la consulta estaba cubierta y me cobraron 200' },
];

const NOT_EXPLAINED: { locale: 'en' | 'es'; text: string }[] = [
  { locale: 'en', text: 'that doesnt explain why its 340 tho' },
  { locale: 'en', text: 'that still doesnt tell me why they charged so much' },
  { locale: 'es', text: 'eso no explica por que son 340' },
];

const WHO_TO_CALL: { locale: 'en' | 'es'; text: string }[] = [
  { locale: 'en', text: 'and who do i call if i think the 340 is wrong' },
  { locale: 'es', text: 'y a quien llamo si creo que los 340 estan mal' },
];

const FIRST = { en: 'got a bill for 340 from my oct visit, i thought my copay was 30??', es: 'me cobraron 340 y pensé que era 30' };

describe('v20: a bill higher than expected is a question about a specific charge (billhigh)', function () {
  this.timeout(120_000);

  for (const c of HIGHER) {
    it(`${c.channel} ${c.locale}: "${c.text}" gets the claims and appeals pages, Billing and a person`, async () => {
      const chat = await realChat(c.channel, { locale: c.locale });
      const replies = await say(chat, c.channel, c.text);
      const text = `${textOf(replies)}\n${linksOf(replies).join(' ')}`;
      assert.match(text, new RegExp(BILLING), text);
      assert.doesNotMatch(text, new RegExp(MEMBER_SERVICES), text);
      assert.match(text, /claims/, text);
      assert.match(text, /appeals|disputes/, text);
      assert.match(text, c.locale === 'es' ? /persona/i : /person/i, text);
      hasNot(c.locale, replies, 'billing.answer.costs');
    });
  }

  for (const c of NOT_EXPLAINED) {
    it(`webchat ${c.locale}: "${c.text}" after the answer offers Billing and a person, never "all on the page"`, async () => {
      const chat = await realChat('webchat', { locale: c.locale });
      await say(chat, 'webchat', FIRST[c.locale]);
      const replies = await say(chat, 'webchat', c.text);
      const text = textOf(replies);
      hasNot(c.locale, replies, 'followUp.again');
      assert.doesNotMatch(text, /all on the page|todo está en la página/i, text);
      assert.match(text, new RegExp(BILLING), text);
      assert.match(text, c.locale === 'es' ? /persona/i : /person/i, text);
    });
  }

  for (const c of WHO_TO_CALL) {
    it(`webchat ${c.locale}: "${c.text}" after the answer gets the Billing line`, async () => {
      const chat = await realChat('webchat', { locale: c.locale });
      await say(chat, 'webchat', FIRST[c.locale]);
      await say(chat, 'webchat', NOT_EXPLAINED.find((n) => n.locale === c.locale)!.text);
      const replies = await say(chat, 'webchat', c.text);
      const text = textOf(replies);
      assert.match(text, new RegExp(BILLING), text);
      assert.doesNotMatch(text, new RegExp(MEMBER_SERVICES), text);
    });
  }
});
