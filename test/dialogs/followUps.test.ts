import assert from 'node:assert/strict';
import type { Locale } from '../../intents/types';
import { textOf } from '../support/chat';
import { realChat, signedInChat } from './memberWords';
import { has, type Replies, say } from './replyChecks';
import { promptText } from './support';

/**
 * Follow-ups keep the topic just answered (newcomer run v4: WA06, WA20, WA25, WA36, SB07, SB17,
 * TB10): a short message after a topic's answer that names no new topic is read in the light of
 * that topic (dialogs/topicPrior.ts) — answered within it, or by going back to the paused task —
 * never "Just to be sure: is this about <a topic the words do not support>?" or the menu. And a
 * new request said to "Just to be sure…?" is routed as one. Through the whole bot with the real
 * recognizer, on the channel where each was seen.
 */

const clarify = (locale: Locale) => promptText(locale, 'main.clarifyOne');

function notUnsure(locale: Locale, replies: Replies): void {
  const said = textOf(replies);
  for (const key of ['main.clarifyOne', 'main.unclearTwice', 'main.rephrase', 'main.help']) {
    assert.ok(!said.includes(promptText(locale, key)), `${key}:\n${said}`);
  }
}

describe('follow-ups keep the topic just answered (WA06, SB17, TB10, SB07, WA36)', function () {
  this.timeout(60_000);

  it('webchat en, signed in: "why is that one pending" after the prescriptions list answers why, within refills', async () => {
    const chat = await signedInChat('EH1000001');
    const list = await say(chat, 'webchat', "what's the status of my prescriptions?");
    assert.ok(textOf(list).includes('Metformin'), textOf(list));
    const why = await say(chat, 'webchat', "and why's that one pending?");
    notUnsure('en', why);
    has('en', why, 'refill.live.pendingIntro');
  });

  for (const locale of ['en', 'es'] as const) {
    const words = locale === 'en' ? { results: 'are my blood test results in?', meaning: 'what do these mean' } : { results: 'ya estan mis resultados del laboratorio?', meaning: 'y eso que quiere decir' };
    it(`sms ${locale}: "what do these mean" after the test results answer stays with test results (not sign-in help)`, async () => {
      const chat = await realChat('sms', { locale });
      const answer = await say(chat, 'sms', words.results);
      const firstLine = textOf(answer).split('\n')[0]!;
      assert.ok(textOf(answer).includes('/medical-record/test-results'), textOf(answer));
      const meaning = await say(chat, 'sms', words.meaning);
      notUnsure(locale, meaning);
      // Still about the test results: their page again, but not the same answer word for word.
      assert.ok(textOf(meaning).includes('/medical-record/test-results'), `the results page again, got:\n${textOf(meaning)}`);
      assert.ok(!textOf(meaning).includes(firstLine), `not the same answer again, got:\n${textOf(meaning)}`);
    });
  }

  it('msteams en: "the one at 9am" after the cancel answer goes on with the cancel (no "is this about Sign-in help?")', async () => {
    const chat = await realChat('msteams');
    has('en', await say(chat, 'msteams', 'I have to cancel my appointment on friday'), 'appointment.done.cancel');
    const which = await say(chat, 'msteams', 'the one at 9am');
    notUnsure('en', which);
    has('en', which, 'appointment.done.cancel');
  });

  for (const locale of ['en', 'es'] as const) {
    const words =
      locale === 'en'
        ? { sick: "I've had a cough and a fever since Monday", comeIn: 'do i have to come in?' }
        : { sick: 'tengo tos y fiebre desde el lunes', comeIn: 'necesito ir a que me vean?' };
    // Whether to be seen is a question about the nurse line's answer (newcomer run v5, WE14): how to
    // decide, a same-day visit or an e-visit, and the offer to book; no booking begun for them.
    it(`sms ${locale}: "do I have to come in?" after the nurse line is answered in its light (no "is this about Appointments?", no booking begun)`, async () => {
      const chat = await realChat('sms', { locale });
      await say(chat, 'sms', words.sick);
      const visit = await say(chat, 'sms', words.comeIn);
      notUnsure(locale, visit);
      assert.ok(!textOf(visit).includes(clarify(locale)), textOf(visit));
      assert.ok(!textOf(visit).includes(promptText(locale, 'appointment.ask.patient')), textOf(visit));
      assert.match(textOf(visit), /1-800-555-0111/);
    });
  }

  for (const locale of ['en', 'es'] as const) {
    const words =
      locale === 'en'
        ? { book: 'I need to book a visit for my daughter', copay: 'hold on, how much is a copay?', back: "ok let's get back to the appointment" }
        : { book: 'quiero sacar una cita para mi hija', copay: 'un momento, cuanto es el copago?', back: 'bueno, sigamos con la cita' };
    it(`webchat ${locale}: "let's get back to the appointment" at "do you want to go back…?" goes back to the booking where it was`, async () => {
      const chat = await signedInChat('EH1000001', { locale });
      has(locale, await say(chat, 'webchat', words.book), 'appointment.ask.care');
      await say(chat, 'webchat', words.copay);
      const back = await say(chat, 'webchat', words.back);
      has(locale, back, 'main.resume.back');
      has(locale, back, 'appointment.ask.care');
      assert.ok(!textOf(back).includes(promptText(locale, 'appointment.ask.action')), textOf(back));
    });
  }
});

describe('"Just to be sure: is this about X?" (WA20, SB17)', function () {
  this.timeout(60_000);

  it('webchat en: a new request said to it is routed as a request, never "I\'m still not sure"', async () => {
    const chat = await realChat('webchat');
    // A message the recognizer is unsure of (the retrained model of the seventh session is sure
    // "do i have to come in?" is about appointments, and routes it without asking).
    const asked = await say(chat, 'webchat', 'do i need to be there');
    has('en', asked, 'main.clarifyOne');
    const booking = await say(chat, 'webchat', 'yeah get me in somewhere');
    notUnsure('en', booking);
    has('en', booking, 'appointment.ask.action');
  });

  it('webchat en: never asked about a topic the words do not support', async () => {
    const chat = await realChat('webchat');
    const replies = await say(chat, 'webchat', 'what does any of that mean');
    assert.ok(!textOf(replies).includes(clarify('en')), textOf(replies));
  });
});
