import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { catalog } from './support';
import { realChat } from './memberWords';

/** Alex on Teams: the sample data maps this Entra ID object id to Alex Rivera. */
const TEAMS_ALEX = { id: '29:alex', aadObjectId: ALEX.teams };

/**
 * Right after the answer about moving a visit, a reply that keeps one of its details ("same time
 * works", "a la misma hora está bien") is about that visit (newcomer run v6, TH03 on Teams: "same
 * time is fine" got "What would you like to do?" and the appointments menu). Real recognizer;
 * sentences differ from the run's.
 */
describe('"same time" right after the answer about moving a visit (TH03)', function () {
  this.timeout(180_000);

  const cases = [
    { locale: 'en' as const, move: 'i need to reschedule my appt to next week', which: 'the one with dr chen', same: 'the same time of day works for me', done: /move your video visit on Tue, Jun 10, 3:00 PM with Dr\. Maya Chen, looking for Monday, June 16 – Sunday, June 22, 3:00 PM with Dr\. Maya Chen/ },
    { locale: 'es' as const, move: 'necesito cambiar mi cita para la próxima semana', which: 'la de la dra chen', same: 'a la misma hora me va bien', done: /cambiar su consulta por video del mar, 10 de jun, 3:00 p\.\s?m\. con Dr\. Maya Chen, buscando .*, 3:00 p\.\s?m\. con Dr\. Maya Chen/ },
  ];

  for (const c of cases) {
    it(`Teams ${c.locale}: "${c.same}" keeps the time of the visit just moved, for the days asked`, async () => {
      const chat = await realChat('msteams', { locale: c.locale, from: TEAMS_ALEX });
      await chat.say(c.move);
      const first = await chat.say(c.which);
      assert.ok(linksOf(first).some((l) => l.includes('action=reschedule')), textOf(first));
      const replies = await chat.say(c.same);
      const text = textOf(replies);
      assert.ok(!text.includes(catalog.text(c.locale, 'appointment.ask.action')), text);
      assert.match(text, c.done);
      assert.ok(linksOf(replies).some((l) => l.includes('time=15%3A00') && l.includes('action=reschedule') && l.includes('2025-06-16')), linksOf(replies).join('\n'));
    });
  }
});
