import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Newcomer run v4 (TB11, SB09): Member Services' hours read "24 hours a day, 7 days a week
 * (closed holidays)", a contradiction inside parentheses inside parentheses. The profile's
 * wording now says when the line is closed in one clause.
 */
describe("Member Services' hours read as one plain clause (newcomer run v4)", function () {
  this.timeout(60_000);

  for (const [channel, locale, words, expected] of [
    ['msteams', 'en', 'how do I call member services', /24 hours a day, every day except holidays\)/],
    ['sms', 'es', '¿cuál es el teléfono de servicios para miembros?', /las 24 horas, todos los días excepto los festivos\)/],
  ] as const) {
    it(`${channel} (${locale}): "${words}"`, async () => {
      const text = textOf(await (await realChat(channel, { locale })).say(words));
      assert.match(text, expected, text);
      assert.doesNotMatch(text, /\([^)]*\(/, 'no parentheses inside parentheses');
    });
  }
});
