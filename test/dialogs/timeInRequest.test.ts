import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';
import { promptText } from './support';

/**
 * A day or time said in the request itself is the answer to "When would you prefer?" (the newcomer
 * run v4: WC02, WC19, TB02). Sentences differ from the run's.
 */
describe('a day or time in the request is not asked for again', function () {
  this.timeout(60_000);

  it('Web Chat, signed in: moving the lab visit "to friday afternoon" names the lab visit and goes to Friday afternoon', async () => {
    const chat = await signedInChat(ALEX.memberId, { locale: 'en' });
    const text = textOf(await chat.say('could you move my lab appointment to friday afternoon'));
    assert.match(text, /in-person visit on Tue, Jun 17/, text);
    assert.doesNotMatch(text, new RegExp(promptText('en', 'appointment.ask.when').slice(0, 20)), text);
    assert.match(text, /Friday, June 6, in the afternoon/, text);
  });

  it('Web Chat, signed in, Spanish: a new visit "el jueves en la mañana" shows Thursday morning times without asking when', async () => {
    const chat = await signedInChat(ALEX.memberId, { locale: 'es' });
    await chat.say('necesito una cita para mí en persona el jueves en la mañana');
    const text = textOf(await chat.say('Atención primaria'));
    assert.doesNotMatch(text, new RegExp(promptText('es', 'appointment.ask.when').slice(0, 15)), text);
    assert.match(text, /jue/, text);
  });

  it('moving a visit: the day of the visit being moved ("my tuesday visit") is not taken for the new day', async () => {
    const chat = await signedInChat(ALEX.memberId, { locale: 'en' });
    const text = textOf(await chat.say('i need to reschedule my tuesday appointment'));
    assert.match(text, new RegExp(promptText('en', 'appointment.ask.when').slice(0, 20)), text);
  });
});
