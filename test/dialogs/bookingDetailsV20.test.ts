import assert from 'node:assert/strict';
import type { Locale } from '../../intents/types';
import { linksOf, textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';
import { say, sayAll, type Replies } from './replyChecks';

/**
 * Newcomer run v20, booking on Web Chat and Teams, through the whole bot with the real recognizer
 * and safety triage, on Monday, December 7, 2026 (America/Los_Angeles):
 * 1. A complaint that is not urgent ("i need to get my knee looked at, its been sore since i started
 *    running") booked for a later day is a regular (primary care) visit, not "Urgent / same day";
 *    only today / asap is urgent. Right after the page, "its not urgent just a regular appt" changes
 *    the kind of care and keeps every other detail (mode, days, time of day, whom).
 * 2. Moving Alex's video visit on Sat Dec 12: "the thurs after" is the first Thursday after the visit
 *    (Dec 17), and a day of the month said in a correction ("the 17th", "el 17") wins; the page keeps
 *    the visit's kind of care.
 * 3. "thurs afternoonish", "next wk mornings pls", "el martes en la tardecita" are that day and time of day.
 * Sentences differ from the run's, plus the run's own.
 */

type Channel = 'webchat' | 'msteams';
const MONDAY = new Date(2026, 11, 7, 10, 0, 0).getTime();

async function chatOn(channel: Channel, locale: Locale, signedIn = false): Promise<MemberChat> {
  const chat = new MemberChat({
    channelId: channel,
    locale: locale === 'es' ? 'es-US' : 'en-US',
    ...(channel === 'msteams' ? { from: signedIn ? { id: '29:alex', aadObjectId: ALEX.teams } : { id: '29:guest', aadObjectId: '00000000-0000-4000-8000-0000000000aa' } } : {}),
    env: { MEMBER_TIME_ZONE: 'America/Los_Angeles' },
    now: () => MONDAY,
    overrides: { understanding: undefined, emergencyCheck: undefined },
  });
  await chat.open(locale === 'es' ? 'hola' : 'hi');
  return chat;
}

const run = (chat: MemberChat, channel: Channel, lines: string[]): Promise<Replies> => sayAll(chat, channel, lines);

const pageLink = (replies: Replies, action: string): string => linksOf(replies).find((l) => l.includes('appointments/book') && l.includes(`action=${action}`)) ?? '';

function linkHas(replies: Replies, action: string, parts: string[], not: string[] = []): void {
  const link = pageLink(replies, action);
  for (const part of parts) assert.ok(link.includes(part), `expected ${part} in "${link}"\n${textOf(replies)}`);
  for (const part of not) assert.ok(!link.includes(part), `not expected ${part} in "${link}"\n${textOf(replies)}`);
}

/** 1: a complaint booked for a later day is primary care; today / asap stays urgent. */
const COMPLAINT: { channel: Channel; locale: Locale; lines: string[]; expect: string[]; not: string[] }[] = [
  { channel: 'webchat', locale: 'en', lines: ['hey i need to get my knee looked at, its been sore since i started running', 'video', 'next week'], expect: ['reason=primary', 'visitType=video', 'when=2026-12-14%2F2026-12-20'], not: ['reason=urgent'] },
  { channel: 'msteams', locale: 'en', lines: ['i need to get my shoulder looked at, its been achy for a couple weeks', 'by phone', 'thursday afternoon'], expect: ['reason=primary', 'visitType=phone', 'when=2026-12-10', 'time=afternoon'], not: ['reason=urgent'] },
  { channel: 'webchat', locale: 'es', lines: ['necesito que me revisen la rodilla, me duele desde que empece a correr', 'por video', 'la semana que viene'], expect: ['reason=primary', 'visitType=video', 'when=2026-12-14%2F2026-12-20'], not: ['reason=urgent'] },
  { channel: 'webchat', locale: 'en', lines: ['hey i need to get my knee looked at, its been sore since i started running', 'video', 'today if possible'], expect: ['reason=urgent', 'when=2026-12-07'], not: [] },
];

/** 1: the page's kind of care corrected right after it: changed, all else kept. */
const START = { en: ['i need an appointment', 'for me', 'urgent / same day', 'video', 'next week mornings'], es: ['necesito una cita', 'para mí', 'urgente / mismo día', 'por video', 'la semana que viene por la mañana'] };
const CARE_FIX: { channel: Channel; locale: Locale; then: string }[] = [
  { channel: 'webchat', locale: 'en', then: 'wait why does it say urgent, its not urgent just a regular appt' },
  { channel: 'msteams', locale: 'en', then: 'no its not urgent, just a normal visit with my doctor' },
  { channel: 'webchat', locale: 'es', then: 'espere, no es urgente, es una cita normal' },
  { channel: 'msteams', locale: 'es', then: 'no, mejor con mi médico de cabecera, no es urgente' },
];

/** 2: moving Alex's video visit on Sat Dec 12 (Teams, signed in). */
const MOVE: { locale: Locale; lines: string[]; then?: string; expect: string[] }[] = [
  { locale: 'en', lines: ['i need to move my appt', 'the video one', 'the thurs after, like 2ish?'], then: 'no thats before it. i meant the thursday after, the 17th', expect: ['when=2026-12-17', 'reason=primary'] },
  { locale: 'en', lines: ['i need to move my appt', 'the video one', 'thursday at 2'], then: 'no thats before it. i meant the thursday after, the 17th', expect: ['when=2026-12-17', 'reason=primary'] },
  { locale: 'en', lines: ['can i reschedule my appointment', 'the video one', 'could we do the tuesday after instead, in the morning'], expect: ['when=2026-12-15', 'time=morning'] },
  { locale: 'es', lines: ['necesito cambiar mi cita', 'la de video', 'el jueves a las 2'], then: 'no, eso es antes. quise decir el jueves despues, el 17', expect: ['when=2026-12-17', 'reason=primary'] },
  { locale: 'es', lines: ['necesito cambiar mi cita', 'la de video', 'el martes despues, en la mañana'], expect: ['when=2026-12-15', 'time=morning'] },
];

/** 3: loose days and times of day at "When would you prefer?". */
const BOOK = { en: ['hi i need to make an apointment', 'for me', 'just a regular checkup w my doctor', 'in person'], es: ['necesito hacer una cita', 'para mí', 'un chequeo normal con mi doctor', 'en persona'] };
const LOOSE: { channel: Channel; locale: Locale; then: string; expect: string[] }[] = [
  { channel: 'webchat', locale: 'en', then: 'thurs afternoonish', expect: ['when=2026-12-10', 'time=afternoon'] },
  { channel: 'msteams', locale: 'en', then: 'next wk mornings pls', expect: ['when=2026-12-14%2F2026-12-20', 'time=morning'] },
  { channel: 'webchat', locale: 'es', then: 'el martes en la tardecita', expect: ['when=2026-12-08', 'time=afternoon'] },
  { channel: 'msteams', locale: 'es', then: 'el jueves en la mañanita', expect: ['when=2026-12-10', 'time=morning'] },
  { channel: 'webchat', locale: 'en', then: 'friday morning-ish', expect: ['when=2026-12-11', 'time=morning'] },
];

describe('v20: booking details (a complaint for later is primary care, a corrected detail, the weekday after a visit, loose times)', function () {
  this.timeout(300_000);

  for (const c of COMPLAINT) {
    it(`${c.channel} ${c.locale}: "${c.lines[0]}" then "${c.lines.at(-1)}" books ${c.expect[0]}`, async () => {
      const chat = await chatOn(c.channel, c.locale);
      linkHas(await run(chat, c.channel, c.lines), 'new', c.expect, c.not);
    });
  }

  for (const c of CARE_FIX) {
    it(`${c.channel} ${c.locale}: "${c.then}" after an urgent page changes the care and keeps the rest`, async () => {
      const chat = await chatOn(c.channel, c.locale);
      linkHas(await run(chat, c.channel, START[c.locale]), 'new', ['reason=urgent', 'visitType=video', 'when=2026-12-14%2F2026-12-20', 'time=morning']);
      const fixed = await say(chat, c.channel, c.then);
      linkHas(fixed, 'new', ['reason=primary', 'visitType=video', 'when=2026-12-14%2F2026-12-20', 'time=morning', 'for=self'], ['reason=urgent']);
    });
  }

  for (const c of MOVE) {
    it(`msteams ${c.locale}: moving the Dec 12 visit, "${c.then ?? c.lines.at(-1)}" is after the visit`, async () => {
      const chat = await chatOn('msteams', c.locale, true);
      const first = await run(chat, 'msteams', c.lines);
      if (!c.then) return linkHas(first, 'reschedule', c.expect);
      linkHas(await say(chat, 'msteams', c.then), 'reschedule', c.expect);
    });
  }

  for (const c of LOOSE) {
    it(`${c.channel} ${c.locale}: "${c.then}" is that day and time of day`, async () => {
      const chat = await chatOn(c.channel, c.locale);
      await run(chat, c.channel, BOOK[c.locale]);
      linkHas(await say(chat, c.channel, c.then), 'new', c.expect);
    });
  }
});
