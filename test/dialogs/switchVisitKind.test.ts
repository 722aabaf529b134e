import assert from 'node:assert/strict';
import { choicesOf, linksOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * Switching a visit's kind, signed in (newcomer run v9, SK08): "quiero cambiar mi cita de video a
 * una cita por teléfono" started a NEW booking (who, what care, when) because "una cita por
 * teléfono" also names a new visit, and "a la misma hora" was then not understood. A change of a
 * visit's kind is a change to that visit: which visit, then when, where "the same time" keeps its
 * time. Alex's video visit in the sample data: Tue Jun 10, 3:00 PM with Dr. Maya Chen.
 */
describe('switching a visit from video to phone is a change to that visit (newcomer run v9, SK08)', function () {
  this.timeout(400_000);

  const cases = [
    { locale: 'es' as const, change: 'quiero cambiar mi cita de video a una cita por teléfono', same: 'a la misma hora', visit: /consulta por video del mar, 10 de jun, 3:00 p\.\s?m\./ },
    { locale: 'es' as const, change: 'quisiera cambiar mi cita de video a una consulta por teléfono', same: 'misma hora', visit: /consulta por video del mar, 10 de jun/ },
    { locale: 'en' as const, change: 'i would like to switch my video visit to a phone appointment', same: 'same time', visit: /video visit on Tue, Jun 10, 3:00 PM/ },
  ];

  for (const c of cases) {
    it(`Web Chat ${c.locale}: "${c.change}" moves the video visit to a phone visit at "${c.same}"`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale });
      const when = await chat.say(c.change);
      assert.match(textOf(when), c.visit, textOf(when));
      assert.ok(!choicesOf(when).length || !choicesOf(when).some((t) => /Myself|Para m[ií]/.test(t)), choicesOf(when).join(' | '));
      const done = await chat.say(c.same);
      const link = linksOf(done).find((l) => l.includes('action=reschedule'));
      assert.ok(link, textOf(done));
      assert.ok(link.includes('visitType=phone'), link);
      assert.ok(link.includes('when=2025-06-10') && link.includes('time=15%3A00'), link);
    });
  }
});
