import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * What a member wrote right after a safety answer in the newcomer run v4 (WC15): a task the crisis answer ended, asked for again,
 * with the real triage and recognizer through the whole bot. The sentences are not the run's: the
 * cause is tested, not the wording.
 */
describe('after a crisis answer, the task it ended (pipeline/urgentFollowUp.ts, dialogs/common/runningTask.ts)', function () {
  this.timeout(60_000);

  describe('Web Chat: a booking a crisis answer ended goes on when asked for again, with the 988 reminder', () => {
    it('English: the therapy visit is not lost (its kind of care is not asked again)', async () => {
      const chat = await realChat('webchat');
      assert.match(textOf(await chat.say('i want to schedule a visit with a therapist')), /Who is the appointment for\?/);
      assert.match(textOf(await chat.say('sometimes i think everyone would be better off without me, i want to end my life')), /If you have already taken something/);
      const replies = await chat.say("i'm safe, i just want that appointment");
      const text = textOf(replies);
      assert.match(text, /988/);
      assert.match(text, /Who is the appointment for\?/);
      assert.doesNotMatch(text, /What would you like to do\?/);
      const next = textOf(await chat.say('Myself'));
      assert.doesNotMatch(next, /What kind of care/);
      assert.match(next, /How would you like to be seen\?/);
    });

    it('Spanish', async () => {
      const chat = await realChat('webchat', { locale: 'es' });
      // Not "con mi doctor": that is a visit for the member, and who it is for is not asked (newcomer run v5, TF13).
      assert.match(textOf(await chat.say('quiero sacar una cita con el doctor')), /¿Para quién es la cita\?/);
      assert.match(textOf(await chat.say('ya no aguanto más, quiero quitarme la vida')), /Si ya tomó algo/);
      const replies = await chat.say('tranquila, ya estoy mejor. solo quiero mi cita');
      const text = textOf(replies);
      assert.match(text, /988/);
      assert.doesNotMatch(text, /¿Qué le gustaría hacer\?/);
      // The booking goes on, or (when the triage reads the message as mental health) the
      // mental-health visit booking page: either way the therapy visit, with 988, never a menu.
      if (/¿Para quién es la cita\?/.test(text)) {
        // the booking goes on to its next question, never "who is it for?" again
        const next = textOf(await chat.say('Para mí'));
        assert.doesNotMatch(next, /¿Para quién es la cita\?/);
        assert.match(next, /¿Qué tipo de atención necesita\?|¿Cómo prefiere que le atiendan\?/);
      } else assert.match(text, /cita de salud mental/);
    });
  });
});
