import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';

const REAL = { understanding: undefined, emergencyCheck: undefined };
const PHARMACY = /1-800-555-0122/;
const NURSE = /1-800-555-0111/;

type Channel = 'sms' | 'webchat';

function chatOn(channel: Channel, es: boolean): MemberChat {
  const locale = es ? 'es-US' : 'en-US';
  return channel === 'sms'
    ? new MemberChat({ channelId: 'sms', locale, from: { id: ALEX.phone }, overrides: REAL })
    : new MemberChat({ channelId: 'webchat', locale, overrides: REAL });
}

/** The rescue answer: a supply today from the pharmacy, a prescription today, and the danger sign's 911. */
function assertRescue(text: string, es: boolean, danger: RegExp): void {
  assert.match(text, PHARMACY, text);
  assert.match(text, NURSE, text);
  assert.match(text, es ? /cantidad de emergencia|suministro corto/ : /emergency or short supply/, text);
  assert.match(text, es ? /atención urgente/ : /urgent care/, text);
  assert.match(text, danger, text);
  assert.match(text, /911/, text);
  assert.doesNotMatch(text, /6-digit code|código de 6|business days|días hábiles/, text);
  assert.doesNotMatch(text, /anything else|algo más/i, text);
}

/**
 * A rescue medicine running out, or needed before its refill comes (newcomer run v11b, XS13, SMS
 * en, Alex): after "no refills left … usually answer within 2 business days", "2 days?? what if i
 * need it before then" got the sign-in code offer again, and "its my asthma inhaler. what do i do
 * if i need it this weekend" the same renewal paragraph. Now: a supply today, a prescription today,
 * and when to call 911; at once as a first message too, in English and Spanish, on SMS and Web
 * Chat, signed in or not.
 */
describe('a rescue medicine needed before its refill gets a supply today and 911 (newcomer run v11b, XS13)', function () {
  this.timeout(300_000);

  it('SMS en: XS13 as it happened (its opening is already the rescue answer)', async () => {
    const chat = chatOn('sms', false);
    assertRescue(textOf(await chat.say('my inhaler ran out and the pharmacy says no refills left what do i do')), false, /trouble breathing/);
  });

  it('SMS en: XS13 after the renewal answer', async () => {
    const chat = chatOn('sms', false);
    await chat.say('the pharmacy says no refills left, i need a renewal');
    assert.match(textOf(await chat.say('2')), /business days/);
    assertRescue(textOf(await chat.say('2 days?? what if i need it before then')), false, /feel very unwell/);
    assertRescue(textOf(await chat.say('no i mean its my asthma inhaler. what do i do if i need it this weekend')), false, /trouble breathing/);
  });

  it('SMS es: "y si lo necesito antes" after the renewal answer', async () => {
    const chat = chatOn('sms', true);
    await chat.say('necesito renovar mi receta, no me quedan resurtidos');
    const renewal = textOf(await chat.say('2'));
    assert.match(renewal, /días hábiles/, renewal);
    assertRescue(textOf(await chat.say('2 dias?? y si lo necesito antes')), true, /911/);
  });

  const first: { channel: Channel; es: boolean; text: string; danger: RegExp }[] = [
    { channel: 'sms', es: false, text: 'my albuterol ran out, what do i do this weekend', danger: /trouble breathing/ },
    { channel: 'sms', es: false, text: 'my insulin is running out and my refill wont be ready till monday', danger: /blood sugar/ },
    { channel: 'webchat', es: false, text: 'im out of my rescue inhaler and need it this weekend', danger: /trouble breathing/ },
    { channel: 'webchat', es: false, text: 'my epipen expired and i need a new one today', danger: /swelling/ },
    { channel: 'sms', es: true, text: 'no me alcanza la bomba para el asma hasta el lunes', danger: /cuesta respirar/ },
    { channel: 'sms', es: true, text: 'se me acabo el inhalador y no tengo resurtidos', danger: /cuesta respirar/ },
    { channel: 'webchat', es: true, text: 'se me acaba la insulina y la farmacia dice que tarda 2 dias', danger: /azúcar/ },
  ];
  for (const c of first) {
    it(`${c.channel} ${c.es ? 'es' : 'en'}, first message: "${c.text}"`, async () => {
      const chat = chatOn(c.channel, c.es);
      assertRescue(textOf(await chat.say(c.text)), c.es, c.danger);
    });
  }

  it('Web Chat en, signed in: after the refill answer, "what if i run out before then"', async () => {
    const chat = chatOn('webchat', false);
    await chat.signIn(ALEX.memberId);
    await chat.say('i need to renew my albuterol');
    assertRescue(textOf(await chat.say('what if i run out before then')), false, /911/);
  });

  it('Web Chat es, signed in: "se me acaba el inhalador, que hago este fin de semana"', async () => {
    const chat = chatOn('webchat', true);
    await chat.signIn(ALEX.memberId);
    assertRescue(textOf(await chat.say('se me acaba el inhalador, que hago este fin de semana')), true, /cuesta respirar/);
  });

  it('the triage still answers "my inhaler ran out and i cant breathe" with 911 first', async () => {
    const chat = chatOn('sms', false);
    const text = textOf(await chat.say('my inhaler ran out and i cant breathe'));
    assert.match(text, /Call 911 now/, text);
    assert.ok(text.indexOf('911') < text.search(/nurse/), text);
  });

  it('a plain refill of an inhaler is still the refill', async () => {
    const chat = chatOn('sms', false);
    const text = textOf(await chat.say('i need a refill of my albuterol inhaler'));
    assert.doesNotMatch(text, /short supply/, text);
  });
});
