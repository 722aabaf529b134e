import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Newcomer run v21, X06 (SMS, Spanish): after Poison Control told a mother to take her daughter
 * to the ER, "cual es el mas cercano de ustedes?" got an 11-option contact menu and "la sala de
 * emergencias mas cerca, donde queda" a dead end. Where the nearest emergency room is gets 911
 * first, "any emergency department", the finder and the nurse line, on every channel.
 */
const cases = [
  { channel: 'sms' as const, locale: 'es' as const, say: 'me dijeron q la lleve a urgencias. cual es el mas cercano de ustedes?', answer: /sala de emergencias más cercana; no tiene que ser una de las nuestras/ },
  { channel: 'sms' as const, locale: 'es' as const, say: 'donde queda la sala de emergencias mas cerca', answer: /sala de emergencias más cercana/ },
  { channel: 'webchat' as const, locale: 'en' as const, say: 'where is the closest ER to me', answer: /nearest emergency department; it does not have to be one of ours/ },
  { channel: 'sms' as const, locale: 'en' as const, say: 'poison control said to take him in, which emergency room is nearest', answer: /nearest emergency department/ },
];

describe('v21: the nearest emergency room is answered, never a menu or a dead end', function () {
  this.timeout(120_000);
  for (const c of cases) {
    it(`${c.channel} ${c.locale}: "${c.say}"`, async () => {
      const chat = await realChat(c.channel, { locale: c.locale });
      const text = textOf(await chat.say(c.say));
      assert.match(text, c.answer, text);
      assert.match(text, /911/, text);
      assert.doesNotMatch(text, /Responda con un número\.[\s\S]*11\.|No tengo una respuesta lista|I don't have an answer ready/, text);
    });
  }
});
