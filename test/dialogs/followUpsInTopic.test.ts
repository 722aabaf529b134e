import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat } from './memberWords';
import { has, hasLink, hasNot, say } from './replyChecks';
import { catalog } from './support';

/**
 * A follow-up question inside a topic gets that topic's answer to it, in English and Spanish,
 * through the whole bot with the real recognizer (newcomer run v11): how long a refill just asked
 * for takes (XP02); a billing term in plain words (XP04); financial help after a lost job (XQ16);
 * a number asked for by its line's name, a day or one clinic after the hours, a pharmacy named
 * (XQ11, XP10); a code not coming after what was tried (XQ06); "what if it doesnt work" in a
 * video visit, and a bare "k" to a menu (XQ09).
 */
describe('follow-up questions inside a topic (newcomer run v11)', function () {
  this.timeout(120_000);

  for (const locale of ['en', 'es'] as const) {
    it(`teams ${locale}, signed in: how long a refill just asked for takes, not the prescription list (XP02)`, async () => {
      const chat = await realChat('msteams', { locale, from: { id: '29:alex', aadObjectId: ALEX.teams } });
      const w = locale === 'en' ? ['can you refill my levothyroxine', 'yes', 'how long will it take'] : ['puede surtir mi levotiroxina', 'si', 'y cuanto tarda eso?'];
      await say(chat, 'msteams', w[0]!);
      await say(chat, 'msteams', w[1]!);
      const time = await say(chat, 'msteams', w[2]!);
      has(locale, time, 'followUp.about.refillTime');
      assert.ok(!textOf(time).includes('Lisinopril'), textOf(time));
    });

    it(`webchat ${locale}: billing terms in plain words, with the coverage page (XP04)`, async () => {
      const chat = await realChat('webchat', { locale });
      const w =
        locale === 'en'
          ? ['i want to dispute a charge on my bill', 'what does deductible mean', 'and whats a copay?', 'what is an EOB']
          : ['quiero disputar un cargo de mi factura', 'que significa deducible', 'y que significa copago?', 'que es una explicacion de beneficios'];
      await say(chat, 'webchat', w[0]!);
      const deductible = await say(chat, 'webchat', w[1]!);
      has(locale, deductible, 'billing.answer.deductible');
      hasLink(deductible, '/coverage/benefits');
      has(locale, await say(chat, 'webchat', w[2]!), 'billing.answer.copay');
      has(locale, await say(chat, 'webchat', w[3]!), 'billing.answer.eob');
    });

    it(`teams ${locale}: financial help after a lost job is its own answer, not the payment plan again (XQ16)`, async () => {
      const chat = await realChat('msteams', { locale });
      const w = locale === 'en' ? ['i cant pay my whole bill at once', 'is there any financial help? i lost my job'] : ['me llego una factura muy alta no puedo pagarla toda', 'hay ayuda financiera? es q perdi mi trabajo'];
      has(locale, await say(chat, 'msteams', w[0]!), 'billing.answer.paymentPlan');
      const help = await say(chat, 'msteams', w[1]!);
      has(locale, help, 'billing.answer.financialHelp');
      hasNot(locale, help, 'billing.answer.paymentPlan');
    });

    it(`teams ${locale}: the nurse's number by name, one clinic after the hours (XQ11)`, async () => {
      const chat = await realChat('msteams', { locale });
      const w = locale === 'en' ? ['what time do you close today', 'the downtown one', 'whats the number for the nurse'] : ['a que hora cierran hoy', 'la del centro', 'cual es el numero de la enfermera'];
      await say(chat, 'msteams', w[0]!);
      const one = await say(chat, 'msteams', w[1]!);
      has(locale, one, 'followUp.about.placeHours');
      hasNot(locale, one, 'followUp.again');
      hasLink(one, '/locations');
      const nurse = await say(chat, 'msteams', w[2]!);
      assert.ok(textOf(nurse).includes('1-800-555-0111'), textOf(nurse));
      assert.ok(!textOf(nurse).includes('1-800-555-0100'), textOf(nurse));
    });

    it(`webchat ${locale}: a day after the hours, then a pharmacy named gets the pharmacies' own hours (XP10)`, async () => {
      const chat = await realChat('webchat', { locale });
      const w = locale === 'en' ? ['what time do you open', 'and on saturday?', 'and the downtown pharmacy?'] : ['a que hora abren', 'y el sabado?', 'y la farmacia del centro?'];
      await say(chat, 'webchat', w[0]!);
      const day = await say(chat, 'webchat', w[1]!);
      has(locale, day, 'followUp.placeDay');
      hasLink(day, '/locations');
      const pharmacy = await say(chat, 'webchat', w[2]!);
      has(locale, pharmacy, 'contact.pharmacyHours.intro');
      assert.ok(textOf(pharmacy).includes('Evergreen Pharmacy Downtown'), textOf(pharmacy));
    });

    it(`teams ${locale}: a code not coming after what was tried gets the next step at once, not a menu (XQ06)`, async () => {
      const chat = await realChat('msteams', { locale });
      const w =
        locale === 'en'
          ? ['i cant log in it says wrong password', 'i already did the reset and the email never comes, checked spam too']
          : ['no puedo hacer login al portal me dice password incorrecto', 'ya intente el reset y no me llega el email, ya revise spam'];
      await say(chat, 'msteams', w[0]!);
      const next = await say(chat, 'msteams', w[1]!);
      has(locale, next, 'followUp.about.codeTried');
      hasNot(locale, next, 'password_reset.ask.topic');
    });

    it(`sms ${locale}: "what if it doesnt work" in a video visit is about the visit; a bare "k" to a menu does not close the chat (XQ09)`, async () => {
      const chat = await realChat('sms', { locale });
      const w =
        locale === 'en'
          ? ['how do video visits work', 'what if it doesnt work when im in the visit', 'appointments', 'k']
          : ['sobre las visitas por video', 'y si no funciona cuando estoy en la consulta?', 'citas', 'ok'];
      await say(chat, 'sms', w[0]!);
      const whatIf = await say(chat, 'sms', w[1]!);
      // SMS may split the text: its first sentence, and the join page.
      assert.ok(textOf(whatIf).includes(catalog.text(locale, 'followUp.about.videoWhatIf').split(').')[0]!.split('(')[0]!), textOf(whatIf));
      hasLink(whatIf, '/video-visit');
      hasNot(locale, whatIf, 'appointment.ask.action');
      await say(chat, 'sms', w[2]!);
      const k = await say(chat, 'sms', w[3]!);
      assert.ok(!textOf(k).includes(catalog.text(locale, 'main.closing')), textOf(k));
    });
  }
});
