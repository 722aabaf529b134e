import assert from 'node:assert/strict';
import type { Locale } from '../../intents/types';
import { linksOf, textOf } from '../support/chat';
import { MemberChat } from '../support/identity';
import { say, type Replies } from './replyChecks';

/**
 * Newcomer run v21, on Monday, December 7, 2026 (America/Los_Angeles), not signed in, through the
 * whole bot with the real recognizer and safety triage:
 * 1. One detail changed right after a booking link ("actually could it be video instead") keeps every
 *    other detail (day, time of day, kind of care, whom) and gives the link again at once; "same as
 *    before, thurs afternoon" / "el mismo día" is the day already given (Thu Dec 17, not Dec 10).
 * 2. "pal otro martes en la tarde" (para el otro martes) is next week's Tuesday in the afternoon, no
 *    "When would you prefer?"; then "mejor el miércoles" / "make it wednesday instead" is the Wednesday
 *    of the same week as the Tuesday it replaces (Dec 16, not Dec 9). A family member's visit is not
 *    "su cita" / "your appointment".
 * Sentences differ from the run's, plus the run's own.
 */

type Channel = 'webchat' | 'msteams';
const MONDAY = new Date(2026, 11, 7, 10, 0, 0).getTime();

async function chatOn(channel: Channel, locale: Locale): Promise<MemberChat> {
  const chat = new MemberChat({
    channelId: channel,
    locale: locale === 'es' ? 'es-US' : 'en-US',
    ...(channel === 'msteams' ? { from: { id: '29:guest', aadObjectId: '00000000-0000-4000-8000-0000000000aa' } } : {}),
    env: { MEMBER_TIME_ZONE: 'America/Los_Angeles' },
    now: () => MONDAY,
    overrides: { understanding: undefined, emergencyCheck: undefined },
  });
  await chat.open(locale === 'es' ? 'hola' : 'hi');
  return chat;
}

async function run(chat: MemberChat, channel: Channel, lines: string[]): Promise<Replies> {
  let replies: Replies = [];
  for (const line of lines) replies = await say(chat, channel, line);
  return replies;
}

const pageLink = (replies: Replies, action: string): string => linksOf(replies).find((l) => l.includes('appointments/book') && l.includes(`action=${action}`)) ?? '';

function linkHas(replies: Replies, action: string, parts: string[], not: string[] = []): void {
  const link = pageLink(replies, action);
  for (const part of parts) assert.ok(link.includes(part), `expected ${part} in "${link}"\n${textOf(replies)}`);
  for (const part of not) assert.ok(!link.includes(part), `not expected ${part} in "${link}"\n${textOf(replies)}`);
}

const ASKS_WHEN = /When would you prefer|Cuándo prefiere/i;

/** 1: one detail changed after the link; the others kept. */
const KEEP: { channel: Channel; locale: Locale; lines: string[]; first: string[]; then: string; expect: string[]; again?: string; againExpect?: string[] }[] = [
  {
    channel: 'webchat', locale: 'en',
    lines: ['hi i need an appt for my knee its been clicking', 'Myself', 'in person i guess', 'thurs next week maybe afternoon?'],
    first: ['visitType=inPerson', 'when=2026-12-17', 'time=afternoon'],
    then: 'actually could it be video instead', expect: ['visitType=video', 'when=2026-12-17', 'time=afternoon', 'reason=primary'],
    again: 'same as before, thurs afternoon', againExpect: ['visitType=video', 'when=2026-12-17', 'time=afternoon'],
  },
  {
    channel: 'msteams', locale: 'en',
    lines: ['i want to book a visit, my ankle has been stiff', 'for me', 'in person', 'next week friday morning'],
    first: ['visitType=inPerson', 'when=2026-12-18', 'time=morning'],
    then: 'hmm can we do it by phone instead', expect: ['visitType=phone', 'when=2026-12-18', 'time=morning'],
  },
  {
    channel: 'webchat', locale: 'en',
    lines: ['i need an appointment, my wrist hurts when i type', 'me', 'video', 'thursday next week in the afternoon'],
    first: ['visitType=video', 'when=2026-12-17', 'time=afternoon'],
    then: 'actually mornings would be better', expect: ['visitType=video', 'when=2026-12-17', 'time=morning'],
    again: 'hmm in person instead, same day', againExpect: ['visitType=inPerson', 'when=2026-12-17', 'time=morning'],
  },
  {
    channel: 'webchat', locale: 'es',
    lines: ['necesito una cita, me truena la rodilla', 'para mí', 'en persona', 'el jueves de la otra semana en la tarde'],
    first: ['visitType=inPerson', 'when=2026-12-17', 'time=afternoon'],
    then: 'mejor por video', expect: ['visitType=video', 'when=2026-12-17', 'time=afternoon'],
    again: 'el mismo día, en la tarde', againExpect: ['visitType=video', 'when=2026-12-17', 'time=afternoon'],
  },
  {
    channel: 'msteams', locale: 'es',
    lines: ['quiero hacer una cita, me duele el hombro', 'para mí', 'por teléfono', 'el viernes de la próxima semana en la mañana'],
    first: ['visitType=phone', 'when=2026-12-18', 'time=morning'],
    then: 'mejor en persona', expect: ['visitType=inPerson', 'when=2026-12-18', 'time=morning'],
  },
];

/** 2: a family member's visit moved to next week's Tuesday, then to the Wednesday of that week. */
const MOVE: { channel: Channel; locale: Locale; first: string; expect: string[]; then: string; thenExpect: string[] }[] = [
  { channel: 'msteams', locale: 'es', first: 'necesito cambiar la cita de mi hija pal otro martes en la tarde', expect: ['when=2026-12-15', 'time=afternoon'], then: 'mejor el miercoles, en la tarde tambien', thenExpect: ['when=2026-12-16', 'time=afternoon'] },
  { channel: 'webchat', locale: 'es', first: 'quiero mover la cita de mi hijo para el martes de la semana que viene en la mañana', expect: ['when=2026-12-15', 'time=morning'], then: 'mejor el jueves', thenExpect: ['when=2026-12-17', 'time=morning'] },
  { channel: 'msteams', locale: 'en', first: 'i need to move my daughters appointment to next tuesday afternoon', expect: ['when=2026-12-15', 'time=afternoon'], then: 'make it wednesday instead', thenExpect: ['when=2026-12-16', 'time=afternoon'] },
  { channel: 'webchat', locale: 'en', first: 'can i reschedule my sons appt to tuesday next week, mornings', expect: ['when=2026-12-15', 'time=morning'], then: 'actually friday', thenExpect: ['when=2026-12-18', 'time=morning'] },
];

/** Inside the booking: a second day said before the page corrects the first (its week, its time of day kept). */
const INSIDE: { channel: Channel; locale: Locale; lines: string[]; expect: string[] }[] = [
  { channel: 'webchat', locale: 'en', lines: ['i need an appointment for my back', 'for me', 'by video', 'next thursday afternoon', 'actually friday', 'primary care'], expect: ['visitType=video', 'when=2026-12-18', 'time=afternoon'] },
  { channel: 'msteams', locale: 'es', lines: ['quiero hacer una cita', 'para mí', 'por video', 'el jueves de la otra semana en la tarde', 'mejor el viernes', 'atención primaria'], expect: ['visitType=video', 'when=2026-12-18', 'time=afternoon'] },
];

describe('v21: one detail changed keeps the others; a weekday correcting a day stays in its week', function () {
  this.timeout(300_000);

  for (const c of KEEP) {
    it(`${c.channel} ${c.locale}: "${c.then}" after the link keeps the other details`, async () => {
      const chat = await chatOn(c.channel, c.locale);
      linkHas(await run(chat, c.channel, c.lines), 'new', c.first);
      const changed = await say(chat, c.channel, c.then);
      assert.ok(!ASKS_WHEN.test(textOf(changed)), `asked the day again:\n${textOf(changed)}`);
      linkHas(changed, 'new', c.expect);
      if (c.again) linkHas(await say(chat, c.channel, c.again), 'new', c.againExpect ?? []);
    });
  }

  for (const c of INSIDE) {
    it(`${c.channel} ${c.locale}: "${c.lines[4]}" inside the booking is that day of the week given, time kept`, async () => {
      const chat = await chatOn(c.channel, c.locale);
      linkHas(await run(chat, c.channel, c.lines), 'new', c.expect);
    });
  }

  for (const c of MOVE) {
    it(`${c.channel} ${c.locale}: "${c.first}" then "${c.then}"`, async () => {
      const chat = await chatOn(c.channel, c.locale);
      const first = await say(chat, c.channel, c.first);
      assert.ok(!ASKS_WHEN.test(textOf(first)), `asked the day again:\n${textOf(first)}`);
      linkHas(first, 'reschedule', c.expect);
      const own = c.locale === 'es' ? /\bsu cita\b/i : /\byour (appointment|visit)\b/i;
      assert.ok(!own.test(textOf(first)), `the member's own visit for a family member's:\n${textOf(first)}`);
      const then = await say(chat, c.channel, c.then);
      linkHas(then, 'reschedule', c.thenExpect);
      assert.ok(!own.test(textOf(then)), `the member's own visit for a family member's:\n${textOf(then)}`);
    });
  }
});
