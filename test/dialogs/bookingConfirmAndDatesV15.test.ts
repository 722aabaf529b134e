import assert from 'node:assert/strict';
import { choicesOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * Newcomer run v15: a question at "Book …?" about the clinician or the way of being seen is
 * answered and the confirmation asked again, never read as a no (YW05); a weekday said with a date
 * ("la del martes 17") is that date, not the next such weekday (today Thu Jun 5; Alex's visits: Tue
 * Jun 10, video, Dr. Chen, and Tue Jun 17, lab). Real recognizer and dialogs.
 */
describe('booking confirmation questions and a weekday with a date (v15 YW05)', function () {
  this.timeout(300_000);

  const asks = [
    { locale: 'en' as const, opening: 'can i get a dermatologist appointment, mornings', mode: 'in person', pick: 'tue 9am', asked: 'is dr haddad a dermatologist tho?', answer: /don't have Dr\. Omar Haddad's specialty/, again: /^Book an in-person visit/m },
    { locale: 'en' as const, opening: 'can i get a dermatologist appointment, mornings', mode: 'in person', pick: 'tue 9am', asked: 'does he speak spanish?', answer: /specialty or languages/, again: /^Book an in-person visit/m },
    { locale: 'en' as const, opening: 'can i get a dermatologist appointment, mornings', mode: 'in person', pick: 'tue 9am', asked: 'is it in person?', answer: /The visit is at Evergreen/, again: /^Book an in-person visit/m },
    { locale: 'es' as const, opening: 'quiero una cita con dermatologia en la mañana', mode: 'en persona', pick: '1', asked: '¿es dermatólogo?', answer: /no tengo la especialidad ni los idiomas de Dr\. Omar Haddad/, again: /^¿Reservar una consulta en persona/m },
    { locale: 'es' as const, opening: 'quiero una cita con dermatologia en la mañana', mode: 'en persona', pick: '1', asked: 'y habla español el doctor?', answer: /especialidad ni los idiomas/, again: /^¿Reservar una consulta en persona/m },
  ];
  for (const c of asks) {
    it(`Web Chat ${c.locale}: "${c.asked}" at the booking confirmation is answered and asked again`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale });
      await chat.say(c.opening);
      await chat.say(c.mode);
      await chat.say(c.locale === 'en' ? 'myself' : 'para mí');
      const confirm = textOf(await chat.say(c.pick));
      assert.match(confirm, c.again, confirm);
      const replies = await chat.say(c.asked);
      const text = textOf(replies);
      assert.match(text, c.answer, text);
      assert.match(text, c.again, text);
      assert.doesNotMatch(text, /haven't booked|no reservé|reach us|person from our team/i, text);
      assert.equal(choicesOf(replies).length, 2, choicesOf(replies).join(' / '));
      assert.match(textOf(await chat.say(c.locale === 'en' ? 'yes' : 'sí')), /You're booked|Listo|reserv/i);
    });
  }

  for (const c of [
    { locale: 'es' as const, said: 'reprogramar la del martes 17', visit: /17 de jun/, not: /10 de jun/ },
    { locale: 'es' as const, said: 'quiero cambiar la cita del martes 10', visit: /10 de jun/, not: /17 de jun/ },
    { locale: 'en' as const, said: 'reschedule my tue the 17th visit', visit: /Jun 17/, not: /Jun 10/ },
  ]) {
    it(`Web Chat ${c.locale}: "${c.said}" is the visit on that date`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale });
      const text = textOf(await chat.say(c.said));
      assert.match(text, c.visit, text);
      assert.doesNotMatch(text, c.not, text);
    });
  }

  it('Web Chat es: a weekday and a date that disagree while moving are asked about, not guessed', async () => {
    const chat = await signedInChat(ALEX.memberId, { locale: 'es' });
    await chat.say('quiero cambiar mi cita de laboratorio');
    const text = textOf(await chat.say('el jueves 24'));
    assert.match(text, /no coinciden/, text);
    assert.doesNotMatch(text, /página para cambiar/, text);
  });
});
