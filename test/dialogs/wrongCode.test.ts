import assert from 'node:assert/strict';
import type { Locale } from '../../intents/types';
import { linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';
import { catalog, promptText } from './support';

/**
 * Newcomer run v4 (WC06), on Web Chat with the real recognizer: a code that arrives but is refused
 * ("wrong code", "código incorrecto") gets the answer about old and expired codes, not the one for a
 * code that never arrives; and someone who cannot sign in, asking for a person, is given the phone
 * line, never a portal page behind sign-in (a secure message, a call-back request: newcomer run v7,
 * WJ06/WJ19).
 */
describe('a refused sign-in code, and a person for someone who cannot sign in (newcomer run v4, WC06)', function () {
  this.timeout(60_000);

  const cases: Array<[Locale, string, string]> = [
    ['en', 'trying to log in and the site tells me the code is invalid', 'i want to speak with someone'],
    ['es', 'no puedo entrar, me sale que el código es inválido', 'quiero hablar con alguien'],
  ];
  for (const [locale, words, person] of cases) {
    it(`(${locale}) "${words}" → the refused-code answer; a person then comes without pages behind sign-in`, async () => {
      const chat = await realChat('webchat', { locale });
      const answer = textOf(await chat.say(words));
      assert.ok(answer.includes(promptText(locale, 'password_reset.answer.wrongCode')), answer);
      assert.ok(!answer.includes(promptText(locale, 'password_reset.answer.codeNotArriving')), answer);
      const replies = await chat.say(person);
      const text = textOf(replies);
      assert.ok(!text.includes(catalog.text(locale, 'escalation.callback')), text);
      assert.ok(!text.includes(catalog.text(locale, 'escalation.message')), text);
      assert.ok(!linksOf(replies).some((l) => l.includes('/secure/')), linksOf(replies).join(', '));
    });
  }
});
