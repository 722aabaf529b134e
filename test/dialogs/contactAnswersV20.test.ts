import assert from 'node:assert/strict';
import { ResponseCatalog } from '../../common/responses';
import { OptionMatcher } from '../../dialogs/common/options';
import { PhraseBook } from '../../dialogs/phrases';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { hasNot, say, type Replies } from './replyChecks';

/**
 * Newcomer run v20, contact answers, through the whole bot with the real recognizer (the run's
 * sentences and others with the same meaning):
 * - the portal or app down or showing an error is answered by Contact too (the troubleshooting
 *   answer, on its menu), whether the recognizer says contact or sign-in help;
 * - after a clinic's phone number, one clinic named keeps the number asked (not its hours), and a
 *   day asked is that clinic's hours from the clinic finder, not the phone line's hours;
 * - a day asked right after the pharmacies' hours is their hours that day, not the pharmacy line's;
 *   a sentence ending on an hour abbreviation never ends in "m..";
 * - "whats an EOB" (after a billing answer) is what an explanation of benefits is.
 */

type Channel = 'webchat' | 'msteams' | 'sms';
type Locale = 'en' | 'es';

const catalog = ResponseCatalog.load();
const options = new OptionMatcher(catalog, PhraseBook.load());

const conversation = async (channel: Channel, locale: Locale, messages: string[]): Promise<Replies[]> => {
  const chat = await realChat(channel, { locale });
  const all: Replies[] = [];
  for (const said of messages) all.push(await say(chat, channel, said));
  return all;
};

/** The catalog text is in the replies, SMS line breaks read as spaces. */
const hasFlat = (locale: Locale, replies: Replies, key: string): void => {
  const flat = (text: string) => text.replace(/\s+/g, ' ');
  const want = flat(catalog.text(locale, key).split('{')[0]!.trim());
  assert.ok(flat(textOf(replies)).includes(want), `expected ${key}, got:\n${textOf(replies)}`);
};

const noDoubledStop = (replies: Replies): void => assert.ok(!/\b[ap]\. ?m\.\.(?!\.)/.test(textOf(replies)), `doubled period in:\n${textOf(replies)}`);

const PORTAL_DOWN: { channel: Channel; locale: Locale; said: string }[] = [
  { channel: 'webchat', locale: 'en', said: 'the website is down' },
  { channel: 'msteams', locale: 'en', said: 'the app crashes every time I open it' },
  { channel: 'webchat', locale: 'en', said: 'error 500 on the messages page' },
  { channel: 'sms', locale: 'en', said: 'your site wont load for me' },
  { channel: 'webchat', locale: 'en', said: 'is the portal down right now' },
  { channel: 'msteams', locale: 'es', said: 'la app se queda en blanco' },
  { channel: 'sms', locale: 'es', said: 'el sitio está caído o soy yo?' },
  { channel: 'webchat', locale: 'es', said: 'la pagina no carga desde ayer' },
  { channel: 'msteams', locale: 'es', said: 'la aplicacion se traba cada vez que la abro' },
];

describe('v20: contact answers (portal errors, a clinic asked about, a day at the pharmacies, EOB)', function () {
  this.timeout(120_000);

  describe('the portal or app down or showing an error', () => {
    for (const c of PORTAL_DOWN) {
      it(`Contact names it directly: "${c.said}"`, () => assert.equal(options.prefill(c.said, 'contact.topic'), 'portalError'));
      it(`${c.channel} ${c.locale}: "${c.said}" gets the troubleshooting answer (contact or sign-in route)`, async () => {
        const [replies] = await conversation(c.channel, c.locale, [c.said]);
        hasFlat(c.locale, replies!, 'contact.answer.portalError');
      });
    }
    it('the two routes give the same troubleshooting answer', () => {
      for (const locale of ['en', 'es'] as const) assert.equal(catalog.text(locale, 'contact.answer.portalError'), catalog.text(locale, 'password_reset.answer.portalError'));
    });
    for (const [channel, locale, open, pick] of [
      ['sms', 'es', 'quiero contactarlos', 'la app se queda en blanco'],
      ['sms', 'en', 'i need to contact you', 'the website is down'],
      ['webchat', 'en', 'i need to contact you', 'Site or app not working'],
    ] as const) {
      it(`${channel} ${locale}: the contact menu lists it and "${pick}" reaches it`, async () => {
        const [menu, answer] = await conversation(channel, locale, [open, pick]);
        const title = catalog.text(locale, 'options.contact.topic.portalError');
        assert.ok(`${textOf(menu!)}${JSON.stringify(menu)}`.includes(title), `no "${title}" in the menu:\n${textOf(menu!)}`);
        hasFlat(locale, answer!, 'contact.answer.portalError');
      });
    }
  });

  describe("a clinic's number, then one clinic, then a day", () => {
    for (const [channel, locale, ask, one, day] of [
      ['webchat', 'en', 'whats the phone # for the clinic', 'the one on main st', 'are they open saturday?'],
      ['msteams', 'en', "what's the number for my doctors office", 'the downtown one', 'open on sunday?'],
      ['sms', 'en', 'i need the clinic phone number', 'the one on oak ave', 'what about saturday'],
      ['webchat', 'es', 'cual es el telefono de la clinica', 'la de la calle main', 'abren el sabado?'],
      ['sms', 'es', 'necesito el numero de mi clinica', 'la del centro', 'y el domingo?'],
    ] as const) {
      it(`${channel} ${locale}: "${one}" keeps the number asked; "${day}" is the clinic's hours, not the line's`, async () => {
        const [, named, opened] = await conversation(channel, locale, [ask, one, day]);
        hasFlat(locale, named!, 'followUp.about.placePhone');
        hasNot(locale, named!, 'followUp.about.placeHours');
        hasFlat(locale, opened!, 'contact.clinicHours.day');
        hasNot(locale, opened!, 'followUp.placeDay');
      });
    }
  });

  describe("a day right after the pharmacies' hours", () => {
    for (const [channel, locale, ask, day, expect, never] of [
      ['msteams', 'es', 'cual es el horario de las farmacias', 'y el domingo?', ['domingo de 10 a. m. a 4 p. m.', 'cerrada el domingo'], 'a 8 p. m.'],
      ['webchat', 'es', 'horario de la farmacia', 'y los sabados?', ['sábado de 9 a. m. a 6 p. m.', 'sábado de 9 a. m. a 1 p. m.'], 'a 8 p. m.'],
      ['msteams', 'en', 'what are the pharmacy hours', 'and on sunday?', ['Sunday 10 a.m. to 4 p.m.', 'closed Sunday'], 'to 8 p.m.'],
      ['sms', 'en', 'when is the pharmacy open', 'what about saturday', ['Saturday 9 a.m. to 6 p.m.', 'Saturday 9 a.m. to 1 p.m.'], 'to 8 p.m.'],
    ] as const) {
      it(`${channel} ${locale}: "${day}" gets the pharmacies' hours that day`, async () => {
        const [, replies] = await conversation(channel, locale, [ask, day]);
        for (const text of expect) assert.ok(textOf(replies!).includes(text), `no "${text}" in:\n${textOf(replies!)}`);
        assert.ok(!textOf(replies!).includes(never), `the pharmacy line's hours in:\n${textOf(replies!)}`);
        hasNot(locale, replies!, 'followUp.placeDay');
        noDoubledStop(replies!);
      });
    }
    it('no sentence ends in a doubled period after an hour abbreviation, in either language', () => {
      const vars = { hours: 'de lunes a viernes, de 8 a. m. a 8 p. m.', number: '1-800-555-0100', tty: '711', line: 'X', day: 'X', days: '2' };
      for (const locale of ['en', 'es'] as const) {
        for (const key of catalog.keys()) assert.ok(!/m\.\.(?!\.)/.test(catalog.text(locale, key, vars)), `${locale} ${key}`);
        assert.ok(!catalog.text(locale, key2(), { ...vars, hours: 'Monday to Friday, 8 a.m. to 8 p.m.' }).includes('p.m..'));
      }
    });
    it('es: the line\'s hours after its number end with one period', async () => {
      const [, replies] = await conversation('msteams', 'es', ['numero de facturacion', 'y a que hora atienden?']);
      noDoubledStop(replies!);
    });
  });

  describe('what an EOB is', () => {
    for (const [channel, locale, before, ask] of [
      ['webchat', 'en', ['why is my bill so high'], 'whats an EOB'],
      ['webchat', 'en', [], 'whats an EOB'],
      ['msteams', 'en', ['how do i pay my bill'], "what's an eob?"],
      ['sms', 'en', ['i want to see my statements'], 'what does EOB stand for'],
      ['webchat', 'es', ['por que mi factura es tan alta'], 'que es un EOB'],
      ['sms', 'es', ['como pago mi factura'], 'qué significa EOB?'],
    ] as const) {
      it(`${channel} ${locale}: "${ask}" after "${before.join('') || 'hi'}" says what an EOB is`, async () => {
        const replies = (await conversation(channel, locale, [...before, ask])).at(-1)!;
        hasFlat(locale, replies, 'billing.answer.eob');
        hasNot(locale, replies, 'billing.answer.costs');
      });
    }
  });
});

function key2(): string {
  return 'followUp.placeDay';
}
