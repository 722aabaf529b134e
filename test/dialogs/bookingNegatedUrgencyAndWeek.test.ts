import assert from 'node:assert/strict';
import { choicesOf, linksOf, textOf } from '../support/chat';
import { catalog } from './support';
import { realChat } from './memberWords';

/**
 * Booking on Web Chat, not signed in (newcomer run v9, WJ01 and WJ02). "my knee has been sore for
 * weeks, not urgent" filled the kind of care as "Urgent / same day": a kind of care said with a
 * negation ("not urgent", "no es urgente", "non-urgent") is not named. "mornings are better any day
 * next week" kept the mornings and dropped the week: a time of day said before the days takes
 * them. Real recognizer; sentences differ from the run's.
 */
describe('booking: a negated urgency and "mornings, any day next week" (newcomer run v9, WJ01, WJ02)', function () {
  this.timeout(400_000);

  const cases = [
    {
      locale: 'en' as const,
      start: 'hi i need to make an appt',
      forMe: 'for me, my knee has been sore for weeks, its not urgent',
      child: 'need to get my son in for his 4 yr checkup',
      when: 'in person obviously, mornings are better, any day next week',
    },
    {
      locale: 'es' as const,
      start: 'necesito hacer una cita',
      forMe: 'para mí, me duele la rodilla desde hace semanas, no es urgente',
      child: 'necesito una cita para mi hijo para su chequeo de 4 años',
      when: 'en persona, mejor por las mañanas, cualquier día de la semana que viene',
    },
  ];

  for (const c of cases) {
    it(`Web Chat ${c.locale}: "not urgent" does not book an urgent visit; the kind of care is asked`, async () => {
      const chat = await realChat('webchat', { locale: c.locale });
      await chat.say(c.start);
      const next = await chat.say(c.forMe);
      assert.ok(choicesOf(next).includes(catalog.text(c.locale, 'options.appointment.care.primary')), textOf(next));
      assert.ok(!linksOf(next).some((l) => l.includes('reason=urgent')), linksOf(next).join(' '));
    });

    it(`Web Chat ${c.locale}: "mornings, any day next week" keeps the week with the mornings`, async () => {
      const chat = await realChat('webchat', { locale: c.locale });
      await chat.say(c.child);
      const done = await chat.say(c.when);
      const link = linksOf(done).find((l) => l.includes('action=new'));
      assert.ok(link, textOf(done));
      assert.ok(link.includes('when=2025-06-09%2F2025-06-15'), link);
      assert.ok(link.includes('time=morning'), link);
    });
  }
});
