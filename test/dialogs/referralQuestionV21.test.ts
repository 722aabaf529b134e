import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Newcomer run v21, Z08 (Teams, Spanish): "y si me mandan al dermatologo es lo mismo? necesito
 * referido?" after a copay answer started a booking ("¿Para quién es la cita?") the member could
 * not leave. A referral question gets what the plan needs before a specialist visit and where to
 * see a referral's status, in both languages, never a booking question.
 */
const cases = [
  { channel: 'msteams' as const, locale: 'es' as const, before: 'buenas, cuanto pago de copago si voy al especialista', ask: 'y si me mandan al dermatologo es lo mismo? necesito referido?', answer: /referido de su médico de atención primaria/, booking: /¿Para quién es la cita\?/ },
  { channel: 'webchat' as const, locale: 'es' as const, before: undefined, ask: 'ocupo referencia para ir con el cardiologo?', answer: /referido de su médico de atención primaria/, booking: /¿Para quién es la cita\?/ },
  { channel: 'webchat' as const, locale: 'en' as const, before: undefined, ask: 'do i need a referral to see a dermatologist', answer: /referral from your primary care clinician/, booking: /Who is the appointment for\?/ },
  { channel: 'msteams' as const, locale: 'en' as const, before: 'how much is my copay for a specialist', ask: 'and do I need a referral first?', answer: /referral from your primary care clinician/, booking: /Who is the appointment for\?/ },
];

describe('v21: a referral question is answered, not turned into a booking', function () {
  this.timeout(120_000);
  for (const c of cases) {
    it(`${c.channel} ${c.locale}: "${c.ask}"`, async () => {
      const chat = await realChat(c.channel, { locale: c.locale });
      if (c.before) await chat.say(c.before);
      const text = textOf(await chat.say(c.ask));
      assert.match(text, c.answer, text);
      assert.doesNotMatch(text, c.booking, text);
    });
  }
});
