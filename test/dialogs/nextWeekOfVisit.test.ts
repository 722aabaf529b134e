import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat } from './memberWords';

/**
 * Moving a visit "to the same time next week" on SMS (newcomer run v7, SK01): the portal page
 * searched the week the visit was already in and dropped its time. "Next week" is the week after
 * the visit's own week (or after this week, whichever is later), and "same time" said in the
 * request keeps the visit's time, in the link and in the text. Alex's visits in the sample data:
 * Tue Jun 10 3:00 PM (video) and Tue Jun 17 9:30 AM (lab); today is Thu Jun 5. Sentences differ
 * from the run's.
 */
describe('moving a visit to "the same time next week" on SMS (newcomer run v7, SK01)', function () {
  this.timeout(400_000);

  const cases = [
    { locale: 'en' as const, move: 'please move my appointment to the same time next week', time: /9:30 AM/ },
    { locale: 'es' as const, move: 'quiero cambiar mi cita para la misma hora la semana que viene', time: /9:30 a\.\s?m\./ },
  ];

  for (const c of cases) {
    it(`SMS ${c.locale}: the week after the visit's own week, at the visit's time`, async () => {
      const chat = await realChat('sms', { locale: c.locale, from: { id: ALEX.phone } });
      await chat.say(c.move);
      const code = /\b(\d{6})\b/.exec(textOf(await chat.say('1')))?.[1];
      assert.ok(code, 'a code was sent');
      await chat.say(code);
      const done = await chat.say('2');
      const link = linksOf(done).find((l) => l.includes('action=reschedule'));
      assert.ok(link, textOf(done));
      assert.ok(link.includes('when=2025-06-23%2F2025-06-29'), link);
      assert.ok(link.includes('time=09%3A30'), link);
      assert.match(textOf(done), c.time, textOf(done));
    });
  }
});
