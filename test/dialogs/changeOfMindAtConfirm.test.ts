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

/**
 * A move asked for at "Cancel …?" (newcomer run v8, TM06 on Teams, WM19 on Web Chat in Spanish:
 * "don't cancel it, move it to friday instead" got "Nothing was changed"): nothing is cancelled,
 * and that visit is moved, keeping the day said. Sentences differ from the run's.
 */
describe('a move asked for at the cancel confirmation (newcomer run v8, TM06, WM19)', function () {
  this.timeout(400_000);

  it('Teams English: "rather than cancelling, could we reschedule it for friday" moves that visit, looking for Friday', async () => {
    const chat = await realChat('msteams', { from: TEAMS_ALEX });
    await chat.say('need to cancel my appt please');
    assert.match(textOf(await chat.say('the lab visit')), /Cancel the in-person visit on Tue, Jun 17, 9:30 AM \(Lab tests\)\?/);
    const moved = textOf(await chat.say('hmm on second thought rather than cancelling, could we reschedule it for friday'));
    assert.match(moved, /OK, I haven't cancelled anything\./, moved);
    assert.doesNotMatch(moved, /Nothing was changed/, moved);
    assert.match(moved, /move your in-person visit on Tue, Jun 17, 9:30 AM/, moved);
    assert.match(moved, /Friday, June 6|Fri, Jun 6/, moved);
  });

  it('Web Chat Spanish: "mejor muévala a otro día" moves that visit, not "lo dejé"', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    await chat.signIn(ALEX.memberId);
    await chat.say('necesito cancelar mi cita por favor');
    assert.match(textOf(await chat.say('la del laboratorio')), /¿Cancelar la consulta en persona del mar, 17 de jun/);
    const moved = textOf(await chat.say('pensándolo bien, mejor muévala a otro día'));
    assert.match(moved, /De acuerdo, no cancelé nada\./, moved);
    assert.doesNotMatch(moved, /lo dejé|No se cambió nada/, moved);
    assert.match(moved, /¿Cuándo prefiere cambiar su consulta en persona del mar, 17 de jun/, moved);
  });
});

/**
 * A day said at the SMS code offer while booking (newcomer run v8, SM04: "actually make it friday"
 * was read as "Not now" and the portal link kept the earlier day): the request takes the new day
 * and the offer is asked again. Sentences differ from the run's.
 */
describe('a new day said at the SMS code offer (newcomer run v8, SM04)', function () {
  this.timeout(400_000);

  const cases = [
    { locale: 'en' as const, book: 'i need to get bloodwork done, can i book a lab visit', self: '1', when: 'wednesday morning', change: 'hmm actually lets do friday instead', day: /Friday, June 6/, offer: 'Text me a code', notNow: '2', link: /when=2025-06-06&time=morning/ },
    { locale: 'es' as const, book: 'necesito una cita de laboratorio para unos analisis', self: '1', when: 'el miercoles en la mañana', change: 'ay no, mejor el viernes', day: /viernes, 6 de junio/, offer: 'Envíenme un código', notNow: '2', link: /when=2025-06-06&time=morning/ },
  ];

  for (const c of cases) {
    it(`SMS ${c.locale}: the day is changed and the offer asked again; the link then has the new day`, async () => {
      const chat = await realChat('sms', { locale: c.locale, from: { id: ALEX.phone } });
      await chat.say(c.book);
      await chat.say(c.self);
      const offer = await chat.say(c.when);
      assert.equal(choicesOf(offer).length, 2, textOf(offer));
      const changed = await chat.say(c.change);
      assert.match(textOf(changed), c.day, textOf(changed));
      assert.deepEqual(choicesOf(changed), choicesOf(offer), textOf(changed));
      const portal = textOf(await chat.say(c.notNow));
      assert.match(portal, c.link, portal);
    });
  }
});
