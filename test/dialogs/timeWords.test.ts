import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { choicesOf, textOf } from '../support/chat';
import { ALEX, codeIn, MemberChat } from '../support/identity';

/**
 * Day and time words members use ("afternoons are best", "tmrw am", "after 3", "por las
 * tardes") and the open times offered for them: a day with none open is said, with the first open
 * day after it; a time that is not open is said, with the closest ones (newcomer run v4: TB01,
 * SB06, WA02, WA05, WA22).
 */

/** Saturday 7 June 2025, 10:00: "tomorrow" is a Sunday, when nothing is open. */
const SATURDAY = new Date(2025, 5, 7, 10, 0, 0).getTime();
const ES = 'es-US';

async function chatOn(channelId: 'webchat' | 'msteams' | 'sms', options: { locale?: string; now?: number } = {}): Promise<MemberChat> {
  const from = channelId === 'msteams' ? { id: '29:alex', aadObjectId: ALEX.teams } : channelId === 'sms' ? { id: ALEX.phone } : undefined;
  const chat = new MemberChat({ channelId, ...(from ? { from } : {}), ...(options.locale ? { locale: options.locale } : {}), ...(options.now ? { now: () => options.now! } : {}) });
  await chat.open();
  if (channelId === 'webchat') await chat.signIn(ALEX.memberId);
  return chat;
}

/** New visit for the member, primary care in person, then `when`; on SMS the code is typed in after. */
async function timesFor(chat: MemberChat, es: boolean, when: string): Promise<Partial<Activity>[]> {
  await chat.say(es ? 'Citas' : 'Appointments');
  await chat.say(es ? 'Nueva cita' : 'New appointment');
  await chat.say(es ? 'Para mí' : 'Myself');
  await chat.say(es ? 'Atención primaria' : 'Primary care');
  await chat.say(es ? 'En persona' : 'In person');
  const replies = await chat.say(when);
  if (chat.channelId !== 'sms') return replies;
  const code = codeIn(await chat.say('1'));
  assert.ok(code, textOf(replies));
  return chat.say(code);
}

const slotsOf = (replies: Partial<Activity>[]) => choicesOf(replies).filter((c) => /\d:\d\d/.test(c));

describe('day and time words, and the open times offered', function () {
  this.timeout(60_000);

  it('Teams: "afternoons work best" is any afternoon; "evenings" and "mornings" likewise', async () => {
    for (const [said, pattern] of [['afternoons work best', / PM /], ['mornings are better for me', / AM /]] as const) {
      const chat = await chatOn('msteams');
      const replies = await timesFor(chat, false, said);
      const slots = slotsOf(replies);
      assert.ok(slots.length, `${said}: ${textOf(replies)}`);
      assert.ok(slots.every((s) => pattern.test(s)), `${said}: ${slots.join(' | ')}`);
    }
  });

  it('Teams, Spanish: "por las tardes" is the afternoon', async () => {
    const chat = await chatOn('msteams', { locale: ES });
    const replies = await timesFor(chat, true, 'mejor por las tardes');
    const slots = slotsOf(replies);
    assert.ok(slots.length && slots.every((s) => /p\.\s?m\./.test(s)), `${textOf(replies)} ${slots.join(' | ')}`);
  });

  it('Web Chat: "after 3" offers only times from 3 PM on', async () => {
    const chat = await chatOn('webchat');
    const slots = slotsOf(await timesFor(chat, false, 'anything after 3'));
    assert.ok(slots.length && slots.every((s) => /3:30 PM/.test(s)), slots.join(' | '));
  });

  it('SMS, on a Saturday: "tmrw am" says Sunday has nothing and names Monday, with morning times', async () => {
    const chat = await chatOn('sms', { now: SATURDAY });
    const replies = await timesFor(chat, false, 'tmrw am');
    assert.match(textOf(replies), /Nothing is open on Sunday, June 8, in the morning\. The first open times after that are on Monday, June 9:/);
    assert.ok(textOf(replies).includes('Mon, Jun 9, 9:00 AM'), textOf(replies));
    assert.doesNotMatch(textOf(replies), /PM/);
  });

  it('Web Chat, Spanish, on a Saturday: "mañana en la tarde" says Sunday has nothing and names Monday', async () => {
    const chat = await chatOn('webchat', { locale: ES, now: SATURDAY });
    const replies = await timesFor(chat, true, 'mañana en la tarde');
    assert.match(textOf(replies), /No hay horarios disponibles el domingo, 8 de junio, por la tarde\. Los primeros horarios después de eso son el lunes, 9 de junio:/);
    assert.ok(slotsOf(replies).every((s) => /p\.\s?m\./.test(s)), slotsOf(replies).join(' | '));
  });

  it('Web Chat: a time that is not open is said, with the closest first', async () => {
    const chat = await chatOn('webchat');
    const replies = await timesFor(chat, false, 'monday at 3pm');
    assert.match(textOf(replies), /3:00 PM is not open on Monday, June 9\. The closest times are:/);
    assert.match(slotsOf(replies)[0]!, /Mon, Jun 9, (2:00|3:30) PM/);
  });

  it('Web Chat, Spanish: a time that is not open is said', async () => {
    const chat = await chatOn('webchat', { locale: ES });
    const replies = await timesFor(chat, true, 'el lunes a las 3 de la tarde');
    assert.match(textOf(replies), /No hay horario a las 3:00 p\.\s?m\. el lunes, 9 de junio\./);
  });
});
