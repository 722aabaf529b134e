import assert from 'node:assert/strict';
import { choicesOf, textOf } from '../support/chat';
import { realChat } from './memberWords';
import { promptText } from './support';

/**
 * Newcomer run v4 (TB10): an unmapped Teams user asking how to link their account got the
 * password menu. Asking to link (or connect Teams to) the account answers how the assistant knows
 * who the member is here, in member words, with the portal and Member Services.
 */
describe('"how do I link my account" on Teams (newcomer run v4)', function () {
  this.timeout(60_000);

  for (const [locale, words] of [
    ['en', 'can my teams be linked to my member account?'],
    ['es', '¿cómo vinculo Teams con mi cuenta del plan?'],
  ] as const) {
    it(`Teams (${locale}): "${words}" explains the linking, not the password menu`, async () => {
      const replies = await (await realChat('msteams', { locale })).say(words);
      const text = textOf(replies);
      assert.ok(text.includes(promptText(locale, 'password_reset.answer.linkAccount')), text);
      assert.ok(!text.includes(promptText(locale, 'password_reset.ask.topic')), text);
      assert.ok(choicesOf(replies).length <= 3, choicesOf(replies).join(' · '));
    });
  }
});
