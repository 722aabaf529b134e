import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { say } from './replyChecks';

/** A thanks or goodbye in Spanish, not in English. */
const inSpanish = (text: string): void => {
  assert.match(text, /De nada|Gracias por comunicarse/, text);
  assert.doesNotMatch(text, /welcome|Thanks for|anything else/i, text);
};

/**
 * Newcomer run v15 (YW14, Teams): a member who mixed Spanish into an English chat ("ok y donde
 * llamo, what are the hours") and then wrote "k gracias" was thanked in English. A short turn that
 * is plainly Spanish is answered in Spanish; a short turn with no language of its own ("ok", "2")
 * or a borrowed English word in a Spanish chat keeps the conversation's language. Through the
 * whole bot with the real recognizer.
 */
describe('the language of a short turn (newcomer run v15, YW14)', function () {
  this.timeout(120_000);

  for (const [channel, words] of [['msteams', 'k gracias'], ['webchat', 'gracias'], ['sms', 'ok gracias']] as const) {
    it(`${channel}: "${words}" after English billing answers is thanked in Spanish`, async () => {
      const chat = await realChat(channel, { locale: 'en' });
      await say(chat, channel, 'can i pay in parts');
      inSpanish(textOf(await say(chat, channel, words)));
    });
  }

  it('msteams: "k thx" in a Spanish chat keeps Spanish', async () => {
    const chat = await realChat('msteams', { locale: 'es' });
    await say(chat, 'msteams', 'puedo pagar en partes');
    inSpanish(textOf(await say(chat, 'msteams', 'k thx')));
  });
});
