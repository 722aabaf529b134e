import assert from 'node:assert/strict';
import { choicesOf, textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';

/**
 * Open times picked by a time typed as members type it (newcomer run v5, WE01 on Web Chat: "the
 * 330 with dr chen" was not read as 3:30): without the colon, with a dot, with the minutes in words,
 * "o'clock", with a clinician's name. One slot named: its confirmation; two still fitting: only
 * those are asked between. Through the whole bot with the real recognizer; sentences differ from the run's.
 */

const REAL = { understanding: undefined, emergencyCheck: undefined };

async function toOpenTimes(es: boolean): Promise<MemberChat> {
  const chat = new MemberChat({ channelId: 'webchat', locale: es ? 'es-US' : 'en-US', overrides: REAL });
  await chat.open(es ? 'hola' : 'hi');
  await chat.signIn(ALEX.memberId);
  await chat.say(es ? 'quiero una cita nueva para mí' : 'i want a new appointment for myself');
  await chat.say(es ? 'Atención primaria' : 'Primary care');
  await chat.say(es ? 'En persona' : 'In person');
  const times = await chat.say(es ? 'por la tarde como a las 3' : 'afternoon around 3');
  assert.ok(choicesOf(times).length > 2, textOf(times));
  return chat;
}

describe('open times picked by a typed time (WE01)', function () {
  this.timeout(600_000);

  it('English: "330 pm w/ maya chen" books that one slot', async () => {
    const chat = await toOpenTimes(false);
    const one = textOf(await chat.say('i will take 330 pm w/ maya chen'));
    assert.match(one, /Book an in-person visit on .*3:30 PM with Dr\. Maya Chen\?/, one);
  });

  it('Spanish: "la de 3.30 con chen" books that one slot', async () => {
    const chat = await toOpenTimes(true);
    const one = textOf(await chat.say('me quedo con la de 3.30 con chen'));
    assert.match(one, /3:30 p\.\s?m\..*Maya Chen.*\?|Maya Chen.*3:30 p\.\s?m\..*\?/, one);
  });
});
