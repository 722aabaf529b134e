import assert from 'node:assert/strict';
import { choicesOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * "No / don't / wait" with another request at "Book …?" (newcomer run v10, WM08 on Web Chat: "wait
 * actually dont. cancel my own video visit w dr chen instead" became "Book a video visit … for
 * Sam?"): the confirmation stops, nothing is booked, and the new request is routed in the member's
 * words. A change is a change only when it adjusts the same booking. Real recognizer.
 */
describe('another request at the booking confirmation (WM08)', function () {
  this.timeout(180_000);

  async function atConfirm(locale: 'en' | 'es') {
    const chat = await signedInChat(ALEX.memberId, { locale });
    await chat.say(locale === 'en' ? 'i need to book an appointment for my dad sam' : 'necesito una cita para mi papá sam');
    await chat.say(locale === 'en' ? 'primary care' : 'atención primaria');
    await chat.say(locale === 'en' ? 'in person' : 'en persona');
    const times = await chat.say(locale === 'en' ? 'asap' : 'lo antes posible');
    const confirm = textOf(await chat.say(choicesOf(times)[0]!));
    assert.match(confirm, locale === 'en' ? /Book an in-person visit .* for Sam\?/ : /¿Reservar una consulta en persona .*Sam\?/, confirm);
    return chat;
  }

  it('Web Chat English: "wait actually dont. cancel my own video visit w dr chen instead" books nothing and goes to cancelling', async () => {
    const chat = await atConfirm('en');
    const reply = textOf(await chat.say('wait actually dont. cancel my own video visit w dr chen instead'));
    assert.doesNotMatch(reply, /Book an? /, reply);
    assert.match(reply, /haven't booked/, reply);
    assert.match(reply, /Cancel the video visit .* with Dr\. Maya Chen \(Primary care follow-up\)\?|Which appointment do you want to cancel\?/, reply);
  });

  it('Web Chat Spanish: "no espera, mejor cancela mi cita por video con la dra chen" books nothing and goes to cancelling', async () => {
    const chat = await atConfirm('es');
    const reply = textOf(await chat.say('no espera, mejor cancela mi cita por video con la dra chen'));
    assert.doesNotMatch(reply, /¿Reservar/, reply);
    assert.match(reply, /no reservé/i, reply);
    assert.match(reply, /¿Cancelar la consulta por video .*Chen \(Seguimiento de atención primaria\)\?|¿Qué cita/, reply);
  });

  it('Web Chat, both languages: a plain "cancel my appointment instead" at "Book …?" books nothing and asks which visit to cancel', async () => {
    const en = textOf(await (await atConfirm('en')).say('no dont book that, i need to cancel my appointment instead'));
    assert.match(en, /haven't booked/, en);
    assert.match(en, /Which appointment do you want to cancel\?|Cancel the /, en);
    const es = textOf(await (await atConfirm('es')).say('mejor no, cancela mi cita'));
    assert.doesNotMatch(es, /¿Reservar/, es);
    assert.match(es, /¿Qué cita|¿Cancelar la /, es);
  });
});
