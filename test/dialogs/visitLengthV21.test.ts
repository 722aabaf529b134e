import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat, signedInChat } from './memberWords';

/**
 * Newcomer run v21, Z13 (Teams, Spanish, signed in): after the visits were listed, "y cuanto tiempo
 * dura mas o menos la cita?" got the appointments menu. How long a visit takes (to ask for time off)
 * gets the usual lengths and when to arrive, in both languages, as a first message or a follow-up.
 */
describe('v21: how long a visit takes is answered', function () {
  this.timeout(120_000);
  it('webchat es, signed in: "y cuanto tiempo dura mas o menos la cita?" after the visits were listed', async () => {
    const chat = await signedInChat('EH1000001', { locale: 'es' });
    await chat.say('cuando es mi proxima cita');
    const text = textOf(await chat.say('y cuanto tiempo dura mas o menos la cita?'));
    assert.match(text, /duran de 15 a 30 minutos/, text);
    assert.doesNotMatch(text, /¿Qué le gustaría hacer\?/, text);
  });
  for (const [locale, say, answer] of [
    ['en', 'how long does a physical usually take', /take 15 to 30 minutes/],
    ['en', 'how long will i be there for a lab draw? need to tell my boss', /lab draw usually takes 10 to 15 minutes/],
    ['es', 'cuanto se tarda la consulta con el doctor? tengo que pedir permiso', /duran de 15 a 30 minutos/],
  ] as const) {
    it(`msteams ${locale}: "${say}"`, async () => {
      const chat = await realChat('msteams', { locale });
      const text = textOf(await chat.say(say));
      assert.match(text, answer, text);
    });
  }
});
