import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { catalog } from './support';

/**
 * Newcomer run v4 (WC11), on Web Chat with the real recognizer: a clear request for something no
 * topic covers is said to be outside what the assistant does even right after another message it
 * could not help with, never "Sorry, I'm still not sure what you need".
 */
describe('a second out-of-scope request is still said to be so (newcomer run v4, WC11)', function () {
  this.timeout(60_000);

  const cases = [
    ['en', 'will it snow where i live on friday', 'could you move 50 dollars into my savings account'],
    ['es', '¿va a hacer calor el domingo?', '¿me puedes decir cuánto dinero hay en mi cuenta del banco?'],
  ] as const;
  for (const [locale, first, second] of cases) {
    it(`(${locale}) "${first}" then "${second}": outside what it does both times`, async () => {
      const chat = await realChat('webchat', { locale });
      const one = textOf(await chat.say(first));
      assert.ok(one.includes(catalog.text(locale, 'main.outOfScope')), one);
      const two = textOf(await chat.say(second));
      assert.ok(two.includes(catalog.text(locale, 'main.outOfScope')), two);
      assert.ok(!two.includes(catalog.text(locale, 'main.unclearTwice')), two);
    });
  }
});
