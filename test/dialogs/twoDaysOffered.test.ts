import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Two days offered as alternatives after the booking page was given (newcomer run v13, YW01: "its
 * sunday tho, no school today lol. tmrw or tues is better" sent the same link for today again):
 * the first of the days said is searched and said back, the other is named too. Through the whole
 * bot with the real recognizer, anonymous on Web Chat; sentences differ from the run's.
 */

const CASES = [
  {
    locale: 'en' as const,
    steps: ['i need to make an appointment for my son hes got an ear thing', 'in person. this week after school if possible'],
    days: 'no school today tho lol. tmrw or tues is better',
  },
  {
    locale: 'es' as const,
    steps: ['necesito una cita para mi hijo, tiene algo en el oído', 'en persona, esta semana después de la escuela si se puede'],
    days: 'hoy tiene escuela jaja. mañana o el martes es mejor',
  },
];

describe('two days offered as alternatives for a booking (YW01)', function () {
  this.timeout(120_000);
  for (const c of CASES) {
    it(`webchat ${c.locale}: "${c.days}" searches the first day said, not today again`, async () => {
      const chat = await realChat('webchat', { locale: c.locale });
      for (const step of c.steps) await chat.say(step);
      const replies = await chat.say(c.days);
      const said = textOf(replies);
      // Both days said back (from tomorrow, Friday, June 6, to Tuesday, June 10), today not searched again.
      assert.match(said, /Friday, June 6 – Tuesday, June 10|viernes, 6 de junio – martes, 10 de junio/, said);
      assert.doesNotMatch(linksOf(replies).join(' '), /when=2025-06-05/, linksOf(replies).join(' '));
    });
  }
});
