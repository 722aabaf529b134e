import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { signedInChat } from './memberWords';

/**
 * Newcomer run v20 (web chat, signed in, Spanish): the imperative "resurte"/"resúrtame" is a refill
 * to order, as "refill my meds" is in English, so a change of mind in a booking ("olvida la cita,
 * mejor resurte mis medicinas") reaches the refill's confirmation, not the refill menu.
 */
describe('v21: Spanish imperative refill verbs order the refill', function () {
  this.timeout(120_000);
  const CONFIRM = /¿Surtir Levothyroxine 75 mcg tableta \(Rx 1000106\)/;
  it('webchat es, signed in: "olvida la cita, mejor resurte mis medicinas" in a booking', async () => {
    const chat = await signedInChat('EH1000001', { locale: 'es' });
    await chat.say('quiero hacer una cita');
    const text = textOf(await chat.say('olvida la cita, mejor resurte mis medicinas'));
    assert.match(text, CONFIRM, text);
    assert.doesNotMatch(text, /¿Qué necesita con su receta\?/, text);
  });
  for (const say of ['resurte mis medicinas', 'resúrtame la levotiroxina', 'porfa surteme mi receta de la tiroides']) {
    it(`webchat es, signed in: "${say}"`, async () => {
      const chat = await signedInChat('EH1000001', { locale: 'es' });
      const text = textOf(await chat.say(say));
      assert.match(text, CONFIRM, text);
    });
  }
});
