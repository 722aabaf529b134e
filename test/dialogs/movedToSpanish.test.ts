import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * Moving a visit, signed in, with the real recognizer (checks after newcomer run v7): the new time
 * said after a Spanish "a" in the request ("a las 5", "a la próxima semana") is read; an English
 * "a" stays an article. Sentences differ from the run's.
 */
describe('moving a visit: the new time after a Spanish "a"', function () {
  this.timeout(60_000);

  describe('Web Chat: the new time after a Spanish "a" is read, English "a" stays an article', () => {
    it('Spanish: "a la próxima semana" is the new time, not asked again', async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: 'es' });
      assert.match(textOf(await chat.say('quisiera mover mi consulta a la próxima semana')), /¿Qué cita quiere cambiar\?/);
      const done = textOf(await chat.say('la de video'));
      assert.match(done, /buscando lunes, 16 de junio/, done);
      assert.doesNotMatch(done, /¿Cuándo prefiere/, done);
    });

    it('Spanish: "a las 5" is 5 in the afternoon, not asked again', async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: 'es' });
      await chat.say('cámbiame mi cita a las 5 por favor');
      const done = textOf(await chat.say('la de video'));
      assert.match(done, /buscando 5:00 p\.\s?m\./, done);
      assert.doesNotMatch(done, /¿Cuándo prefiere/, done);
    });

    it('English: "a little later" is not read as a time, when is asked', async () => {
      const chat = await signedInChat(ALEX.memberId);
      await chat.say('please move my appointment a little later');
      const when = textOf(await chat.say('the video one'));
      assert.match(when, /When would you prefer to move your video visit/, when);
    });
  });
});
