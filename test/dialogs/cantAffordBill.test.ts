import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';

const REAL = { understanding: undefined, emergencyCheck: undefined };
const BILLING = /1-800-555-0133/;

type Channel = 'sms' | 'webchat';

function chatOn(channel: Channel, es: boolean): MemberChat {
  const locale = es ? 'es-US' : 'en-US';
  return channel === 'sms'
    ? new MemberChat({ channelId: 'sms', locale, from: { id: ALEX.phone }, overrides: REAL })
    : new MemberChat({ channelId: 'webchat', locale, overrides: REAL });
}

function assertHelpToPay(text: string, es: boolean): void {
  assert.match(text, es ? /ayuda financiera/ : /financial assistance/, text);
  assert.match(text, es ? /plan de pagos/ : /payment plan/, text);
  assert.match(text, BILLING, text);
  assert.doesNotMatch(text, es ? /con tarjeta o cuenta bancaria/ : /card or bank account/, text);
}

/**
 * A member who cannot afford a bill (newcomer run v14, YZ04, Direct Line es): after the bill
 * explanation, "me cobraron 300 dolares por una visita y no tengo como pagar" got "Puede pagar en
 * línea … con tarjeta o cuenta bancaria". Now: financial assistance and a payment plan, with
 * Billing's number, in English and Spanish, on SMS and Web Chat, as a first message or inside
 * the billing topic.
 */
describe('a member who cannot afford a bill gets financial assistance and a payment plan (newcomer run v14, YZ04)', function () {
  this.timeout(300_000);

  it('es, Web Chat: inside the billing topic, "me cobraron 300 dolares por una visita y no tengo como pagar"', async () => {
    const chat = chatOn('webchat', true);
    await chat.open('hola');
    await chat.say('tengo una factura que no entiendo');
    assertHelpToPay(textOf(await chat.say('me cobraron 300 dolares por una visita y no tengo como pagar')), true);
  });

  for (const { channel, es, text } of [
    { channel: 'webchat', es: false, text: "I got a bill for $300 and I can't afford to pay it" },
    { channel: 'sms', es: false, text: 'i have no money to pay this bill' },
    { channel: 'webchat', es: false, text: 'the bill is way too expensive i cant pay it' },
    { channel: 'sms', es: true, text: 'no me alcanza para pagar la factura' },
    { channel: 'webchat', es: true, text: 'no tengo dinero para pagar la cuenta del hospital' },
    { channel: 'sms', es: true, text: 'no tengo como pagar esta factura' },
  ] as const) {
    it(`${channel}, ${es ? 'es' : 'en'}: "${text}"`, async () => {
      const chat = chatOn(channel, es);
      await chat.open(es ? 'hola' : undefined);
      assertHelpToPay(textOf(await chat.say(text)), es);
    });
  }
});
