import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';
import { has, hasNot, say, type Replies } from './replyChecks';
import { promptText } from './support';

/**
 * Newcomer run v16, through the whole bot with the real recognizer and safety triage (the run's
 * sentences and others with the same meaning).
 * W01: "i need to see someone about my knee, its been sore for a couple weeks" is symptoms to the
 * triage (the nurse line stays, first), but a visit is plainly asked for: the booking starts after
 * the nurse line with what was said, so the member need not start again. A question whether to go
 * ("should I see someone?") and severe wording keep the nurse line alone.
 * X13: after Poison Control, "ok called them, they said just watch her. can i get her in w her dr
 * tmrw to be safe" keeps the acknowledgement, then the booking starts with her (a family member),
 * her doctor (primary care) and tomorrow, asking only how to be seen.
 */

const BOOKING_QUESTIONS = ['appointment.ask.patient', 'appointment.ask.care', 'appointment.ask.mode', 'appointment.ask.when'];

const bookLink = (replies: Replies): string => decodeURIComponent(linksOf(replies).find((url) => url.includes('/appointments/book') && !url.includes('when=asap')) ?? '');

/** The first booking question asked, and where it is in the replies' text (-1: none). */
function bookingQuestionAt(locale: 'en' | 'es', replies: Replies): number {
  const text = textOf(replies);
  const places = BOOKING_QUESTIONS.map((key) => text.indexOf(promptText(locale, key))).filter((at) => at >= 0);
  return places.length ? Math.min(...places) : -1;
}

describe('v17: a visit asked for about a complaint, and after Poison Control (W01, X13)', function () {
  this.timeout(120_000);

  const SEE_ABOUT = [
    { channel: 'msteams' as const, locale: 'en' as const, said: 'hi i need to see someone about my knee, its been sore for a couple weeks', self: true },
    { channel: 'webchat' as const, locale: 'en' as const, said: "can i get seen for my ankle? it's been achy since last week", self: true },
    { channel: 'msteams' as const, locale: 'en' as const, said: 'i need to get my shoulder looked at, it has hurt for a month', self: true },
    { channel: 'sms' as const, locale: 'en' as const, said: 'id like to see a doctor about my back, its been stiff for a few weeks', self: true },
    { channel: 'msteams' as const, locale: 'en' as const, said: 'my daughter has had an earache for 3 days, can i get her seen', self: false },
    { channel: 'msteams' as const, locale: 'es' as const, said: 'necesito que me vea alguien por la rodilla, me duele desde hace dos semanas', self: true },
    { channel: 'webchat' as const, locale: 'es' as const, said: 'quiero que me revisen la espalda, me molesta desde hace un mes', self: true },
  ];
  for (const c of SEE_ABOUT) {
    it(`${c.channel} ${c.locale}: "${c.said}" gets the nurse line first, then the booking`, async () => {
      const chat = await realChat(c.channel, { locale: c.locale });
      const replies = await say(chat, c.channel, c.said);
      const text = textOf(replies);
      // The nurse line stays, before anything of the booking.
      const nurse = text.indexOf('1-800-555-0111');
      assert.ok(nurse >= 0, text);
      const asked = bookingQuestionAt(c.locale, replies);
      assert.ok(asked > nurse, `expected a booking question after the nurse line, got:\n${text}`);
      has(c.locale, replies, 'main.visitForComplaint');
      // What was said is not asked again: whom it is for, when the words say.
      if (c.self) hasNot(c.locale, replies, 'appointment.ask.patient');
      const mode = await say(chat, c.channel, c.locale === 'es' ? 'por video' : 'video');
      const page = await say(chat, c.channel, c.locale === 'es' ? 'mañana en la mañana' : 'tomorrow morning');
      const link = bookLink([...mode, ...page]);
      assert.match(link, /visitType=video/, link || textOf(page));
      if (c.self) assert.match(link, /for=self/, link);
    });
  }

  const NURSE_ONLY = [
    { channel: 'msteams' as const, locale: 'en' as const, said: 'my knee is swollen and hot, should I see someone?' },
    { channel: 'webchat' as const, locale: 'en' as const, said: 'do i need to see a doctor for this rash' },
    { channel: 'msteams' as const, locale: 'en' as const, said: 'my knee hurts so much i cant walk, i need to see someone' },
    { channel: 'msteams' as const, locale: 'es' as const, said: '¿debo ir a que me vea un doctor por este sarpullido?' },
  ];
  for (const c of NURSE_ONLY) {
    it(`${c.channel} ${c.locale}: "${c.said}" keeps the nurse-line answer alone`, async () => {
      const chat = await realChat(c.channel, { locale: c.locale });
      const replies = await say(chat, c.channel, c.said);
      assert.ok(textOf(replies).includes('1-800-555-0111'), textOf(replies));
      hasNot(c.locale, replies, 'main.visitForComplaint');
      assert.equal(bookingQuestionAt(c.locale, replies), -1, textOf(replies));
    });
  }

  const AFTER_POISON = [
    {
      channel: 'sms' as const,
      locale: 'en' as const,
      first: 'my 2 yr old bit into one of those dishwasher pods what do i do',
      then: 'ok called them, they said just watch her. can i get her in w her dr tmrw to be safe',
    },
    {
      channel: 'sms' as const,
      locale: 'en' as const,
      first: 'my son swallowed a button battery i think',
      then: 'we called poison control and they said he should be fine. could we book him in with his pediatrician tomorrow?',
    },
    {
      channel: 'msteams' as const,
      locale: 'en' as const,
      first: 'my daughter drank some bleach',
      then: 'ok spoke with poison control, she is fine. id like to get her seen by her doctor tomorrow',
    },
    {
      channel: 'msteams' as const,
      locale: 'es' as const,
      first: 'mi hija se tomó unas pastillas de mi mamá',
      then: 'ya llamé a control de envenenamiento, dicen que solo la vigile. puedo hacerle una cita con su pediatra para mañana?',
    },
  ];
  for (const c of AFTER_POISON) {
    it(`${c.channel} ${c.locale}: "${c.then}" after Poison Control: the acknowledgement, then the booking with what was said`, async () => {
      const chat = await realChat(c.channel, { locale: c.locale });
      const first = await say(chat, c.channel, c.first);
      assert.match(textOf(first), /1-800-222-1222/);
      const replies = await say(chat, c.channel, c.then);
      const text = textOf(replies);
      const ack = text.indexOf(promptText(c.locale, 'urgentFollowUp.called.poison'));
      assert.ok(ack >= 0, `expected the acknowledgement of the call, got:\n${text}`);
      // Only what is missing is asked: how to be seen (not whom it is for, nor the kind of care).
      const mode = text.indexOf(promptText(c.locale, 'appointment.ask.mode'));
      assert.ok(mode > ack, `expected the visit's mode asked after the acknowledgement, got:\n${text}`);
      hasNot(c.locale, replies, 'appointment.ask.patient');
      hasNot(c.locale, replies, 'appointment.ask.care');
      const page = await say(chat, c.channel, c.locale === 'es' ? 'en persona' : 'in person');
      hasNot(c.locale, page, 'appointment.ask.when');
      const link = bookLink(page);
      // TEST_NOW is Thursday 5 June 2025: tomorrow is Friday 6 June.
      assert.match(link, /reason=primary&visitType=inPerson&for=family&when=2025-06-06/, link || textOf(page));
    });
  }

  it('sms en: "can i book her an appt for tmrw?" reads her as a family member', async () => {
    const chat = await realChat('sms');
    const replies = await say(chat, 'sms', 'ok. so can i book her an appt for tmrw?');
    hasNot('en', replies, 'appointment.ask.patient');
    has('en', replies, 'appointment.ask.care');
  });
});
