import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * A day of the month with a part of the day, said as the new time of a visit being moved
 * (newcomer run v11b, XR07: "21st morning" gave a link with only time=morning, the 21st lost: the
 * recognizers keep only "morning", and read "el 21 en la mañana" as 9 a.m.). Today is Thu Jun 5;
 * Alex's lab visit is Tue Jun 17. Real recognizer and dialogs; sentences differ from the run's.
 */
describe('moving a visit to "the 21st morning" / "el 21 en la mañana" (XR07)', function () {
  this.timeout(300_000);

  const cases = [
    { locale: 'en' as const, move: 'i need to move my appt', pick: 'the lab one', say: 'the 21st morning', part: 'morning' },
    { locale: 'en' as const, move: 'i need to move my appt', pick: 'the lab one', say: 'can we do the 20th in the afternoon', part: 'afternoon', date: '2025-06-20' },
    { locale: 'es' as const, move: 'necesito cambiar mi cita', pick: 'la del laboratorio', say: 'el 21 en la mañana', part: 'morning' },
  ];
  for (const c of cases) {
    it(`Web Chat ${c.locale}: "${c.say}" is that day and part of the day`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale });
      await chat.say(c.move);
      await chat.say(c.pick);
      const done = await chat.say(c.say);
      const link = linksOf(done).find((l) => l.includes('action=reschedule')) ?? '';
      assert.ok(link.includes(`when=${c.date ?? '2025-06-21'}`), `${textOf(done)} ${link}`);
      assert.ok(link.includes(`time=${c.part}`), link);
    });
  }
});
