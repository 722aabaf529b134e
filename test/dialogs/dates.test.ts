import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { zonedTime } from '../../services/time';
import { Chat, choicesOf, linksOf, pick, textOf } from '../support/chat';
import { JORDAN, MemberChat } from '../support/identity';

/**
 * Dates and times members say (issue 15), through the whole bot on the channel where each was
 * seen: the member's own day when the channel sends no time zone (MEMBER_TIME_ZONE), "the week
 * after next", a part of the day already over, Spanish "por la tarde", and a part of the day said
 * after a week.
 */

/** Answers the anonymous booking questions up to "when?", by tap or digit as the channel does. */
async function atWhen(chat: Chat, locale: 'en' | 'es' = 'en'): Promise<void> {
  const answers = locale === 'es' ? ['Nueva cita', 'Para mí', 'Atención primaria', 'En persona'] : ['New appointment', 'Myself', 'Primary care', 'In person'];
  let replies = await chat.say(locale === 'es' ? 'Citas' : 'Appointments');
  for (const answer of answers) replies = await chat.say(pick(chat, replies, answer));
}

async function openOn(channelId: string, options: { now: Date; zone?: string; locale?: 'en' | 'es' }): Promise<Chat> {
  const chat = new Chat({
    channelId,
    locale: channelId === 'sms' ? undefined : options.locale === 'es' ? 'es-US' : 'en-US',
    env: options.zone ? { MEMBER_TIME_ZONE: options.zone } : {},
    overrides: { clock: () => options.now.getTime() },
  });
  await chat.open(options.locale === 'es' ? 'hola' : 'hi');
  return chat;
}

describe('dates and times members say', () => {
  // Thursday 5 June 2025, 22:00 in Honolulu: already Friday 6 June in UTC and on the US mainland.
  const lateThursday = zonedTime('2025-06-05', '22:00', 'Pacific/Honolulu');

  for (const channelId of ['sms', 'msteams', 'directline']) {
    it(`${channelId}: no time zone from the channel: "tomorrow" is the member's tomorrow (MEMBER_TIME_ZONE)`, async () => {
      const chat = await openOn(channelId, { now: lateThursday, zone: 'Pacific/Honolulu' });
      await atWhen(chat);
      const done = await chat.say('tomorrow');
      assert.match(textOf(done), /Friday, June 6/);
      assert.ok(linksOf(done).some((l) => l.includes('when=2025-06-06')), JSON.stringify(linksOf(done)));
    });
  }

  it('Web Chat: the time zone the channel sends still wins over MEMBER_TIME_ZONE', async () => {
    const chat = await openOn('webchat', { now: lateThursday, zone: 'Pacific/Honolulu' });
    await atWhen(chat);
    const done = await chat.say({ type: 'message', text: 'tomorrow', localTimezone: 'America/New_York' } as Partial<Activity>);
    assert.match(textOf(done), /Saturday, June 7/);
  });

  it('SMS: "the week after next" is that week (Monday to Sunday), not a month', async () => {
    const chat = await openOn('sms', { now: zonedTime('2025-06-05', '10:00', 'America/Los_Angeles') });
    await atWhen(chat);
    const done = await chat.say('the week after next');
    assert.ok(linksOf(done).some((l) => l.includes('when=2025-06-16%2F2025-06-22')), JSON.stringify(linksOf(done)));
    assert.match(textOf(done), /Monday, June 16 [–-] Sunday, June 22/);
  });

  it('SMS: "friday morning" said on Friday afternoon is next Friday morning', async () => {
    const chat = await openOn('sms', { now: zonedTime('2025-06-06', '15:00', 'America/Los_Angeles') });
    await atWhen(chat);
    const done = await chat.say('friday morning');
    assert.match(textOf(done), /Friday, June 13, in the morning/);
  });

  it('Web Chat, Spanish: "mañana por la tarde" is the afternoon, as "tomorrow afternoon" is', async () => {
    const chat = await openOn('webchat', { now: zonedTime('2025-06-05', '10:00', 'America/Los_Angeles'), locale: 'es' });
    await atWhen(chat, 'es');
    const done = await chat.say('mañana por la tarde');
    assert.ok(linksOf(done).some((l) => l.includes('when=2025-06-06&time=afternoon')), JSON.stringify(linksOf(done)));
    assert.match(textOf(done), /viernes, 6 de junio, por la tarde\b(?!-)/);
  });

  it('Web Chat, signed in: "next week in the afternoon" offers afternoon times only', async () => {
    const chat = new MemberChat();
    await chat.open();
    await chat.signIn(JORDAN.memberId);
    await chat.say('Appointments');
    await chat.say('New appointment');
    await chat.say('Myself');
    await chat.say('Mental health');
    await chat.say('Video');
    const offered = choicesOf(await chat.say('next week in the afternoon')).filter((c) => c !== 'None of these');
    assert.ok(offered.length > 0, 'some times are offered');
    for (const slot of offered) assert.match(slot, /Jun (9|1[0-5]), (12|1|2|3|4):\d\d PM/, slot);
  });
});
