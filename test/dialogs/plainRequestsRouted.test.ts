import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat, signedInChat } from './memberWords';
import { catalog, promptText } from './support';

/**
 * Plain requests routed to the wrong topic, and a portal task asked for after a safety answer
 * (newcomer run v10), through the whole bot with the real recognizer.
 */
/** The words of the day-of-the-week hours answer that carry no number (its last sentence). */
const placeDayWords = (locale: 'en' | 'es'): string => catalog.text(locale, 'followUp.placeDay').split('. ').at(-1)!.slice(0, 40);

describe('plain requests reach their topic, also after a safety answer (newcomer run v10)', function () {
  this.timeout(120_000);

  describe('a portal task asked for after a crisis answer goes on, with the short reminder (WM04)', () => {
    it('Web Chat: "no one, its fine. can we just do the bill" goes back to the bill, never the out-of-scope reply', async () => {
      const chat = await realChat('webchat');
      await chat.say('question about a bill i got');
      const crisis = await chat.say('honestly whats the point of paying anything, i wont be around much longer anyway');
      assert.match(textOf(crisis), /988/);
      await chat.say('idk. i just mean it doesnt matter');
      const bill = textOf(await chat.say('no one, its fine. can we just do the bill'));
      assert.match(bill, /988/, 'the short reminder first');
      assert.ok(!bill.includes(catalog.text('en', 'urgentFollowUp.aside.intro')), bill);
      assert.ok(bill.includes(promptText('en', 'billing.ask.topic')), bill);
      const balance = await chat.say('my balance');
      assert.ok(linksOf(balance).some((l) => l.endsWith('/secure/billing')), textOf(balance));
    });

    it('Web Chat, Spanish: "ya, mejor lo de la factura" after 988 goes back to the bill', async () => {
      const chat = await realChat('webchat', { locale: 'es' });
      await chat.say('tengo una pregunta sobre mi factura');
      assert.match(textOf(await chat.say('para que pago algo si ya no voy a estar aqui mucho tiempo')), /988/);
      const bill = textOf(await chat.say('ya, mejor lo de la factura'));
      assert.match(bill, /988/);
      assert.ok(!bill.includes(catalog.text('es', 'urgentFollowUp.aside.intro')), bill);
      assert.ok(bill.includes(promptText('es', 'billing.ask.topic')), bill);
    });

    it('Web Chat: with no task before the crisis answer, "can we just do the bill" starts billing', async () => {
      const chat = await realChat('webchat');
      assert.match(textOf(await chat.say('whats the point of anything, i wont be around much longer')), /988/);
      const bill = textOf(await chat.say('can we just do the bill'));
      assert.match(bill, /988/);
      assert.ok(!bill.includes(catalog.text('en', 'urgentFollowUp.aside.intro')), bill);
      assert.ok(bill.includes(promptText('en', 'billing.ask.topic')), bill);
    });
  });

  describe('a cancel of a named visit is the cancel, whatever day word it carries (WM16)', () => {
    const cancelPage = (replies: Parameters<typeof linksOf>[0]) => linksOf(replies).some((l) => l.includes('/secure/appointments/upcoming?action=cancel'));

    it('Web Chat, Spanish: after the opening hours, "ok. mejor quiero cancelar mi cita del martes" is the cancel', async () => {
      const chat = await realChat('webchat', { locale: 'es' });
      await chat.say('a que hora abren');
      const replies = await chat.say('ok. mejor quiero cancelar mi cita del martes');
      assert.ok(cancelPage(replies), textOf(replies));
      assert.ok(!textOf(replies).includes(placeDayWords('es')), textOf(replies));
    });

    it('Web Chat: after the opening hours, "ok i need to cancel my tuesday appt" is the cancel; "are you open on sunday" is still about the hours', async () => {
      const chat = await realChat('webchat');
      await chat.say('what time do you open');
      const replies = await chat.say('ok i need to cancel my tuesday appt');
      assert.ok(cancelPage(replies), textOf(replies));
      const day = await realChat('webchat');
      await day.say('what time do you open');
      const sunday = textOf(await day.say('are you open on sunday'));
      assert.ok(sunday.includes(placeDayWords('en')), sunday);
    });
  });

  describe('one\'s own contact details, and test results after the records answer (WM12, WM11)', () => {
    const profile = (replies: Parameters<typeof linksOf>[0]) => linksOf(replies).some((l) => l.endsWith('/secure/profile/contact-information'));
    const results = (replies: Parameters<typeof linksOf>[0]) => linksOf(replies).some((l) => l.endsWith('/secure/medical-record/test-results'));

    for (const [locale, text] of [
      ['en', 'can i change the adress on my account'],
      ['en', 'i need to update my phone number'],
      ['es', 'quiero actualizar mi numero de telefono'],
      ['es', 'como cambio mi direcion en mi cuenta'],
    ] as const) {
      it(`Web Chat (${locale}): "${text}" goes straight to the profile page, no contact menu`, async () => {
        const chat = await realChat('webchat', { locale });
        const replies = await chat.say(text);
        assert.ok(profile(replies), textOf(replies));
        assert.ok(!textOf(replies).includes(promptText(locale, 'contact.ask.topic')), textOf(replies));
      });
    }

    it('Signed in: "and my last blood test, whats the result" after the records request is the test results', async () => {
      const chat = await signedInChat(ALEX.memberId);
      await chat.say('i need a copy of my records for a new dr');
      const replies = await chat.say('and my last blood test, whats the result');
      assert.ok(results(replies), textOf(replies));
      assert.ok(!linksOf(replies).some((l) => l.endsWith('/medical-records-request')), textOf(replies));
    });

    it('Signed in, Spanish: "y mi ultimo analisis de sangre, que salio?" after the records request is the test results', async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: 'es' });
      await chat.say('necesito una copia de mi expediente para un nuevo doctor');
      const replies = await chat.say('y mi ultimo analisis de sangre, que salio?');
      assert.ok(results(replies), textOf(replies));
      assert.ok(!linksOf(replies).some((l) => l.endsWith('/medical-records-request')), textOf(replies));
    });
  });
});
