import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat, signedInChat } from './memberWords';
import { catalog, promptText } from './support';

/**
 * Newcomer run v13. YW03: "when is my next appt" right after a refill answer got the refill's
 * timing (its "when" read as a follow-up); a clear request for another task, named by its words,
 * is that task. YX08: "can u write me a poem for my wife bday" (none 0.78, billing 0.22) got "Just
 * to be sure: is this about Billing?"; a runner-up behind a likely `none` is offered only when the
 * message names it, else the out-of-scope answer. Real recognizer; sentences differ from the run's.
 */
describe('a request for another task after an answer, and out-of-scope asks (newcomer run v13: YW03, YX08)', function () {
  this.timeout(180_000);

  it('Web Chat signed in: "when is my next appt" after a refill is done lists the visits, not the refill timing', async () => {
    const chat = await signedInChat(ALEX.memberId);
    await chat.say('can u refill my levothyroxine');
    await chat.say('Yes');
    const text = textOf(await chat.say('when is my next appt'));
    assert.match(text, /Your upcoming appointments/, text);
    assert.doesNotMatch(text, /business days/, text);
  });

  it('Web Chat Spanish: "y cuando es mi proxima cita?" after a refill answer is about the visit, not the refill timing', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    await chat.say('quiero surtir mi receta');
    const text = textOf(await chat.say('y cuando es mi proxima cita?'));
    assert.match(text, /cita/, text);
    assert.doesNotMatch(text, /días hábiles/, text);
  });

  for (const [channel, locale, words] of [
    ['sms', 'en', 'can u write me a poem for my wife bday'],
    ['webchat', 'en', 'write a birthday poem for my wife'],
    ['webchat', 'es', 'me escribes un poema para el cumpleaños de mi esposa'],
  ] as const) {
    it(`${channel} (${locale}): "${words}" is outside what it does, never "is this about …?"`, async () => {
      const chat = await realChat(channel, { locale });
      const text = textOf(await chat.say(words));
      assert.ok(text.includes(catalog.text(locale, 'main.outOfScope')), text);
      assert.ok(!text.includes(promptText(locale, 'main.clarifyOne').split('{')[0]!), text);
    });
  }
});
