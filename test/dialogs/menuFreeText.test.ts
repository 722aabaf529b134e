import assert from 'node:assert/strict';
import { loadConfig } from '../../bot/config';
import { loadPortalProfile, PortalProfile } from '../../services/portal/profile';
import { choicesOf, linksOf, textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';
import { catalog } from './support';
import { realChat } from './memberWords';

const TEAMS_ALEX = { id: '29:alex', aadObjectId: ALEX.teams };
const REFUSED = /among these choices|entre estas opciones/;
const BILLING_MENU = [catalog.text('en', 'options.billing.topic.paymentPlan'), catalog.text('es', 'options.billing.topic.paymentPlan')];
const isMenu = (choices: string[]) => choices.some((c) => BILLING_MENU.includes(c));

/**
 * Free text at a sub-topic menu, and sub-topics named in the first message (newcomer run v9b):
 * "un cobro que no reconozco" got the twelve-item billing menu and "quiero disputarlo" was refused
 * at it (SK10, SMS); a real question at the billing menu was refused with the same menu (WJ08,
 * WJ13, Web Chat). Words that name an option pick it, in any order, both languages; a sentence
 * that fits no option is answered or routed afresh, never refused with the menu again. Real
 * recognizer, new wording.
 */
describe('free text at a sub-topic menu (newcomer run v9b)', function () {
  this.timeout(180_000);

  for (const [channel, locale, words] of [
    ['sms', 'es', 'hay un cargo en mi estado de cuenta que no reconozco'],
    ['webchat', 'en', "there's a charge on my bill i don't recognize"],
  ] as const) {
    it(`${channel} (${locale}): "${words}" is the dispute answer, not the billing menu`, async () => {
      const replies = await (await realChat(channel, { locale })).say(words);
      assert.ok(linksOf(replies).some((l) => l.endsWith('/coverage/appeals')), textOf(replies));
      assert.ok(!isMenu(choicesOf(replies)), textOf(replies));
    });
  }

  for (const [channel, locale, words, link] of [
    ['sms', 'es', 'quisiera disputarlo por favor', '/coverage/appeals'],
    ['webchat', 'en', "i'm disputing this one", '/coverage/appeals'],
    ['webchat', 'en', 'can i split it into a few payments', '/billing/payment-plans'],
    ['msteams', 'es', 'se puede dividir en varios pagos?', '/billing/payment-plans'],
  ] as const) {
    it(`${channel} (${locale}): "${words}" at the billing menu picks its option`, async () => {
      const chat = await realChat(channel, { locale });
      assert.ok(isMenu(choicesOf(await chat.say(locale === 'es' ? 'facturación' : 'billing'))));
      const replies = await chat.say(words);
      assert.doesNotMatch(textOf(replies), REFUSED);
      assert.ok(linksOf(replies).some((l) => l.endsWith(link)), textOf(replies));
    });
  }

  for (const [locale, words] of [
    ['en', 'they sent my old bill to a collection agency'],
    ['es', 'me mandaron a cobranza por una factura vieja'],
  ] as const) {
    it(`Web Chat (${locale}): a billing question no option fits gets the Billing line and a person, not the menu again`, async () => {
      const chat = await realChat('webchat', { locale });
      assert.ok(isMenu(choicesOf(await chat.say(locale === 'es' ? 'facturación' : 'billing'))));
      const replies = await chat.say(words);
      const text = textOf(replies);
      assert.doesNotMatch(text, REFUSED);
      assert.ok(!isMenu(choicesOf(replies)), text);
      assert.match(text, /1-800-555-0133/);
      assert.ok(choicesOf(replies).includes(catalog.text(locale, 'topics.agent')), choicesOf(replies).join(' | '));
    });
  }

  it('Web Chat: a request for another topic at the billing menu is routed, not refused', async () => {
    const chat = await realChat('webchat');
    await chat.say('billing');
    const text = textOf(await chat.say('actually i need to book a physical'));
    assert.doesNotMatch(text, REFUSED);
    assert.match(text, /Who is the appointment for\?/);
  });
});

/**
 * "no" and a request at "Would you like to talk to a person about this?" (WJ08: "no. can i pay it in
 * installments" was answered with "anything else?"; TK04: "no gracias. puedo pagarla en partes?"
 * the same): the no is honoured and the request answered.
 */
describe('a no with a request after a topic answer (newcomer run v9b)', function () {
  this.timeout(180_000);

  for (const [channel, locale, first, then] of [
    ['msteams', 'es', '¿por qué me llegó tan alta la factura?', 'no, gracias. ¿la puedo pagar a plazos?'],
    ['webchat', 'en', 'i was charged twice for the same visit', 'no. could i pay it off monthly if i owe it'],
  ] as const) {
    it(`${channel} (${locale}): "${then}" is the payment plan answer`, async () => {
      const chat = await realChat(channel, { locale });
      assert.ok(choicesOf(await chat.say(first)).includes(catalog.text(locale, 'topics.agent')));
      const replies = await chat.say(then);
      assert.ok(linksOf(replies).some((l) => l.endsWith('/billing/payment-plans')), textOf(replies));
    });
  }

  it('Web Chat: a plain "no thanks" to the offer still ends the topic', async () => {
    const chat = await realChat('webchat');
    await chat.say('i was charged twice for the same visit');
    assert.match(textOf(await chat.say('no thanks')), /anything else/i);
  });
});

function portalWithDrugList(): PortalProfile {
  const data = loadPortalProfile(loadConfig({ NODE_ENV: 'test' }).portalProfile).data;
  return new PortalProfile({ ...data, links: { ...data.links, pharmacy: { ...data.links.pharmacy, drugCoverage: '/secure/pharmacy/drug-list' } } });
}

/**
 * A named medicine (TK02: "is my lisinopril ready" got the refills menu) and a drug's coverage
 * (WJ13: "mi plan cubre ozempic?" got the billing menu): the medicine's status, and where to see
 * whether the plan covers it.
 */
describe('named medicines: status and coverage (newcomer run v9b)', function () {
  this.timeout(180_000);

  for (const [locale, words, line] of [
    ['en', 'is my zestril ready', /Lisinopril 10 mg tablet \(Rx 1000101\) is ready for pickup/],
    ['es', '¿cómo va mi lisinopril?', /Lisinopril 10 mg (tablet|tableta) \(Rx 1000101\)/],
  ] as const) {
    it(`Teams, signed in (${locale}): "${words}" is that medicine's status, not the refills menu`, async () => {
      const chat = await realChat('msteams', { locale, from: TEAMS_ALEX });
      const replies = await chat.say(words);
      assert.match(textOf(replies), line);
      assert.ok(!choicesOf(replies).includes(catalog.text(locale, 'options.refill.need.status')), choicesOf(replies).join(' | '));
    });
  }

  for (const [locale, words] of [
    ['es', 'oiga, ¿mi seguro cubre el wegovy?'],
    ['en', 'will my plan pay for ozempic'],
  ] as const) {
    it(`Web Chat (${locale}): "${words}" is drug coverage: the pharmacy line, not the billing menu`, async () => {
      const replies = await (await realChat('webchat', { locale })).say(words);
      assert.ok(!isMenu(choicesOf(replies)), textOf(replies));
      assert.match(textOf(replies), /1-800-555-0122/);
    });
  }

  it('Web Chat: with a drug list on the portal, drug coverage links to it', async () => {
    const chat = new MemberChat({ channelId: 'webchat', locale: 'en-US', overrides: { understanding: undefined, emergencyCheck: undefined, profile: portalWithDrugList() } });
    await chat.open('hi');
    const replies = await chat.say('is trulicity covered on my plan?');
    assert.ok(linksOf(replies).some((l) => l.endsWith('/secure/pharmacy/drug-list')), textOf(replies));
    assert.match(textOf(replies), /drug list/);
  });
});
