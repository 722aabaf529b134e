import assert from 'node:assert/strict';
import { loadConcepts } from '../../intents/triage/concepts';
import { buildSafetyTriage } from '../../intents/triage/safetyTriage';
import { FollowUpOverGuess } from '../../dialogs/main/followUpOverGuess';
import type { TurnInfo } from '../../dialogs/turn';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { sharedDetector } from '../intents/support/fixtures';
import { realChat, signedInChat } from './memberWords';
import { has, hasNot, say } from './replyChecks';

/**
 * "what does that mean" right after a task's answer is read by the safety triage's model alone
 * as a symptom (no health, distress or safety concept in its words): the follow-up about that
 * answer wins, not the nurse line. Any signal concept keeps the triage's answer, and so does an
 * emergency. Through the real triage and recognizer, English and Spanish, Web Chat and SMS.
 */
describe('"what does that mean" after an answer: the follow-up, not the nurse line', function () {
  this.timeout(120_000);

  describe('the model guess alone (real triage)', () => {
    const triage = buildSafetyTriage(sharedDetector()).triage;
    const over = FollowUpOverGuess.load(loadConcepts());
    const guessOnly = (text: string): boolean => {
      const r = triage.triage(text);
      const turn: TurnInfo = { text, locale: 'en', result: { intent: 'none', score: 0, kind: null, locale: 'en', runnerUp: null, source: 'local' } };
      return over.guessOnly(turn, { match: r.match, safety: r.safety, ...(r.concepts ? { concepts: r.concepts } : {}) });
    };
    // Whether the model guesses at all moves with each retraining ("y eso que significa" is no
    // outcome for some models): what must hold is that any outcome it gives is a guess alone.
    for (const text of ['what does that mean', 'y eso que significa']) {
      it(`"${text}": the triage's outcome, if any, is the model's guess alone`, () => assert.ok(triage.triage(text).match === null || guessOnly(text)));
    }
    for (const text of ['what does that mean, my head hurts', 'que significa si me duele la cabeza', 'what does it mean if my chest hurts']) {
      it(`"${text}": a signal concept, the triage's outcome stands`, () => assert.equal(guessOnly(text), false));
    }
  });

  for (const locale of ['en', 'es'] as const) {
    it(`webchat ${locale}, signed in: after the prescription list, what the statuses mean, not the nurse line`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale });
      const w = locale === 'en' ? ['check my prescriptions status', 'what does that mean'] : ['mis recetas', 'ver el estado', 'y eso que significa'];
      for (const m of w.slice(0, -1)) await say(chat, 'webchat', m);
      const mean = await say(chat, 'webchat', w[w.length - 1]!);
      has(locale, mean, 'followUp.about.rxStatuses');
      hasNot(locale, mean, 'symptoms.answer');
      assert.ok(!textOf(mean).includes('Lisinopril'), textOf(mean));
    });

    it(`webchat ${locale}: after the password reset answer, its steps, not the nurse line`, async () => {
      const chat = await realChat('webchat', { locale });
      await say(chat, 'webchat', locale === 'en' ? 'i forgot my password' : 'olvide mi contraseña');
      const mean = await say(chat, 'webchat', locale === 'en' ? 'what does that mean' : 'y eso que significa');
      has(locale, mean, 'followUp.steps.password_reset.forgotPassword');
      hasNot(locale, mean, 'symptoms.answer');
    });

    it(`sms ${locale}: after how to pay a bill, how to do it, not the nurse line`, async () => {
      const chat = await realChat('sms', { locale, from: { id: ALEX.phone } });
      await say(chat, 'sms', locale === 'en' ? 'how do i pay my bill' : 'como pago mi factura');
      const mean = await say(chat, 'sms', locale === 'en' ? 'what does that mean' : 'y eso que significa');
      hasNot(locale, mean, 'symptoms.answer');
      assert.ok(textOf(mean).includes('/billing/pay'), textOf(mean));
    });

    it(`webchat ${locale}, signed in: a symptom in the same words after the list keeps the triage's answer`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale });
      const w =
        locale === 'en'
          ? ['check my prescriptions status', 'what does that mean, my head hurts']
          : ['mis recetas', 'ver el estado', 'que significa si me duele la cabeza'];
      for (const m of w.slice(0, -1)) await say(chat, 'webchat', m);
      const mean = await say(chat, 'webchat', w[w.length - 1]!);
      has(locale, mean, 'symptoms.answer');
      hasNot(locale, mean, 'followUp.about.rxStatuses');
    });
  }

  it('webchat en, signed in: "what does it mean if my chest hurts" after the list is the emergency answer', async () => {
    const chat = await signedInChat(ALEX.memberId, { locale: 'en' });
    await say(chat, 'webchat', 'check my prescriptions status');
    const mean = await say(chat, 'webchat', 'what does it mean if my chest hurts');
    assert.ok(textOf(mean).includes('Call 911 now'), textOf(mean));
    hasNot('en', mean, 'followUp.about.rxStatuses');
  });
});
