import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { JORDAN } from '../support/identity';
import { realChat, RecordingEscalation, signedInChat } from './memberWords';
import { has, hasNot, say, sayAll } from './replyChecks';

/**
 * Newcomer run v20, through the whole bot with the real recognizer and safety triage (the run's
 * sentences and others with the same meaning):
 * - a message that drops the booking AND asks for another task ("forget the appointment, can you
 *   just refill my meds") starts that task: no safety line for a medicine word, no "nothing is in progress";
 * - right after a refill was placed, "which ones did you refill, and when can i get them" gets the
 *   ones just asked for and the timing, never "none can be refilled";
 * - a person asked for in frustration, that the triage only doubts (no concept of harm): the
 *   hand-off (after the safety line), with the topic's line (Billing after a denied claim).
 */
describe('v20: a changed mind with a new request, the refill just placed, a person asked for in frustration', function () {
  this.timeout(120_000);
  const BOOK = { en: ['i need an appointment', 'for me'], es: ['necesito una cita', 'para mí'] };
  const DROP_AND_REFILL = [
    { locale: 'en' as const, then: 'actually nvm, forget the appointment, can you just refill my meds' },
    { locale: 'en' as const, then: 'never mind, scratch that, i just need my prescriptions refilled' },
    { locale: 'es' as const, then: 'olvida la cita, mejor resurte mis medicinas' },
  ];
  for (const c of DROP_AND_REFILL) {
    it(`webchat ${c.locale}, booking at the kind of care: "${c.then}" starts the refill`, async () => {
      const chat = await signedInChat(JORDAN.memberId, { locale: c.locale });
      has(c.locale, await sayAll(chat, 'webchat', BOOK[c.locale]), 'appointment.ask.care');
      const replies = await say(chat, 'webchat', c.then);
      assert.ok(!textOf(replies).includes('911'), `the safety line:\n${textOf(replies)}`);
      hasNot(c.locale, replies, 'main.nothingToCancel');
      assert.match(textOf(replies), c.locale === 'en' ? /refill|prescription/i : /receta|surt/i);
    });
  }

  for (const then of ['wait which ones did you refill again, and when can i get them', 'sorry which prescriptions did you refill? when do i get them']) {
    it(`webchat en, right after a refill placed: "${then}" gets the ones asked for and the timing`, async () => {
      const chat = await signedInChat(JORDAN.memberId);
      await sayAll(chat, 'webchat', [...BOOK.en, 'actually nvm, forget the appointment, can you just refill my meds', 'refill all', 'yes']);
      const replies = await say(chat, 'webchat', then);
      hasNot('en', replies, 'refill.live.nothingToRefill');
      assert.match(textOf(replies), /Omeprazole[\s\S]*Cetirizine/);
      has('en', replies, 'refill.live.about.timing');
    });
  }

  for (const then of ['ay no, ya me cansé de esto. quiero hablar con alguien de verdad', 'uf ya estoy harta de este bot, quiero hablar con una persona real']) {
    it(`teams es, after a denied claim and prior authorization: "${then}" gets the hand-off to Billing`, async () => {
      const escalation = new RecordingEscalation();
      const chat = await realChat('msteams', { locale: 'es', escalation });
      await sayAll(chat, 'msteams', ['me negaron un reclamo, por qué?', 'y qué es una autorización previa?']);
      const replies = await say(chat, 'msteams', then);
      assert.equal(escalation.requests.length, 1, `no hand-off:\n${textOf(replies)}`);
      assert.equal(escalation.requests[0]!.intent, 'billing');
    });
  }
});
