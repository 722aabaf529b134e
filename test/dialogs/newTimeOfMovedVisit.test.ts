import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * Moving a visit to the very day and time it already has (newcomer run v9: the video visit on
 * Tue, Jun 10, 3:00 PM "moved" to "Tuesday at 3pm" got the portal page for that same time): said,
 * and the new time asked again; in the request or as the answer to "When would you prefer?", in
 * both languages. Another time goes on to the portal as before. Real recognizer, signed in.
 */
describe('a new time that is the visit being moved (newcomer run v9)', function () {
  this.timeout(90_000);

  const SAME = /That's the same time as the visit you're moving|Esa es la misma hora de la cita que quiere cambiar/;
  const WHEN = /When would you prefer to move your video visit|¿Cuándo prefiere cambiar su consulta por video/;

  it('English: "Tuesday at 3pm" for the visit on Tuesday at 3:00 PM, then another time', async () => {
    const chat = await signedInChat(ALEX.memberId);
    await chat.say('move my video visit');
    const same = await chat.say('Tuesday at 3pm');
    assert.match(textOf(same), SAME);
    assert.match(textOf(same), WHEN);
    assert.equal(linksOf(same).length, 0, linksOf(same).join('\n'));
    const other = await chat.say('thursday at 10am');
    assert.match(textOf(other), /looking for Thursday, June 5, 10:00 AM/);
  });

  it('Spanish: "el martes a las 3 de la tarde"', async () => {
    const chat = await signedInChat(ALEX.memberId, { locale: 'es' });
    await chat.say('quiero mover mi cita de video');
    const text = textOf(await chat.say('el martes a las 3 de la tarde'));
    assert.match(text, SAME);
    assert.match(text, WHEN);
  });

  it('English: the same time said in the request itself', async () => {
    const chat = await signedInChat(ALEX.memberId);
    const text = textOf(await chat.say('move my video visit to tuesday at 3pm'));
    assert.match(text, SAME);
    assert.match(text, WHEN);
  });
});
