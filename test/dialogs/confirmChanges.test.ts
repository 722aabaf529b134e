import assert from 'node:assert/strict';
import { choicesOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * A change asked for at "Book …?" (newcomer run v6, WG01 on Web Chat: "make it a video visit
 * instead" got "I don't have that among these choices", and "no i want video" ended the booking):
 * the change is made and the confirmation asked again, or the open times that fit it are offered;
 * a no said with a change is that change. Real recognizer; sentences differ from the run's.
 */
describe('a change asked for at the booking confirmation (WG01)', function () {
  this.timeout(180_000);

  it('Web Chat English: another mode, another clinician and a later time each change the visit; never "not booked"', async () => {
    const chat = await signedInChat(ALEX.memberId);
    await chat.say('can you get me in with my doctor');
    await chat.say('In person');
    await chat.say('As soon as possible');
    assert.match(textOf(await chat.say('2:00 PM with dr chen')), /Book an in-person visit on Fri, Jun 6, 2:00 PM with Dr\. Maya Chen\?/);
    const video = textOf(await chat.say('hmm could we switch that to a video call'));
    assert.doesNotMatch(video, /don't have that among these choices|haven't booked/, video);
    assert.match(video, /Book a video visit on Fri, Jun 6, 2:00 PM with Dr\. Maya Chen\?/, video);
    const phone = textOf(await chat.say('nope, over the phone would be better'));
    assert.match(phone, /Book a phone visit on Fri, Jun 6, 2:00 PM with Dr\. Maya Chen\?/, phone);
    const other = await chat.say('hmm what about haddad');
    assert.doesNotMatch(textOf(other), /haven't booked/, textOf(other));
    assert.ok(/Dr\. Omar Haddad\?/.test(textOf(other)) || choicesOf(other).every((c) => !/Maya Chen/.test(c)), `${textOf(other)} ${choicesOf(other).join(' | ')}`);
    const later = await chat.say('something later in the day please');
    assert.match(textOf(later), /open times/, textOf(later));
    const times = choicesOf(later).filter((c) => /·/.test(c));
    assert.ok(times.length > 0, choicesOf(later).join(' | '));
    assert.ok(times.every((c) => !/Fri, Jun 6, (?:9:00|10:30) AM/.test(c)), times.join(' | '));
  });

  it('Web Chat Spanish: "por videollamada" and "no, por teléfono" change the visit and ask again', async () => {
    const chat = await signedInChat(ALEX.memberId, { locale: 'es' });
    await chat.say('quiero una cita con mi doctora');
    await chat.say('En persona');
    await chat.say('Lo antes posible');
    assert.match(textOf(await chat.say('la de las 2:00 con la dra chen')), /¿Reservar una consulta en persona el vie, 6 de jun, 2:00 p\.\s?m\. con Dr\. Maya Chen\?/);
    const video = textOf(await chat.say('oiga, mejor que sea por videollamada'));
    assert.doesNotMatch(video, /no reservé nada|No tengo eso/, video);
    assert.match(video, /¿Reservar una consulta por video el vie, 6 de jun, 2:00 p\.\s?m\. con Dr\. Maya Chen\?/, video);
    const phone = textOf(await chat.say('no, prefiero que me llamen por telefono'));
    assert.match(phone, /¿Reservar una consulta por teléfono el vie, 6 de jun, 2:00 p\.\s?m\. con Dr\. Maya Chen\?/, phone);
  });
});
