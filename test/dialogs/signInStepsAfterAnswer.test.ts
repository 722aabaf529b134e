import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Follow-up run 9, item 2 (Teams and Web Chat, the real recognizer): "how do i do that" right
 * after a sign-in help answer gets that answer's own steps, never the general "sign in if it asks"
 * (the member cannot sign in).
 */
describe('"how do I do that?" after a sign-in help answer: its own steps (follow-up run 9)', function () {
  this.timeout(120_000);

  const cases: Array<['en' | 'es', string, string, RegExp]> = [
    ['en', 'i forgot my password', 'how do i do that', /Step by step: 1\. Open the reset page/],
    ['es', 'olvidé mi contraseña', 'como hago eso', /Paso a paso: 1\. Abra la página para restablecer/],
    ['en', 'my account is locked', 'how do i do that?', /Step by step: 1\. Open the unlock page/],
    ['es', 'mi cuenta esta bloqueada', '¿cómo lo hago?', /Paso a paso: 1\. Abra la página para desbloquear/],
  ];
  for (const channel of ['webchat', 'msteams'] as const) {
    for (const [locale, first, ask, steps] of cases) {
      it(`${channel} (${locale}): "${first}" then "${ask}"`, async () => {
        const chat = await realChat(channel, { locale });
        await chat.say(first);
        const text = textOf(await chat.say(ask));
        assert.match(text, steps);
        assert.doesNotMatch(text, /sign in if it asks|inicie sesión si se lo pide/, text);
      });
    }
  }
});
