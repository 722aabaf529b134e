import assert from 'node:assert/strict';
import { choicesOf, linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';
import { catalog, promptText } from './support';

/**
 * Specific requests members met with a menu in the newcomer run (T10, T13, S02, S06, S10, W26,
 * T15, T16, W28, S15, W16, W05), through the whole bot with the real recognizer, on the channel
 * where each was seen. On Teams and SMS members write shorthand ("appt"), which the options'
 * phrases did not know; other sub-topics were said in words no option listed.
 */
describe('specific requests get their answer, not a menu (newcomer run)', function () {
  this.timeout(60_000);

  describe('appointments named in shorthand or in other words', () => {
    const actionMenu = (locale: 'en' | 'es') => new RegExp(promptText(locale, 'appointment.ask.action').replace(/[?¿.]/g, '\\$&'));

    for (const [channel, words] of [
      ['msteams', 'I want to cancel my lab appt'],
      ['sms', 'need to cancel my appt'],
    ] as const) {
      it(`${channel}: "${words}" starts the cancellation`, async () => {
        const replies = await (await realChat(channel)).say(words);
        assert.doesNotMatch(textOf(replies), actionMenu('en'));
        assert.ok(textOf(replies).includes(catalog.text('en', 'appointment.done.cancel').split('.')[0]!), textOf(replies));
      });
    }

    for (const [channel, words] of [
      ['msteams', 'what time is my lab appt again'],
      ['sms', "when's my next appt"],
      ['sms', 'hi do i have any appts'],
    ] as const) {
      it(`${channel}: "${words}" looks for the appointments`, async () => {
        const replies = await (await realChat(channel)).say(words);
        assert.doesNotMatch(textOf(replies), actionMenu('en'));
        assert.ok(
          linksOf(replies).some((l) => l.includes('action=find')) || textOf(replies).includes(promptText('en', 'appointment.ask.patient')),
          textOf(replies),
        );
      });
    }

    it('SMS, Spanish: "cuando es mi proxima cita" looks for the appointments', async () => {
      const replies = await (await realChat('sms', { locale: 'es' })).say('cuando es mi proxima cita');
      assert.doesNotMatch(textOf(replies), actionMenu('es'));
      assert.ok(linksOf(replies).some((l) => l.includes('action=find')), textOf(replies));
    });

    it('Teams, Spanish: "cancela la de laboratorio" after the list is a cancellation, not the menu (and "my" visits still hold)', async () => {
      const chat = await realChat('msteams', { locale: 'es' });
      await chat.say('cuales son mis citas');
      const replies = await chat.say('cancela la de laboratorio');
      assert.doesNotMatch(textOf(replies), actionMenu('es'));
      assert.ok(!textOf(replies).includes(promptText('es', 'appointment.ask.patient')), textOf(replies));
      assert.ok(textOf(replies).includes(catalog.text('es', 'appointment.done.cancel')), textOf(replies));
    });
  });
});

describe('"ok" or "no thanks" after "anything else?" ends politely (newcomer run, W05)', function () {
  this.timeout(60_000);

  for (const [channel, locale, first, reply] of [
    ['webchat', 'en', 'how much do i owe', 'ok'],
    ['msteams', 'en', 'how much do i owe', 'ok thanks'],
    ['sms', 'en', 'how much do i owe', 'no thanks'],
    ['webchat', 'es', 'cuanto debo', 'ya no, gracias'],
    ['msteams', 'en', 'how much do i owe', "that's all"],
  ] as const) {
    it(`${channel}: "${reply}" is a goodbye, not the topics menu`, async () => {
      const chat = await realChat(channel, { locale });
      assert.ok(textOf(await chat.say(first)).includes(catalog.text(locale, 'main.anythingElse')));
      const replies = await chat.say(reply);
      assert.ok(textOf(replies).includes(promptText(locale, 'main.goodbye')), textOf(replies));
      assert.deepEqual(choicesOf(replies), []);
    });
  }
});

describe('billing and records sub-topics said in other words (newcomer run, W26, T15, T16, W28)', function () {
  this.timeout(60_000);

  it('Web Chat, Spanish: "me cobraron dos veces" is the dispute answer, not the billing menu', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    const replies = await chat.say('tengo una factura que no entiendo, me cobraron dos veces');
    assert.ok(!textOf(replies).includes(promptText('es', 'billing.ask.topic')), textOf(replies));
    assert.ok(textOf(replies).includes(promptText('es', 'billing.answer.dispute')), textOf(replies));
  });

  it('Teams: "I was charged twice for one visit" is the dispute answer', async () => {
    const replies = await (await realChat('msteams')).say('I was charged twice for one visit');
    assert.ok(textOf(replies).includes(promptText('en', 'billing.answer.dispute')), textOf(replies));
  });

  it('Teams, Spanish: "puedo pagar en partes?" after the pay answer is the payment plan', async () => {
    const chat = await realChat('msteams', { locale: 'es' });
    assert.ok(linksOf(await chat.say('como pago mi factura en linea')).some((l) => l.endsWith('/billing/pay')));
    const replies = await chat.say('puedo pagar en partes?');
    assert.ok(linksOf(replies).some((l) => l.includes('/billing/payment-plans')), textOf(replies));
  });

  for (const [locale, words] of [
    ['es', 'es sobre mi tarjeta de miembro'],
    ['en', 'I need my member ID card'],
  ] as const) {
    it(`Teams: "${words}" is the member ID card answer`, async () => {
      const replies = await (await realChat('msteams', { locale })).say(words);
      assert.ok(!textOf(replies).includes(promptText(locale, 'billing.ask.topic')), textOf(replies));
      assert.ok(linksOf(replies).some((l) => l.endsWith('/secure/profile/id-card')), textOf(replies));
      assert.ok(textOf(replies).includes(catalog.text(locale, 'billing.answer.idCard').split('.')[0]!), textOf(replies));
    });
  }

  it('Web Chat, Spanish: "y cuando salen los resultados?" after the results answer says when results come out', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    const first = textOf(await chat.say('como veo mis resultados de laboratorio'));
    const replies = textOf(await chat.say('y cuando salen los resultados?'));
    assert.notEqual(replies, first);
    assert.ok(replies.includes(catalog.text('es', 'records.answer.resultsTiming').split('.')[0]!), replies);
    assert.match(replies, /después de que su médico los revisa/);
  });

  it('Teams: "how long do lab results take?" says when results come out', async () => {
    const replies = textOf(await (await realChat('msteams')).say('how long do lab results take?'));
    assert.match(replies, /1 to 3 days/);
    assert.match(replies, /after your clinician reviews them/);
  });
});

describe('dental care, which the booking does not offer (newcomer run, S15)', function () {
  this.timeout(60_000);

  it('SMS, Spanish: "quiero una cita para el dentista" says plainly that dental care is not offered, and where to look', async () => {
    const chat = await realChat('sms', { locale: 'es' });
    const replies = textOf(await chat.say('quiero una cita para el dentista'));
    assert.ok(!replies.includes(promptText('es', 'appointment.ask.action')), replies);
    assert.match(replies, /no ofrece atención dental/);
    assert.match(replies, /plan dental/);
    assert.ok(!textOf(await chat.say('cita con el dentista')).includes(promptText('es', 'appointment.ask.action')));
  });

  it('Teams: "I need a dentist appointment" says the same in English', async () => {
    const replies = textOf(await (await realChat('msteams')).say('I need a dentist appointment'));
    assert.match(replies, /doesn't offer dental care/);
    assert.ok(!replies.includes(promptText('en', 'appointment.ask.action')), replies);
  });
});

describe('a request outside what the assistant does is said to be so (newcomer run, W16)', function () {
  this.timeout(60_000);

  for (const [channel, locale, words] of [
    ['webchat', 'en', 'can you order me a pizza'],
    ['webchat', 'en', 'can you recommend a good pizza place near me'],
    ['msteams', 'es', '¿me recomiendas un buen restaurante cerca?'],
  ] as const) {
    it(`${channel}: "${words}" is outside what it can do, then what it can do`, async () => {
      const replies = await (await realChat(channel, { locale })).say(words);
      assert.ok(textOf(replies).includes(catalog.text(locale, 'main.outOfScope')), textOf(replies));
      assert.ok(!textOf(replies).includes(promptText(locale, 'main.rephrase')), textOf(replies));
      assert.ok(choicesOf(replies).length >= 7, 'the topics to pick from');
    });
  }

  it('Web Chat: words it does not understand, asking for nothing, still get "say it another way"', async () => {
    const replies = await (await realChat('webchat')).say('purple monkey dishwasher');
    assert.ok(textOf(replies).includes(promptText('en', 'main.rephrase')), textOf(replies));
  });
});
