import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat } from './memberWords';
import { has, hasNot, noLink, say } from './replyChecks';

/**
 * Newcomer run v19, Z08 (Teams, Spanish, signed in): right after a visit was moved ("a la misma
 * hora"), "oye y va a llover mañana?" got the page to move the visit again, to tomorrow: the day in
 * a question about something else was read as a new time for that visit. A question about the
 * weather, a bank, traffic, a store or a game "tomorrow" gets the out-of-scope answer (what the
 * assistant does), right after a visit was moved or booked; a real new day for the visit ("mejor
 * mañana", "can we do tomorrow instead", a bare "mañana" when asked when) still moves it.
 * Real recognizer; the run's sentence and others with the same meaning.
 */

type Channel = 'webchat' | 'msteams' | 'sms';
type Locale = 'en' | 'es';

const TEAMS_ALEX = { id: '29:alex', aadObjectId: ALEX.teams };

/** The run's way to the page: the visits, one moved to in person at the same time (signed in on Teams). */
const MOVED: Record<Locale, string[]> = {
  es: ['que citas tengo?', 'quiero cambiar la de la dra chen a en persona', 'a la misma hora'],
  en: ['what appointments do i have?', 'i want to switch the one with dr chen to in person', 'same time'],
};

/** A visit moved in one message (not signed in). */
const MOVED_ONCE: Record<Locale, string[]> = {
  es: ['necesito mover mi cita al viernes en la tarde'],
  en: ['i need to reschedule my appointment to thursday afternoon'],
};

/** A new visit booked (a checkup, in person). */
const BOOKED: Record<Locale, string[]> = {
  es: ['quiero hacer una cita para un chequeo el viernes en la mañana', '1', 'en persona'],
  en: ['can i book a checkup for friday morning', '1', 'in person'],
};

const ELSEWHERE: { channel: Channel; locale: Locale; before: string[]; then: string }[] = [
  { channel: 'msteams', locale: 'es', before: MOVED.es, then: 'oye y va a llover mañana?' },
  { channel: 'msteams', locale: 'es', before: MOVED.es, then: 'a qué hora abre el banco mañana?' },
  { channel: 'msteams', locale: 'es', before: MOVED.es, then: 'hay mucho tráfico hoy?' },
  { channel: 'msteams', locale: 'en', before: MOVED.en, then: 'will it rain tomorrow?' },
  { channel: 'msteams', locale: 'en', before: MOVED.en, then: 'who wins the game on sunday' },
  { channel: 'webchat', locale: 'es', before: MOVED_ONCE.es, then: 'quien gana el partido del domingo?' },
  { channel: 'webchat', locale: 'en', before: MOVED_ONCE.en, then: 'hows the traffic today' },
  { channel: 'sms', locale: 'es', before: MOVED_ONCE.es, then: 'a que hora cierra walmart mañana' },
  { channel: 'sms', locale: 'en', before: MOVED_ONCE.en, then: 'what time does target close tomorrow' },
  { channel: 'sms', locale: 'en', before: BOOKED.en, then: 'is it going to rain on saturday?' },
  { channel: 'webchat', locale: 'es', before: BOOKED.es, then: 'va a llover el sábado?' },
];

/** A new day for the visit just moved: the page again, set to that day (Friday, June 6 is "tomorrow"). */
const NEW_DAY: { channel: Channel; locale: Locale; before: string[]; then: string }[] = [
  { channel: 'msteams', locale: 'es', before: MOVED.es, then: 'mejor mañana' },
  { channel: 'msteams', locale: 'es', before: MOVED.es, then: 'y mañana a la misma hora?' },
  { channel: 'msteams', locale: 'en', before: MOVED.en, then: 'can we do tomorrow instead' },
  { channel: 'webchat', locale: 'en', before: MOVED_ONCE.en, then: 'tomorrow works' },
  { channel: 'sms', locale: 'es', before: MOVED_ONCE.es, then: 'mejor mañana' },
];

describe('v19 Z08: a day in a question about something else is no new time for the visit just moved', function () {
  this.timeout(180_000);

  const chatAfter = async (c: { channel: Channel; locale: Locale; before: string[] }) => {
    const chat = await realChat(c.channel, { locale: c.locale, ...(c.channel === 'msteams' ? { from: TEAMS_ALEX } : {}) });
    for (const said of c.before) await say(chat, c.channel, said);
    return chat;
  };

  for (const c of ELSEWHERE) {
    it(`${c.channel} ${c.locale}: "${c.then}" after "${c.before.at(-1)}" is out of scope`, async () => {
      const chat = await chatAfter(c);
      const replies = await say(chat, c.channel, c.then);
      has(c.locale, replies, 'main.outOfScope');
      noLink(replies, 'action=');
      hasNot(c.locale, replies, 'appointment.ask.when');
    });
  }

  for (const c of NEW_DAY) {
    it(`${c.channel} ${c.locale}: "${c.then}" after "${c.before.at(-1)}" moves the visit to that day`, async () => {
      const chat = await chatAfter(c);
      const replies = await say(chat, c.channel, c.then);
      hasNot(c.locale, replies, 'main.outOfScope');
      assert.ok(linksOf(replies).some((l) => l.includes('action=reschedule') && l.includes('2025-06-06')), `${textOf(replies)}\n${linksOf(replies).join(' ')}`);
    });
  }

  for (const locale of ['es', 'en'] as const) {
    it(`msteams ${locale}: a bare "${locale === 'es' ? 'mañana' : 'tomorrow'}" when asked when moves the visit`, async () => {
      const chat = await chatAfter({ channel: 'msteams', locale, before: MOVED[locale].slice(0, 2) });
      const replies = await say(chat, 'msteams', locale === 'es' ? 'mañana' : 'tomorrow');
      assert.ok(linksOf(replies).some((l) => l.includes('action=reschedule') && l.includes('2025-06-06')), `${textOf(replies)}\n${linksOf(replies).join(' ')}`);
    });
  }
});
