import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * A member without a portal account is told how to create one (the sign-up page, the member ID
 * card), never sent to account recovery (newcomer run v5, WE19). Sentences differ from the run's.
 */
describe('no account yet: the registration answer, not account recovery', function () {
  this.timeout(300_000);

  for (const [locale, before, said, answer] of [
    ['en', 'is my prescription ready?', "i never made an account on the portal", /create your portal account[\s\S]*member ID card/],
    ['en', null, 'how can I register for the member website', /create your portal account[\s\S]*member ID card/],
    ['es', '¿mi receta ya está lista?', 'es que yo no tengo usuario', /crear su cuenta del portal[\s\S]*tarjeta de miembro/],
    ['es', null, 'quiero crear una cuenta en el portal', /crear su cuenta del portal[\s\S]*tarjeta de miembro/],
  ] as const) {
    it(`Web Chat (${locale}): "${said}"${before ? ' after another answer' : ''}`, async () => {
      const chat = await realChat('webchat', { locale });
      if (before) await chat.say(before);
      const replies = await chat.say(said);
      const text = textOf(replies);
      assert.match(text, answer, text);
      assert.doesNotMatch(text, /get back in|volver a entrar|Forgot password|Olvidé mi contraseña/i, text);
      assert.ok(linksOf(replies).some((u) => /\/register/.test(u)), linksOf(replies).join(' '));
    });
  }
});

/** Signing up after the classes answer is signing up for a class (newcomer run v6, SH08). */
describe('signing up after the wellness classes answer: the classes page, not a portal account', function () {
  this.timeout(120_000);

  for (const [channel, locale, classes, signUp] of [
    ['sms', 'en', 'do you have any classes for stress', 'how do i sign up'],
    ['webchat', 'es', '¿tienen clases para dejar de fumar?', '¿y cómo me inscribo?'],
  ] as const) {
    it(`${channel} (${locale}): "${signUp}"`, async () => {
      const chat = await realChat(channel, { locale });
      assert.ok(linksOf(await chat.say(classes)).some((u) => /\/classes/.test(u)));
      const replies = await chat.say(signUp);
      const text = textOf(replies);
      assert.doesNotMatch(text, /create your portal account|crear su cuenta del portal|get back in|volver a entrar/i, text);
      assert.ok(linksOf(replies).some((u) => /\/classes/.test(u)), linksOf(replies).join(' '));
    });
  }
});
