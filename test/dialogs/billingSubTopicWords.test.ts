import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * A billing request that names its sub-topic goes to that answer (newcomer run v8): the insurance
 * card by its everyday names ("tarjeta de seguro", "plan card") is the member ID card, not the
 * twelve-choice billing menu (TM12, Teams); having no money for a bill is payment plans and
 * financial assistance, not "pay online by card" (WM16, Web Chat). Real recognizer, new wording,
 * both languages.
 */
describe('billing sub-topics named in everyday words (newcomer run v8)', function () {
  this.timeout(120_000);

  for (const [locale, words] of [
    ['es', 'ocupo ver mi tarjeta de seguro'],
    ['en', 'where can i see my health plan card'],
  ] as const) {
    it(`Teams (${locale}): "${words}" is the member ID card`, async () => {
      const replies = await (await realChat('msteams', { locale })).say(words);
      assert.ok(linksOf(replies).some((l) => l.includes('/profile/id-card')), textOf(replies));
    });
  }

  for (const [locale, words] of [
    ['es', 'es que ahorita no tengo dinero para la factura, que hago'],
    ['en', 'what happens if i dont have the money for this bill'],
  ] as const) {
    it(`Web Chat (${locale}): "${words}" is payment plans and assistance, not paying online`, async () => {
      const replies = await (await realChat('webchat', { locale })).say(words);
      assert.ok(!linksOf(replies).some((l) => l.endsWith('/billing/pay')), textOf(replies));
      assert.match(textOf(replies), /payment plan|financial assistance|plan de pagos|asistencia financiera/i);
    });
  }
});
