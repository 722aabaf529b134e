import assert from 'node:assert/strict';
import { choicesOf, linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';
import { catalog, promptText } from './support';

/**
 * Billing questions with one clear reading get their answer at once, never the twelve-choice
 * billing menu (newcomer run v6: TH06 "a new insurance card" got Update insurance, WG06 and TH04
 * "why is my bill so high" got the menu). Through the whole bot with the real recognizer, on the
 * channel where each was seen; new wording, in both languages.
 */
describe('billing: a specific question gets its answer (newcomer run v6)', function () {
  this.timeout(60_000);

  const menu = (locale: 'en' | 'es') => promptText(locale, 'billing.ask.topic');
  const firstWords = (locale: 'en' | 'es', key: string) => catalog.text(locale, key).split(/[.:,]/)[0]!;

  describe('a new, replacement or lost card is the member ID card, not updating other insurance', () => {
    for (const [locale, words] of [
      ['en', 'can you mail me a new insurance card please'],
      ['en', 'mine was stolen, where do I request a new insurance card'],
      ['es', 'cómo pido una tarjeta del seguro nueva'],
      ['es', 'se me perdió la tarjeta del seguro, necesito una nueva'],
    ] as const) {
      it(`Teams (${locale}): "${words}"`, async () => {
        const replies = await (await realChat('msteams', { locale })).say(words);
        assert.ok(linksOf(replies).some((l) => l.includes('/profile/id-card')), textOf(replies));
        assert.ok(!linksOf(replies).some((l) => l.includes('/profile/insurance')), textOf(replies));
      });
    }

    for (const [locale, words] of [
      ['en', 'I have different insurance now, where do I add it'],
      ['es', 'tengo otro seguro nuevo, dónde lo agrego'],
    ] as const) {
      it(`Teams (${locale}): other coverage is still the insurance update: "${words}"`, async () => {
        const replies = await (await realChat('msteams', { locale })).say(words);
        assert.ok(linksOf(replies).some((l) => l.includes('/profile/insurance')), textOf(replies));
      });
    }
  });

  describe('a higher or unexplained bill gets what raises a bill, where charges are explained and Billing', () => {
    for (const [channel, locale, words] of [
      ['webchat', 'en', 'how come my statement is way higher than last month'],
      ['msteams', 'en', 'my bill went up and I do not understand the charges'],
      ['webchat', 'es', 'por qué me llegó una factura tan alta'],
      ['msteams', 'es', 'no entiendo los cargos de mi estado de cuenta'],
    ] as const) {
      it(`${channel} (${locale}): "${words}"`, async () => {
        const replies = await (await realChat(channel, { locale })).say(words);
        const text = textOf(replies);
        assert.ok(!text.includes(menu(locale)), text);
        assert.ok(text.includes(firstWords(locale, 'billing.answer.highBill')), text);
        assert.match(text, /1-800-555-0133/);
        assert.ok(linksOf(replies).some((l) => l.includes('/billing/statements')), text);
        assert.ok(linksOf(replies).some((l) => l.includes('/coverage/claims')), text);
        // At most a short offer of a person after it, never the twelve choices.
        assert.ok(choicesOf(replies).length <= 3, choicesOf(replies).join(' | '));
      });
    }

    it('a charge billed twice is still the dispute answer', async () => {
      const replies = await (await realChat('webchat')).say('they billed me two times for one visit');
      assert.ok(textOf(replies).includes(firstWords('en', 'billing.answer.dispute')), textOf(replies));
    });
  });
});
