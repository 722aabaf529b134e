import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * Moving a visit already picked, signed in, with the real recognizer (checks after newcomer run
 * v7): its mode and clinician said to "When would you prefer?" are that visit, not a new topic.
 * Sentences differ from the run's.
 */
describe('moving a visit: the visit described again at the time question', function () {
  this.timeout(60_000);

  describe('Web Chat: the visit being moved described again at "When would you prefer?"', () => {
    it('English: its mode and clinician are that visit, not the video-visits menu', async () => {
      const chat = await signedInChat(ALEX.memberId);
      await chat.say('i want to move my appointment');
      await chat.say('the video one');
      const text = textOf(await chat.say('yes the video appointment with dr chen'));
      assert.match(text, /that's the visit we're moving/, text);
      assert.match(text, /When would you prefer to move your video visit/, text);
      const done = textOf(await chat.say('friday afternoon'));
      assert.match(done, /looking for Friday, June 6, in the afternoon/, done);
    });

    it('Spanish: its mode and clinician are that visit, not the video-visits menu', async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: 'es' });
      await chat.say('quiero mover mi cita');
      await chat.say('la de video');
      const text = textOf(await chat.say('si la videoconsulta con la doctora chen'));
      assert.match(text, /esa es la cita que vamos a cambiar/, text);
      assert.match(text, /¿Cuándo prefiere cambiar su consulta por video/, text);
    });
  });
});
