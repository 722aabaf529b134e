import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';

const REAL = { understanding: undefined, emergencyCheck: undefined };

/**
 * Moving a visit to the day it is already on (newcomer run v11, XQ05, Teams, signed in): "can i
 * move my video visit to thursday" for the visit on Thursday sent the member to the portal
 * "looking for Thursday". It is said that the visit is already that day, with its time, and a
 * different time that day or another day is asked. Alex's video visit: Tue Jun 10, 3:00 PM.
 */
describe('moving a visit to its own day says it is already then (newcomer run v11, XQ05)', function () {
  this.timeout(300_000);

  const cases = [
    { es: false, ask: 'can i move my video visit to tuesday', said: /already on that day/, when: /Tue, Jun 10, 3:00 PM/ },
    { es: false, ask: 'i need to move my video appointment to june 10', said: /already on that day/, when: /Tue, Jun 10, 3:00 PM/ },
    { es: true, ask: 'puedo cambiar mi cita de video para el martes', said: /ya es ese día/, when: /mar, 10 de jun, 3:00 p\.\s?m\./ },
  ];

  for (const c of cases) {
    it(`Teams ${c.es ? 'es' : 'en'}: "${c.ask}"`, async () => {
      const chat = new MemberChat({ channelId: 'msteams', locale: c.es ? 'es-US' : 'en-US', from: { id: '29:alex', aadObjectId: ALEX.teams }, overrides: REAL });
      await chat.open(c.es ? 'hola' : 'hi');
      const text = textOf(await chat.say(c.ask));
      assert.match(text, c.said, text);
      assert.match(text, c.when, text);
      assert.doesNotMatch(text, /looking for|buscando/i, text);
    });
  }
});
