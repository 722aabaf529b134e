import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { has, hasLink, hasNot, noLink, say } from './replyChecks';

/**
 * A short follow-up is read with the topic just answered, not from scratch (newcomer run v6:
 * WG07, TH09, TH05, SH12, SH02): one that turns to another topic gets that topic, never the last
 * answer's page again; a question about what the last answer needs gets an answer on it; "I tried
 * that" gets the next step, not the safety net; a visit asked for after the mental-health answer
 * is booked as one, never the same paragraph twice; a reminder asked for gets the reminders answer.
 * Through the whole bot with the real recognizer, on the channel where each was seen, in both
 * languages, in words other than the transcripts'.
 */

describe('follow-ups read with the topic just answered (newcomer run v6)', function () {
  this.timeout(60_000);

  for (const locale of ['en', 'es'] as const) {
    const words =
      locale === 'en'
        ? { card: 'where can i find my member id card', other: 'and look up the status of a claim' }
        : { card: 'donde veo mi tarjeta de miembro', other: 'y ver como va mi reclamo?' };

    it(`webchat ${locale}: a follow-up that names another topic gets that topic, not the ID card page again (WG07)`, async () => {
      const chat = await realChat('webchat', { locale });
      hasLink(await say(chat, 'webchat', words.card), '/id-card');
      const other = await say(chat, 'webchat', words.other);
      noLink(other, '/id-card');
      hasNot(locale, other, 'followUp.again');
      hasNot(locale, other, 'followUp.howTo');
      // A claim's status is billing's claims answer (its own sub-topic since newcomer run v7, WJ08).
      has(locale, other, 'billing.answer.claims');
      hasLink(other, '/secure/coverage/claims');
    });
  }

  for (const locale of ['en', 'es'] as const) {
    const words =
      locale === 'en'
        ? { about: 'tell me how video visits work', needs: 'will i have to install an app?', cost: 'is it free?' }
        : { about: 'como funcionan las visitas por video', needs: 'necesito descargar alguna aplicacion?', cost: 'cuanto cuesta?' };

    it(`msteams ${locale}: what a video visit needs, and what it costs, are answered on video visits (TH09)`, async () => {
      const chat = await realChat('msteams', { locale });
      has(locale, await say(chat, 'msteams', words.about), 'telehealth.answer.about');
      const needs = await say(chat, 'msteams', words.needs);
      has(locale, needs, 'followUp.about.videoNeeds');
      hasNot(locale, needs, 'appointment.ask.action');
      hasLink(needs, '/video-visits');
      const cost = await say(chat, 'msteams', words.cost);
      has(locale, cost, 'followUp.about.videoCost');
      hasLink(cost, '/coverage');
    });
  }

  for (const locale of ['en', 'es'] as const) {
    const words =
      locale === 'en'
        ? { help: 'my verification code is not arriving', tried: 'did that already, it didnt work', again: 'nope, still not working' }
        : { help: 'no me llega el codigo para entrar', tried: 'ya hice todo eso y no funciono', again: 'sigue sin funcionar' };

    it(`msteams ${locale}: "I tried that" after the code help gets the other ways in, then a person; never the safety net (TH05)`, async () => {
      const chat = await realChat('msteams', { locale });
      has(locale, await say(chat, 'msteams', words.help), 'password_reset.answer.codeNotArriving');
      const tried = await say(chat, 'msteams', words.tried);
      has(locale, tried, 'followUp.about.signInOtherWays');
      assert.ok(textOf(tried).includes('1-800-555-0100'), textOf(tried));
      hasNot(locale, tried, 'safety.ask');
      hasNot(locale, tried, 'password_reset.answer.codeNotArriving');
      const again = await say(chat, 'msteams', words.again);
      has(locale, again, 'followUp.about.stillStuck');
      hasNot(locale, again, 'safety.ask');
    });
  }

  for (const locale of ['en', 'es'] as const) {
    const words =
      locale === 'en'
        ? { feeling: 'ive been feeling really anxious and cant sleep', visit: 'i would just like to make an appointment', mode: 'can i do it over the phone' }
        : { feeling: 'ultimamente me siento muy ansiosa y no duermo', visit: 'quiero hacer una cita nada mas', mode: 'se puede por telefono?' };

    it(`sms ${locale}: after the mental-health answer, a visit asked for is booked as a mental-health visit, and a way to be seen keeps it (SH12)`, async () => {
      const chat = await realChat('sms', { locale });
      has(locale, await say(chat, 'sms', words.feeling), 'mentalHealth.answer');
      const visit = await say(chat, 'sms', words.visit);
      hasNot(locale, visit, 'mentalHealth.answer');
      has(locale, visit, 'followUp.mentalHealthVisit');
      assert.ok(textOf(visit).includes('1-800-555-0144'), `the behavioral health line stays:\n${textOf(visit)}`);
      has(locale, visit, 'appointment.ask.patient');

      const byMode = await realChat('sms', { locale });
      await say(byMode, 'sms', words.feeling);
      const mode = await say(byMode, 'sms', words.mode);
      hasNot(locale, mode, 'mentalHealth.answer');
      hasNot(locale, mode, 'telehealth.ask.topic');
      has(locale, mode, 'followUp.mentalHealthVisit');
      // For themselves: neither the kind of care nor the way to be seen is asked again.
      const self = await say(byMode, 'sms', '1');
      hasNot(locale, self, 'appointment.ask.care');
      hasNot(locale, self, 'appointment.ask.mode');
    });
  }

  for (const locale of ['en', 'es'] as const) {
    const words =
      locale === 'en'
        ? { list: 'what appointments do i have', remind: 'could you send me a reminder the night before?' }
        : { list: 'cuando es mi proxima cita', remind: 'me puede avisar un dia antes?' };

    it(`sms ${locale}: a reminder asked for after the appointments gets the reminders answer, not the list again (SH02)`, async () => {
      const chat = await realChat('sms', { locale });
      hasLink(await say(chat, 'sms', words.list), '/appointments/upcoming');
      const remind = await say(chat, 'sms', words.remind);
      has(locale, remind, 'followUp.reminders');
      has(locale, remind, 'contact.answer.reminders');
      hasLink(remind, '/notifications');
      noLink(remind, '/appointments/upcoming');
    });
  }
});
