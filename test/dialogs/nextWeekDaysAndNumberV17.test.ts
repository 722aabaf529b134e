import assert from 'node:assert/strict';
import type { Locale } from '../../intents/types';
import { leadingNumber } from '../../dialogs/common/leadingNumber';
import { PreferredTimeParser } from '../../dialogs/appointment/when';
import { linksOf, textOf } from '../support/chat';
import { MemberChat } from '../support/identity';
import type { Replies } from './replyChecks';
import { say } from './replyChecks';

/**
 * Newcomer run v17, through the whole bot with the real recognizer, on Monday, December 7, 2026:
 * - W01: "next week" with weekdays ("sometime next week, tues or wed afternoon?") is those days of
 *   the following calendar week (Dec 15-16), not this week's; a correction after the link ("no, i
 *   said NEXT week") keeps every other detail (the video chosen by a change of mind), and a mode
 *   said in a correction ("video. tuesday the 15th afternoon") is taken.
 * - X02: a leading number that matches a listed option ("1, el jueves en la tarde") is that option,
 *   and the rest of the message is read as details; a later change of mind keeps the day.
 * Sentences differ from the run's, plus the run's own.
 */

type Channel = 'webchat' | 'msteams' | 'sms';

const MONDAY = new Date(2026, 11, 7, 10, 0, 0).getTime();

async function chatOn(channel: Channel, locale: Locale): Promise<MemberChat> {
  const chat = new MemberChat({
    channelId: channel,
    ...(channel === 'sms' ? {} : { locale: locale === 'es' ? 'es-US' : 'en-US' }),
    ...(channel === 'msteams' ? { from: { id: '29:guest', aadObjectId: '00000000-0000-4000-8000-0000000000aa' } } : {}),
    now: () => MONDAY,
    overrides: { understanding: undefined, emergencyCheck: undefined },
  });
  await chat.open(locale === 'es' ? 'hola' : 'hi');
  return chat;
}

const bookLink = (replies: Replies): string => linksOf(replies).find((l) => l.includes('appointments/book')) ?? '';

function linkHas(replies: Replies, parts: string[]): void {
  const link = bookLink(replies);
  for (const part of parts) assert.ok(link.includes(part), `expected ${part} in "${link}"\n${textOf(replies)}`);
}

const START_EN = ['hi i need to make an apointment', 'for me', 'just a regular checkup w my doctor', 'in person', 'actually can it be video instead'];
const START_ES = ['necesito hacer una cita', 'para mí', 'un chequeo normal con mi doctor', 'en persona', 'mejor que sea por video'];

/** W01: "next week" with two weekdays, after a change of mind to video. */
const NEXT_WEEK_DAYS: { channel: Channel; locale: Locale; then: string; when: string }[] = [
  { channel: 'webchat', locale: 'en', then: 'sometime next week, tues or wed afternoon?', when: 'when=2026-12-15%2F2026-12-16' },
  { channel: 'webchat', locale: 'en', then: 'tuesday or wednesday of next week, in the afternoon', when: 'when=2026-12-15%2F2026-12-16' },
  { channel: 'msteams', locale: 'en', then: 'next week pls, tue or wed afternoon', when: 'when=2026-12-15%2F2026-12-16' },
  { channel: 'webchat', locale: 'en', then: 'the following week, thursday afternoon', when: 'when=2026-12-17' },
  { channel: 'webchat', locale: 'es', then: 'la semana que viene, martes o miércoles en la tarde', when: 'when=2026-12-15%2F2026-12-16' },
  { channel: 'msteams', locale: 'es', then: 'el martes o el miércoles de la próxima semana, por la tarde', when: 'when=2026-12-15%2F2026-12-16' },
];

/** W01: a correction after the link keeps the video, and takes a mode said in it. */
const CORRECTIONS: { channel: Channel; locale: Locale; first: string; then: string; expect: string[] }[] = [
  { channel: 'webchat', locale: 'en', first: 'tuesday afternoon', then: 'wait no, i said NEXT week not this week', expect: ['visitType=video', 'when=2026-12-14%2F2026-12-20'] },
  { channel: 'webchat', locale: 'en', first: 'tuesday afternoon', then: 'no i meant next week, not this one', expect: ['visitType=video', 'when=2026-12-14%2F2026-12-20'] },
  { channel: 'webchat', locale: 'en', first: 'tuesday afternoon', then: 'ugh thats still wrong. video. tuesday the 15th afternoon', expect: ['visitType=video', 'when=2026-12-15', 'time=afternoon'] },
  { channel: 'webchat', locale: 'es', first: 'el martes en la tarde', then: 'no, dije la semana que viene, no esta', expect: ['visitType=video', 'when=2026-12-14%2F2026-12-20'] },
];

/** W01: a mode said in a correction after the link is taken (the first booking in person). */
const MODE_IN_CORRECTION: { channel: Channel; locale: Locale; start: string[]; first: string; then: string; expect: string[] }[] = [
  { channel: 'webchat', locale: 'en', start: START_EN.slice(0, 4), first: 'tuesday afternoon', then: 'ugh thats wrong. video. tuesday the 15th afternoon', expect: ['visitType=video', 'when=2026-12-15', 'time=afternoon'] },
  { channel: 'webchat', locale: 'en', start: START_EN.slice(0, 4), first: 'tuesday afternoon', then: 'no, by video please, wednesday the 16th in the morning', expect: ['visitType=video', 'when=2026-12-16', 'time=morning'] },
  { channel: 'webchat', locale: 'es', start: START_ES.slice(0, 4), first: 'el martes en la tarde', then: 'no, eso está mal. por video, el martes 15 en la tarde', expect: ['visitType=video', 'when=2026-12-15', 'time=afternoon'] },
];

/** X02: a leading number that matches a listed option, with details after it. */
const NUMBER_AND_DETAILS: { channel: Channel; locale: Locale; ask: string; then: string; expect: string[]; later?: { say: string; expect: string[] } }[] = [
  {
    channel: 'sms', locale: 'es', ask: 'necesito una cita con mi doctor', then: '1, el jueves en la tarde',
    expect: ['visitType=inPerson', 'when=2026-12-10', 'time=afternoon'],
    later: { say: 'mejor en la mañana, se puede?', expect: ['visitType=inPerson', 'when=2026-12-10', 'time=morning'] },
  },
  {
    channel: 'sms', locale: 'es', ask: 'quiero sacar una cita con mi médico', then: '2 el viernes por la mañana',
    expect: ['visitType=video', 'when=2026-12-11', 'time=morning'],
    later: { say: 'mejor por la tarde', expect: ['visitType=video', 'when=2026-12-11', 'time=afternoon'] },
  },
  {
    channel: 'sms', locale: 'en', ask: 'i need an appointment with my doctor', then: '1, thursday afternoon',
    expect: ['visitType=inPerson', 'when=2026-12-10', 'time=afternoon'],
    later: { say: 'actually can it be in the morning instead', expect: ['visitType=inPerson', 'when=2026-12-10', 'time=morning'] },
  },
  { channel: 'sms', locale: 'en', ask: 'can i book a visit with my doctor', then: '2. friday morning', expect: ['visitType=video', 'when=2026-12-11', 'time=morning'] },
];

describe('v17: "next week" with weekdays, corrections that keep the visit mode, a number with details (W01, X02)', function () {
  this.timeout(300_000);

  for (const c of NEXT_WEEK_DAYS) {
    it(`${c.channel} ${c.locale}: "${c.then}" after a change to video is next week's days, by video`, async () => {
      const chat = await chatOn(c.channel, c.locale);
      for (const said of c.locale === 'es' ? START_ES : START_EN) await say(chat, c.channel, said);
      linkHas(await say(chat, c.channel, c.then), ['visitType=video', c.when, 'time=afternoon']);
    });
  }

  for (const c of CORRECTIONS) {
    it(`${c.channel} ${c.locale}: "${c.then}" after the link keeps the video`, async () => {
      const chat = await chatOn(c.channel, c.locale);
      for (const said of c.locale === 'es' ? START_ES : START_EN) await say(chat, c.channel, said);
      linkHas(await say(chat, c.channel, c.first), ['visitType=video']);
      linkHas(await say(chat, c.channel, c.then), c.expect);
    });
  }

  for (const c of MODE_IN_CORRECTION) {
    it(`${c.channel} ${c.locale}: "${c.then}" after an in-person link takes the mode said`, async () => {
      const chat = await chatOn(c.channel, c.locale);
      for (const said of c.start) await say(chat, c.channel, said);
      linkHas(await say(chat, c.channel, c.first), ['visitType=inPerson']);
      linkHas(await say(chat, c.channel, c.then), c.expect);
    });
  }

  for (const c of NUMBER_AND_DETAILS) {
    it(`${c.channel} ${c.locale}: "${c.then}" at the numbered list is that choice and the day`, async () => {
      const chat = await chatOn(c.channel, c.locale);
      await say(chat, c.channel, c.ask);
      linkHas(await say(chat, c.channel, c.then), c.expect);
      if (c.later) linkHas(await say(chat, c.channel, c.later.say), c.later.expect);
    });
  }
});

describe('v17: the readings under it (a list number with details, weekdays of next week)', () => {
  it('a leading list number with more words is that place; a time, a date, a count or a phone number is not', () => {
    assert.deepEqual(leadingNumber('1, el jueves en la tarde', 3), { place: 1, rest: 'el jueves en la tarde' });
    assert.deepEqual(leadingNumber('2. friday morning', 3), { place: 2, rest: 'friday morning' });
    assert.deepEqual(leadingNumber('1 in person. tmrw or wed if possible', 3), { place: 1, rest: 'in person. tmrw or wed if possible' });
    for (const text of ['1 pm works', '1:30 tomorrow', '2 weeks from now', '3 de diciembre', '1-800-555-0100', '4, friday', '1', '10 am', '1.5 hours', '2 o 3']) {
      assert.equal(leadingNumber(text, 3), null, text);
    }
  });

  const parser = new PreferredTimeParser();
  const monday = new Date(2026, 11, 7, 10, 0, 0);
  const sunday = new Date(2026, 11, 6, 10, 0, 0);
  const cases: { said: string; locale: Locale; now: Date; date: string; until: string | null }[] = [
    { said: 'next week, tues or wed', locale: 'en', now: monday, date: '2026-12-15', until: '2026-12-16' },
    { said: 'tues or wed next week', locale: 'en', now: monday, date: '2026-12-15', until: '2026-12-16' },
    { said: 'next week on friday', locale: 'en', now: monday, date: '2026-12-18', until: null },
    { said: 'el jueves de la semana que viene', locale: 'es', now: monday, date: '2026-12-17', until: null },
    // Said on a Sunday, next week is the one starting tomorrow: its Tuesday is in two days.
    { said: 'next week tuesday', locale: 'en', now: sunday, date: '2026-12-08', until: null },
    { said: 'la próxima semana, el martes', locale: 'es', now: sunday, date: '2026-12-08', until: null },
    // Next week alone is the whole week.
    { said: 'next week', locale: 'en', now: monday, date: '2026-12-14', until: '2026-12-20' },
  ];
  for (const c of cases) {
    it(`"${c.said}" on ${c.now.toDateString()} is ${c.date}${c.until ? ` to ${c.until}` : ''}`, () => {
      const parsed = parser.parse(c.said, c.locale, c.now);
      assert.ok(parsed.ok, JSON.stringify(parsed));
      assert.equal(parsed.value.date, c.date);
      assert.equal(parsed.value.until, c.until);
    });
  }
});
