import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Billing questions with one clear reading get their answer at once, never the twelve-choice
 * billing menu (newcomer run v6: TH06 "a new insurance card" got Update insurance, WG06 and TH04
 * "why is my bill so high" got the menu). Through the whole bot with the real recognizer, on the
 * channel where each was seen; new wording, in both languages.
 */
describe('billing: a specific question gets its answer (newcomer run v6)', function () {
  this.timeout(60_000);

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
});
