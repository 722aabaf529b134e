import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * A task asked for by a member who says they cannot get into their account (newcomer run v13,
 * YZ14: "necesito refill de mi medicina pero no puedo entrar a mi account" got "inicie sesión en el
 * portal"): the sign-in-trouble help with the task named, never "sign in first".
 */
describe('a task with "I can\'t get in": sign-in trouble help, not "sign in first" (newcomer run v13, YZ14)', function () {
  this.timeout(300_000);

  const cases: Array<['en' | 'es', string]> = [
    ['es', 'necesito refill de mi medicina pero no puedo entrar a mi account'],
    ['es', 'quiero ver mis citas pero no puedo entrar al portal, me dice contraseña incorrecta'],
    ['en', 'i need to refill my metformin but i cant get into my account'],
    ['en', 'when is my next appointment? i forgot my password so i cant sign in'],
    ['es', 'cuando es mi proxima cita? no me acuerdo de mi contraseña'],
  ];
  for (const [locale, ask] of cases) {
    it(`webchat (${locale}): "${ask}"`, async () => {
      const chat = await realChat('webchat', { locale });
      const text = textOf(await chat.say(ask));
      assert.doesNotMatch(text, /sign in to the portal and open this chat|inicie sesión en el portal y abra este chat/, text);
      assert.match(text, locale === 'es' ? /no puede entrar/ : /can't get in/, text);
      assert.match(text, locale === 'es' ? /contraseña/ : /password/, text);
    });
  }
});
