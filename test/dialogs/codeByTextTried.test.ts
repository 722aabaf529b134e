import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { MemberChat } from '../support/identity';

const REAL = { understanding: undefined, emergencyCheck: undefined };

/**
 * A texted code that never comes, after the unlock steps were tried (newcomer run v14, YZ03, SMS
 * en): "i tried that already the code never comes to my phone" got "Since the e-mail still doesn't
 * come, spam folder included: … ask for the code by text message instead". Now a code named as
 * coming to the phone gets the texted code's checks (number on file, signal, short codes, a new
 * code, Member Services), in English and Spanish.
 */
describe('a texted code that never comes gets the checks for a text, not an e-mail (newcomer run v14, YZ03)', function () {
  this.timeout(300_000);

  for (const { es, first, then } of [
    { es: false, first: 'cant log in to the portal it says my account is locked', then: 'i tried that already the code never comes to my phone' },
    { es: true, first: 'no puedo entrar al portal dice que mi cuenta esta bloqueada', then: 'ya lo intente y no me llega el codigo al cel' },
  ]) {
    it(`sms ${es ? 'es' : 'en'}: "${then}"`, async () => {
      const chat = new MemberChat({ channelId: 'sms', locale: es ? 'es-US' : 'en-US', from: { id: '+15551317532' }, overrides: REAL });
      await chat.open(es ? 'hola' : undefined);
      await chat.say(first);
      const text = textOf(await chat.say(then));
      assert.match(text, es ? /número de teléfono registrado/ : /phone number on file/, text);
      assert.match(text, es ? /códigos cortos/ : /short codes/, text);
      assert.match(text, /1-800-555-0100/, text);
      assert.doesNotMatch(text, es ? /correo sigue sin llegar|spam/i : /e-mail still doesn't come|spam/i, text);
    });
  }
});
