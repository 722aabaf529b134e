import assert from 'node:assert/strict';
import { choicesOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat } from './memberWords';

const TEAMS_ALEX = { id: '29:alex', aadObjectId: ALEX.teams };

/**
 * Thanks, or a question about whether it is done, typed at a pending "Book …?" (newcomer run v8,
 * TM01 on Teams: "thx" got "You're welcome! Take care." and nothing was booked): nothing is done
 * yet, so that is said and the confirmation asked again; a yes then books. Real recognizer;
 * sentences differ from the run's.
 */
describe('thanks or "is it done?" at a pending confirmation (newcomer run v8, TM01)', function () {
  this.timeout(400_000);

  const cases = [
    { locale: 'en' as const, book: 'could you set up a visit with my doctor', mode: 'In person', when: 'As soon as possible', slot: '2:00 PM with dr chen', confirm: /Book an in-person visit on Fri, Jun 6, 2:00 PM with Dr\. Maya Chen\?/, thanks: 'thank you so much', pending: /haven't booked it yet/, state: 'hmm so am i booked now?', yes: 'yes', booked: /You're booked/ },
    { locale: 'es' as const, book: 'quiero sacar una cita con mi doctora', mode: 'En persona', when: 'Lo antes posible', slot: 'la de las 2:00 con la dra chen', confirm: /¿Reservar una consulta en persona el vie, 6 de jun, 2:00 p\.\s?m\. con Dr\. Maya Chen\?/, thanks: 'muchas gracias', pending: /Todavía no la reservé/, state: 'oiga, ¿ya quedó reservada?', yes: 'sí', booked: /tiene cita/ },
  ];

  for (const c of cases) {
    it(`Teams ${c.locale}: thanks is not a goodbye, "is it done?" says it is not yet, and a yes books`, async () => {
      const chat = await realChat('msteams', { from: TEAMS_ALEX, locale: c.locale });
      await chat.say(c.book);
      await chat.say(c.mode);
      await chat.say(c.when);
      assert.match(textOf(await chat.say(c.slot)), c.confirm);
      const thanked = await chat.say(c.thanks);
      assert.match(textOf(thanked), c.pending, textOf(thanked));
      assert.match(textOf(thanked), c.confirm, textOf(thanked));
      assert.equal(choicesOf(thanked).length, 2, choicesOf(thanked).join(' | '));
      const state = textOf(await chat.say(c.state));
      assert.match(state, c.pending, state);
      assert.match(state, c.confirm, state);
      const done = textOf(await chat.say(c.yes));
      assert.match(done, c.booked, done);
    });
  }
});
