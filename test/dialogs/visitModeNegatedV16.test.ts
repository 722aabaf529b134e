import assert from 'node:assert/strict';
import type { Locale } from '../../intents/types';
import { linksOf, pick, textOf } from '../support/chat';
import type { MemberChat } from '../support/identity';
import { realChat } from './memberWords';
import { has, type Replies, say } from './replyChecks';
import { catalog } from './support';

/**
 * Newcomer run v16, Z04, through the whole bot with the real recognizer: in any booking step the
 * kind of visit is read with its negation ("in person she doesnt do video" is in person, "NOT
 * video" is no video), kept, and shown in the summary and the link; a correction said right after
 * the scheduling page ("no!! in person, NOT video") changes that booking, never the video-visits menu.
 */

const OPENING: Record<Locale, string> = {
  en: "i'd like to schedule an appointment for my father, he's 80",
  es: 'quiero sacar una cita para mi papá, tiene 80 años',
};
const WHEN: Record<Locale, string> = { en: 'next tuesday morning', es: 'el martes en la mañana' };

const AT_MODE: { locale: Locale; said: string }[] = [
  { locale: 'en', said: 'in person please, he cant do video calls' },
  { locale: 'en', said: 'in person, he does not do video' },
  { locale: 'en', said: 'not video, in person' },
  { locale: 'es', said: 'en persona, él no usa video' },
  { locale: 'es', said: 'presencial, no por video' },
  { locale: 'es', said: 'en persona porque no sabe usar el video' },
];

const CORRECTIONS: { locale: Locale; said: string }[] = [
  { locale: 'en', said: 'no!! in person, NOT video' },
  { locale: 'en', said: 'no wait, in person not by video' },
  { locale: 'es', said: 'no!! en persona, NO por video' },
  { locale: 'es', said: 'no, presencial, nada de video' },
];

const text = (locale: Locale, key: string) => catalog.text(locale, key);

/** The scheduling page's summary and link say in person, never video. */
function inPersonBooked(locale: Locale, replies: Replies): void {
  const page = linksOf(replies).find((url) => url.includes('/appointments/book'));
  assert.ok(page, `the scheduling page:\n${textOf(replies)}`);
  assert.match(page, /visitType=inPerson/, page);
  const summary = `${text(locale, 'options.appointment.care.primary')}, ${text(locale, 'options.appointment.mode.inPerson')},`;
  assert.ok(textOf(replies).includes(summary), `expected "${summary}" in:\n${textOf(replies)}`);
}

async function toModeQuestion(chat: MemberChat, locale: Locale): Promise<Replies> {
  const care = await say(chat, 'msteams', OPENING[locale]);
  const mode = await say(chat, 'msteams', pick(chat, care, text(locale, 'options.appointment.care.primary')));
  has(locale, mode, 'appointment.ask.mode');
  return mode;
}

describe('v16 Z04: the kind of visit read with its negation, kept in the booking (en, es)', function () {
  this.timeout(120_000);

  it('msteams en: the newcomer\'s words, "in person she doesnt do video" after the time: in person on the page', async () => {
    const chat = await realChat('msteams', { locale: 'en' });
    const care = await say(chat, 'msteams', 'can i make an appt for my mom? shes 78 and on my plan');
    has('en', await say(chat, 'msteams', pick(chat, care, text('en', 'options.appointment.care.primary'))), 'appointment.ask.mode');
    has('en', await say(chat, 'msteams', 'next tues in the morning if possible'), 'appointment.ask.mode');
    inPersonBooked('en', await say(chat, 'msteams', 'in person she doesnt do video'));
  });

  for (const c of AT_MODE) {
    it(`msteams ${c.locale}: "${c.said}" to "how would you like to be seen?" is in person`, async () => {
      const chat = await realChat('msteams', { locale: c.locale });
      await toModeQuestion(chat, c.locale);
      const when = await say(chat, 'msteams', c.said);
      has(c.locale, when, 'appointment.ask.when');
      inPersonBooked(c.locale, await say(chat, 'msteams', WHEN[c.locale]));
    });
  }

  for (const c of CORRECTIONS) {
    it(`msteams ${c.locale}: "${c.said}" at "when?" after Video: in person kept, the booking goes on`, async () => {
      const chat = await realChat('msteams', { locale: c.locale });
      const mode = await toModeQuestion(chat, c.locale);
      has(c.locale, await say(chat, 'msteams', pick(chat, mode, text(c.locale, 'options.appointment.mode.video'))), 'appointment.ask.when');
      const again = await say(chat, 'msteams', c.said);
      has(c.locale, again, 'appointment.ask.when');
      assert.ok(textOf(again).includes(text(c.locale, 'options.appointment.mode.inPerson')), textOf(again));
      inPersonBooked(c.locale, await say(chat, 'msteams', WHEN[c.locale]));
    });

    it(`msteams ${c.locale}: "${c.said}" right after the page with Video: the page again, in person, no video menu`, async () => {
      const chat = await realChat('msteams', { locale: c.locale });
      const mode = await toModeQuestion(chat, c.locale);
      await say(chat, 'msteams', pick(chat, mode, text(c.locale, 'options.appointment.mode.video')));
      const page = await say(chat, 'msteams', WHEN[c.locale]);
      const day = linksOf(page).find((url) => url.includes('visitType=video'));
      assert.ok(day, textOf(page));
      // Only the kind of visit changes: the page again at once, the day and time of day kept (v21).
      const again = await say(chat, 'msteams', c.said);
      inPersonBooked(c.locale, again);
      const when = /when=[^&]+&time=[^&]+/.exec(day)?.[0] ?? 'no day';
      assert.ok(linksOf(again).some((url) => url.includes(when)), `${when} kept:\n${textOf(again)}`);
    });
  }
});
