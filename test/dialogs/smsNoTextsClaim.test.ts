import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Over SMS the assistant is texting, so it never says it can't send texts (newcomer run v5,
 * SF06): the follow-up about an answer's page says what it can't send from here (documents,
 * e-mails) instead, in both languages. Sentences differ from the run's.
 */
describe('SMS: the follow-up never says "I can\'t send texts"', function () {
  this.timeout(300_000);

  for (const [locale, opening, followUps, said] of [
    ['en', 'my verification code never showed up', ['send it again', 'can you text it to me'], /can't send documents or e-mails from here/],
    ['es', 'no me llega el codigo de verificacion', ['como hago eso', 'me lo puede mandar por mensaje'], /no puedo enviar documentos ni correos/],
  ] as const) {
    it(`SMS (${locale})`, async () => {
      const chat = await realChat('sms', { locale });
      await chat.say(opening);
      let seen = 0;
      for (const followUp of followUps) {
        const text = textOf(await chat.say(followUp));
        assert.doesNotMatch(text, /send texts|mensajes de texto/i, text);
        if (said.test(text)) seen += 1;
      }
      assert.ok(seen > 0, 'the SMS wording was given');
    });
  }
});
