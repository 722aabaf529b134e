import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { say } from './replyChecks';

/**
 * Right after the help for a sign-in code that does not arrive, "it is sent and nothing" (newcomer
 * run v8: WM18 on Web Chat) says the code still does not come, whatever task the recognizer hears
 * in its verb of sending: the code's next steps, not another topic's menu. Through the whole bot
 * with the real recognizer; sentences differ from the run's.
 */

const CASES = [
  { locale: 'en' as const, start: 'i cant log in', code: 'the verification code never comes', after: 'they email it to me and nothing', text: 'The sign-in code comes from the sign-in page' },
  { locale: 'es' as const, start: 'no puedo iniciar sesion', code: 'el codigo no me llega', after: 'me lo envian al correo y nada', text: 'El código para iniciar sesión viene de la página' },
];

describe('a code sent and nothing came, right after the code help, is about the code (WM18)', function () {
  this.timeout(120_000);
  for (const c of CASES) {
    it(`webchat ${c.locale}: "${c.after}"`, async () => {
      const chat = await realChat('webchat', { locale: c.locale });
      await say(chat, 'webchat', c.start);
      await say(chat, 'webchat', c.code);
      const replies = textOf(await say(chat, 'webchat', c.after));
      assert.ok(replies.includes(c.text), replies);
    });
  }
});
