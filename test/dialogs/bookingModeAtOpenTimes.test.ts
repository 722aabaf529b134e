import assert from 'node:assert/strict';
import { choicesOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * Booking signed in, at the list of open times (newcomer run v9, TK01): "actually can it be a
 * video visit instead" went to the video-visits menu, and the booking asked again who, what care
 * and when. Another way to be seen named at the open times changes that and keeps the rest: the
 * same kind of care and time, in the new mode. Real recognizer; sentences differ from the run's.
 */
describe('booking: another way to be seen asked for at the open times (newcomer run v9, TK01)', function () {
  this.timeout(400_000);

  const cases = [
    { locale: 'en' as const, start: 'hi i need to see my doctor', when: 'in person next week, mornings', change: 'actually could it be a video visit instead?', mode: /\(video visit\)/, other: /in-person|phone/i, pick: 'the 10:30 with dr chen on monday', confirm: /Book a video visit on Mon, Jun 9, 10:30 AM with Dr\. Maya Chen/ },
    { locale: 'es' as const, start: 'necesito una cita con mi doctor', when: 'en persona la semana que viene, por la mañana', change: 'mejor por teléfono', mode: /tel[eé]fono/i, other: /en persona|video/i, pick: 'la de las 10:30 con la dra chen el lunes', confirm: /tel[eé]fono.*10:30/i },
  ];

  for (const c of cases) {
    it(`Web Chat ${c.locale}: the open times again in the new mode, for the same care and week; then booked`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale });
      await chat.say(c.start);
      const first = await chat.say(c.when);
      assert.ok(choicesOf(first).some((t) => /Jun 9|9 de jun/.test(t)), textOf(first));
      const again = await chat.say(c.change);
      const slots = choicesOf(again).filter((t) => /Jun|jun/.test(t));
      assert.ok(slots.length > 0, `${textOf(again)} [${choicesOf(again).join(' | ')}]`);
      assert.ok(slots.every((t) => c.mode.test(t) && !c.other.test(t)), slots.join(' | '));
      assert.ok(slots.every((t) => /Jun (9|1[0-5])|(9|1[0-5]) de jun/.test(t)), slots.join(' | '));
      const confirm = await chat.say(c.pick);
      assert.match(textOf(confirm), c.confirm, textOf(confirm));
    });
  }
});
