import assert from 'node:assert/strict';
import { choicesOf, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * What a member writes just after an emergency or abuse answer, read in its light (the newcomer
 * run v4: SB08, WA17, WA32, TB16), with the real triage and recognizer through the whole bot. The
 * sentences here are not the run's: the cause is what is tested, not its wording.
 */
describe('after an urgent answer: the abuse context, a refusal, a call already made (pipeline/urgentFollowUp.ts)', function () {
  this.timeout(60_000);

  describe('Web Chat: a refusal after 911 gets an answer to it, and no menu in the same turn', () => {
    it('English: "not going to the hospital" and "just book a visit instead": why 911 now, the nurse line, no menu', async () => {
      const chat = await realChat('webchat');
      assert.match(textOf(await chat.say('my grandpa collapsed and isnt waking up')), /\b911\b/);
      const next = await chat.say("we're not going to the hospital, he hates hospitals");
      const text = textOf(next);
      assert.match(text, /paramedics come to you/);
      assert.match(text, /nurse line at 1-800-555-0111/);
      assert.doesNotMatch(text, /bill|What would you like|988/i);
      assert.deepEqual(choicesOf(next), []);

      const other = await realChat('webchat');
      assert.match(textOf(await other.say('my wife is having a seizure and wont stop shaking')), /\b911\b/);
      const visit = await other.say('could we book a doctor visit for tomorrow instead');
      assert.match(textOf(visit), /please call 911 now anyway/);
      assert.doesNotMatch(textOf(visit), /Who is the appointment for|What would you like/);
      assert.deepEqual(choicesOf(visit), []);
    });

    it('Spanish: "no la voy a llevar al hospital": what 911 does, the nurse line; no 988 line and no billing menu', async () => {
      const chat = await realChat('webchat', { locale: 'es' });
      assert.match(textOf(await chat.say('mi mamá se cayó y no reacciona')), /\b911\b/);
      const next = await chat.say('no la voy a llevar al hospital');
      const text = textOf(next);
      assert.match(text, /Los paramédicos van a donde usted está/);
      assert.match(text, /línea de enfermería al 1-800-555-0111/);
      assert.doesNotMatch(text, /988|factura/);
      assert.deepEqual(choicesOf(next), []);
    });
  });

});
