import assert from 'node:assert/strict';
import { assertChannelRules, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * Newcomer run v9 (TH10), on Teams: after the mental-health answer, "I won't hurt myself, I'm just
 * stressed" is acknowledged in short (never the paragraph again, 988 in one line), and "an
 * appointment to talk to someone" books a mental-health visit, not a person. The sentences are not the run's.
 */
describe('after the mental-health answer on Teams: no repeat, a visit to talk to someone', function () {
  this.timeout(300_000);

  it('English: a denial gets a short acknowledgement, then the visit is booked', async () => {
    const chat = await realChat('msteams');
    const first = textOf(await chat.say("i've been anxious and low for weeks, hardly sleeping"));
    assert.match(first, /1-800-555-0144/);
    const replies = await chat.say('no not like that, i would never hurt myself, just stressed out');
    const text = textOf(replies);
    assert.notEqual(text, first);
    assert.doesNotMatch(text, /Thank you for reaching out/);
    assert.match(text, /988/);
    assertChannelRules('msteams', replies);
    const next = textOf(await chat.say('maybe i just want an appointment so i can talk to somebody'));
    assert.match(next, /mental health visit/);
    assert.match(next, /Who is the appointment for\?/);
    assert.doesNotMatch(next, /No one from our chat team/);
  });

  it('Spanish: una cita para hablar con alguien', async () => {
    const chat = await realChat('msteams', { locale: 'es' });
    assert.match(textOf(await chat.say('me he sentido muy triste y sin ganas de nada')), /1-800-555-0144/);
    const next = textOf(await chat.say('quisiera una cita para platicar con alguien'));
    assert.match(next, /salud mental/);
    assert.match(next, /¿Para quién es la cita\?/);
    assert.doesNotMatch(next, /no hay nadie disponible/);
  });
});
