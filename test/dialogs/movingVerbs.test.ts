import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat, signedInChat } from './memberWords';

/**
 * Moving a visit, signed in, with the real recognizer (checks after newcomer run v7): the common
 * verbs for moving a visit in both languages ("postpone", "bump", "recorrer", "atrasar") start the
 * move. Sentences differ from the run's.
 */
describe('moving a visit: the common verbs for it', function () {
  this.timeout(60_000);

  describe('the common verbs for moving a visit', () => {
    for (const said of ['could you shift my checkup to monday', "i'd like to postpone my visit", 'bump my appointment please', 'can my appt be on a different day']) {
      it(`Web Chat, English: "${said}" is moving a visit`, async () => {
        const chat = await signedInChat(ALEX.memberId);
        const text = textOf(await chat.say(said));
        assert.match(text, /Which appointment do you want to move\?/, text);
      });
    }
    for (const said of ['necesito recorrer mi consulta', 'quiero posponer mi cita', 'me puedes atrasar mi cita', 'pasa mi consulta para otro día']) {
      it(`Web Chat, Spanish: "${said}" is moving a visit`, async () => {
        const chat = await signedInChat(ALEX.memberId, { locale: 'es' });
        const text = textOf(await chat.say(said));
        assert.match(text, /¿Qué cita quiere cambiar\?/, text);
      });
    }
    it('SMS, English: "delay my appointment" is moving a visit, not "what would you like to do"', async () => {
      const chat = await realChat('sms', { from: { id: ALEX.phone } });
      const text = textOf(await chat.say('i need to delay my appointment'));
      assert.doesNotMatch(text, /What would you like to do\?/, text);
    });
  });
});
