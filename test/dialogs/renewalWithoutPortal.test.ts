import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';

const REAL = { understanding: undefined, emergencyCheck: undefined };

/**
 * A renewal for a member who cannot use the portal (newcomer run v11, XP15, Teams es, signed in):
 * after "no refills left, message your care team", "pues mandaselo tu a mi doctor, no se usar el
 * portal" went to sign-in help. The phone way (the pharmacy line, what to have at hand) in the
 * renewal topic, in Spanish and English.
 */
describe('a renewal without the portal gets the phone way, not sign-in help (newcomer run v11, XP15)', function () {
  this.timeout(300_000);

  const cases = [
    { es: true, open: 'hola necesito un refill de mi inhaler albuterol', ask: 'pues mandaselo tu a mi doctor, no se usar el portal' },
    { es: true, open: 'necesito resurtir mi albuterol', ask: 'no tengo computadora, puede usted pedirselo a mi doctor?' },
    { es: false, open: 'i need a refill of my albuterol inhaler', ask: 'can you just send it to my doctor, i cant use the portal' },
    { es: false, open: 'refill my albuterol', ask: 'i dont know how to use the website, can u ask my doctor for me' },
  ];

  for (const c of cases) {
    it(`Teams ${c.es ? 'es' : 'en'}: "${c.ask}"`, async () => {
      const chat = new MemberChat({ channelId: 'msteams', locale: c.es ? 'es-US' : 'en-US', from: { id: '29:alex', aadObjectId: ALEX.teams }, overrides: REAL });
      await chat.open(c.es ? 'hola' : 'hi');
      await chat.say(c.open);
      const text = textOf(await chat.say(c.ask));
      assert.match(text, /1-800-555-0122/, text);
      assert.match(text, c.es ? /renovación/ : /renewal/, text);
      assert.doesNotMatch(text, /volver a entrar|get back in|sign-in|iniciar sesión/i, text);
    });
  }
});
