import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';
import { has, hasNot, say } from './replyChecks';

/**
 * Newcomer run v17, through the whole bot with the real recognizer and safety triage.
 * W02 / W12: moving a visit, "its his checkup on the 14th" / "la del viernes" to "When would you
 * prefer?" names WHICH visit to move (the one they have), not the new time: the visit is noted and
 * the new time asked; the next answer is the new time.
 */
describe('v17: the visit to move named by its day, before the new time (W02, W12)', function () {
  this.timeout(180_000);

  const CASES = [
    { channel: 'webchat' as const, locale: 'en' as const, move: 'need to move my sons appt', visit: 'its his checkup on the 14th', then: 'next thursday morning', day: /Thursday/ },
    { channel: 'msteams' as const, locale: 'en' as const, move: 'i have to reschedule my appointment', visit: 'the one on friday', then: 'next tuesday afternoon', day: /Tuesday/ },
    { channel: 'sms' as const, locale: 'en' as const, move: 'can i change my appt', visit: 'my appointment is on the 18th', then: 'next wednesday', day: /Wednesday/ },
    { channel: 'webchat' as const, locale: 'en' as const, move: 'i need to move my daughters visit', visit: "it's her physical on tuesday", then: 'next thursday morning', day: /Thursday/ },
    { channel: 'msteams' as const, locale: 'es' as const, move: 'necesito cambiar mi cita', visit: 'la del viernes', then: 'el próximo martes en la tarde', day: /martes/ },
    { channel: 'webchat' as const, locale: 'es' as const, move: 'quiero mover mi cita', visit: 'la que tengo el jueves', then: 'el próximo lunes en la mañana', day: /lunes/ },
    { channel: 'sms' as const, locale: 'es' as const, move: 'tengo que cambiar la cita', visit: 'es la consulta del 14', then: 'el próximo miércoles', day: /mi[ée]rcoles/ },
  ];
  for (const c of CASES) {
    it(`${c.channel} ${c.locale}: "${c.visit}" is the visit to move; the new time is asked`, async () => {
      const chat = await realChat(c.channel, { locale: c.locale });
      await say(chat, c.channel, c.move);
      const replies = await say(chat, c.channel, c.visit);
      const text = textOf(replies);
      assert.ok(!linksOf(replies).some((url) => url.includes('/appointments/book')), `no page yet, got:\n${text}`);
      has(c.locale, replies, 'appointment.visitNoted');
      has(c.locale, replies, 'appointment.ask.when');
      const next = await say(chat, c.channel, c.then);
      assert.ok(linksOf(next).some((url) => url.includes('action=reschedule')), textOf(next));
      assert.match(textOf(next), c.day);
      hasNot(c.locale, next, 'appointment.visitNoted');
    });
  }

  // A new time said plainly is still the new time.
  for (const [locale, move, when] of [
    ['en', 'need to move my appt', 'friday'],
    ['en', 'need to move my appt', 'move it to the 14th'],
    ['es', 'necesito cambiar mi cita', 'el viernes'],
    ['es', 'necesito cambiar mi cita', 'para el viernes'],
  ] as const) {
    it(`webchat ${locale}: "${when}" is still the new time`, async () => {
      const chat = await realChat('webchat', { locale });
      await say(chat, 'webchat', move);
      const replies = await say(chat, 'webchat', when);
      assert.ok(linksOf(replies).some((url) => url.includes('action=reschedule')), textOf(replies));
      hasNot(locale, replies, 'appointment.visitNoted');
    });
  }
});
