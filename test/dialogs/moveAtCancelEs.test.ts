import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat, signedInChat } from './memberWords';

/**
 * Newcomer run v22, Z08: at the cancel question, "mejor no la canceles, ¿la puedo pasar a la
 * mañana?" kept the visit and dropped the move; and "a la mañana" is the morning, not tomorrow.
 */
describe('es: a move asked for at the cancel question', function () {
  this.timeout(120_000);

  for (const say of ['mejor no la canceles, ¿la puedo pasar a la mañana?', 'no, espere, ¿la podemos cambiar para otro dia?']) {
    it(`"${say}" keeps the visit and answers the move`, async () => {
      const chat = await signedInChat('EH1000001', { locale: 'es' });
      await chat.say('quiero cancelar mi cita con la doctora chen');
      const text = textOf(await chat.say(say));
      assert.match(text, /no cancelé nada/, text);
      assert.match(text, /Esta es la página para cambiar su consulta|¿Cuándo prefiere cambiar su consulta/, text);
    });
  }

  it('"a la mañana" is the morning, not tomorrow', async () => {
    const chat = await signedInChat('EH1000001', { locale: 'es' });
    await chat.say('quiero cancelar mi cita con la doctora chen');
    const text = textOf(await chat.say('mejor no la canceles, ¿la puedo pasar a la mañana?'));
    assert.match(text, /buscando por la mañana/, text);
    assert.doesNotMatch(text, /jueves, 5 de junio/, text);
  });
});

/** Newcomer run v23, W10: after the cancel answer, "mejor no la cancelo, la cambio pal otro lunes" kept the visit. */
describe('es: a move asked for right after the cancel answer', function () {
  this.timeout(120_000);
  it('"mejor no la cancelo, la cambio..." moves the visit instead of keeping it', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    await chat.say('kiero cancelar la cita de mi hijo del pediatra del jueves');
    const text = textOf(await chat.say('mejor no la cancelo, la cambio pal otro lunes en la tarde'));
    assert.doesNotMatch(text, /se queda como está/, text);
    assert.match(text, /página para cambiar la cita|¿Cuándo prefiere cambiar/, text);
  });
});
