import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { catalog, promptText } from './support';

/**
 * Newcomer run v4 (TB14, SB18, WA15, WA31), with the real recognizer on the channel where each
 * was seen: a question about something outside the health plan (the weather, a bank account,
 * sports) is said to be outside what the assistant does, then what it does; never "Just to be
 * sure: is this about …?" for a topic the recognizer all but ruled out.
 */
describe('out-of-scope requests are said to be so (newcomer run v4)', function () {
  this.timeout(60_000);

  const outside = [
    ['msteams', 'en', 'who won the basketball game last night'],
    ['webchat', 'en', 'is it going to rain this weekend'],
    ['sms', 'es', '¿cuánto dinero tengo en mi cuenta de ahorros del banco?'],
    ['webchat', 'es', '¿va a llover mañana en Salem?'],
  ] as const;
  for (const [channel, locale, words] of outside) {
    it(`${channel} (${locale}): "${words}" is outside what it does, not "is this about …?"`, async () => {
      const text = textOf(await (await realChat(channel, { locale })).say(words));
      assert.ok(text.includes(catalog.text(locale, 'main.outOfScope')), text);
      assert.ok(!text.includes(promptText(locale, 'main.clarifyOne')), text);
    });
  }

  for (const [words, prompt] of [
    ['my bill', 'billing.ask.topic'],
    ['refill', 'refill.ask.rx'],
  ] as const) {
    it(`a short task request still starts its task: "${words}"`, async () => {
      const text = textOf(await (await realChat('webchat')).say(words));
      assert.ok(text.includes(promptText('en', prompt)), text);
    });
  }
});
