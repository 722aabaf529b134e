import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
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

  /**
   * Newcomer run v13, YZ06 (SMS en, Alex signed in by code): after the albuterol's renewal answer,
   * "i only have like 2 puffs left what if i get an attack before they answer" got the renewal
   * paragraph and the list again. A puff names an inhaler, a few doses left says it is running out,
   * an attack says it may be needed: the rescue answer first (the pharmacy's emergency supply, the
   * 24/7 nurse line, urgent care, 911 if breathing is hard), then what happens with the renewal.
   */
  for (const c of [
    { es: false, first: 'where are my prescriptions', renew: 'my albuterol has no refills left can u get the dr to renew it, i use it for my asthma', worry: 'i only have like 2 puffs left what if i get an attack before they answer', danger: /trouble breathing/, renewal: /renewal goes on: your Albuterol HFA inhaler \(Rx 1000105\)/ },
    { es: true, first: 'donde estan mis recetas', renew: 'mi albuterol no tiene resurtidos, me lo puede renovar el doctor? es para mi asma', worry: 'solo me quedan 2 disparos del inhalador y si me da un ataque?', danger: /cuesta respirar/, renewal: /renovación sigue su curso: la receta de su Albuterol HFA inhalador \(Rx 1000105\)/ },
  ]) {
    it(`SMS ${c.es ? 'es' : 'en'}, signed in by code: YZ06 "${c.worry}" after the renewal answer`, async () => {
      const chat = chatOn('sms', c.es);
      await chat.say(c.first);
      const code = /\b(\d{6})\b/.exec(textOf(await chat.say('1')))?.[1];
      assert.ok(code);
      await chat.say(code);
      assert.match(textOf(await chat.say(c.renew)), /Albuterol/);
      const replies = await chat.say(c.worry);
      const text = textOf(replies);
      assertRescue(text, c.es, c.danger);
      assert.match(text, c.es ? /24 horas/ : /24 hours a day/, text);
      // The rescue answer first, then what happens with the renewal.
      assert.match(text, c.renewal, text);
      assert.ok(text.search(/911/) < text.search(c.renewal), text);
      assert.ok(linksOf(replies).some((l) => l.endsWith('/secure/message-center/new')), linksOf(replies).join(' '));
    });
  }

  it('Web Chat en, signed in: "what if i get an attack" after the albuterol renewal answer names its danger sign', async () => {
    const chat = chatOn('webchat', false);
    await chat.signIn(ALEX.memberId);
    await chat.say('i need to renew my albuterol');
    const text = textOf(await chat.say('what if i get an attack before they answer'));
    assertRescue(text, false, /trouble breathing/);
    assert.match(text, /renewal goes on/, text);
  });

  it('SMS en, first message: "only 1 puff left in my inhaler, my refill isnt ready"', async () => {
    assertRescue(textOf(await chatOn('sms', false).say('only 1 puff left in my inhaler, my refill isnt ready')), false, /trouble breathing/);
  });

  it('refills left on an inhaler are no doses left: still the refill', async () => {
    const chat = chatOn('webchat', false);
    await chat.signIn(ALEX.memberId);
    const text = textOf(await chat.say('i only have 2 refills left on my inhaler, can i refill it'));
    assert.doesNotMatch(text, /short supply/, text);
  });
});
