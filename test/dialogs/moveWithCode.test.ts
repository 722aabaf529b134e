import assert from 'node:assert/strict';
import { choicesOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat } from './memberWords';
import { catalog } from './support';

/**
 * Moving a visit on SMS with the number on file, not yet confirmed (newcomer run v7, SK11, SK01):
 * the code comes first, as for finding a visit, so the visit is known before "when?"; "Same
 * time" is offered only when a visit is known; "next week" is the week after the visit's own
 * week, and "same time" keeps its time; a page that knows no visit never claims to look for its time.
 * Sentences differ from the run's.
 */
describe('moving a visit on SMS: the code first, and "same time" only for a known visit (newcomer run v7, SK11)', function () {
  this.timeout(400_000);

  const cases = [
    { locale: 'en' as const, move: 'I need to move my appointment please' },
    { locale: 'es' as const, move: 'necesito mover mi cita por favor' },
  ];

  for (const c of cases) {
    it(`SMS ${c.locale}: the code is offered before asking when`, async () => {
      const chat = await realChat('sms', { locale: c.locale, from: { id: ALEX.phone } });
      const offer = await chat.say(c.move);
      assert.ok(choicesOf(offer).includes(catalog.text(c.locale, 'options.identity.smsOffer.sendCode')), textOf(offer));
      const code = /\b(\d{6})\b/.exec(textOf(await chat.say('1')))?.[1];
      assert.ok(code, 'a code was sent');
      const pick = await chat.say(code);
      assert.ok(textOf(pick).includes(catalog.text(c.locale, 'appointment.live.pickMove')), textOf(pick));
      const when = await chat.say('1');
      assert.ok(choicesOf(when).includes(catalog.text(c.locale, 'options.appointment.when.sameTime')), textOf(when));
    });

    it(`SMS ${c.locale}: not confirmed, "same time" is not offered and the page does not claim the visit's time`, async () => {
      const chat = await realChat('sms', { locale: c.locale, from: { id: ALEX.phone } });
      await chat.say(c.move);
      const when = await chat.say('2');
      assert.ok(!choicesOf(when).includes(catalog.text(c.locale, 'options.appointment.when.sameTime')), choicesOf(when).join(' | '));
      const done = await chat.say(c.locale === 'en' ? 'keep the same time' : 'a la misma hora por favor');
      assert.doesNotMatch(textOf(done), /same time as your current visit|misma hora de su cita actual/, textOf(done));
    });
  }
});
