import assert from 'node:assert/strict';
import { textOf } from '../../support/chat';
import { ALEX, codeIn, MemberChat } from '../../support/identity';

const NOT_SIGNED_IN = { en: /You weren't signed in here/, es: /No había iniciado sesión aquí/ };
const SIGNED_OUT = { en: /You're signed out/, es: /Cerró la sesión/ };

/** A sign-out or forget-me keeps the conversation's language unless the message is clearly in the other one. */
describe('identity commands answer in the conversation\'s language', () => {
  for (const channelId of ['webchat', 'sms'] as const) {
    const from = channelId === 'sms' ? { from: { id: ALEX.phone } } : {};

    it(`${channelId}, not signed in: "sign out", "sign out gracias", "log me out pls" in a Spanish conversation are answered in Spanish`, async () => {
      for (const text of ['sign out', 'sign out gracias', 'log me out pls', 'logout']) {
        const chat = new MemberChat({ channelId, ...from });
        await chat.open('hola');
        if (channelId === 'webchat') await chat.say('hola');
        const out = textOf(await chat.say(text));
        assert.match(out, NOT_SIGNED_IN.es, text);
      }
    });

    it(`${channelId}, not signed in: "cierra mi sesión" in an English conversation is answered in Spanish, and the conversation follows`, async () => {
      const chat = new MemberChat({ channelId, ...from });
      await chat.open('hi');
      if (channelId === 'webchat') await chat.say('hi');
      assert.match(textOf(await chat.say('cierra mi sesión')), NOT_SIGNED_IN.es);
      assert.match(textOf(await chat.say('sign out')), NOT_SIGNED_IN.es, 'the conversation is now in Spanish');
    });

    it(`${channelId}, signed in: an English sign-out in a Spanish conversation signs out in Spanish; a Spanish one in an English conversation too`, async () => {
      for (const [opening, text] of [['hola', 'log me out pls'], ['hi', 'cerrar sesión']] as const) {
        const chat = new MemberChat({ channelId, ...from });
        if (channelId === 'webchat') {
          await chat.open();
          await chat.say(opening);
          await chat.signIn(ALEX.memberId);
        } else {
          // Signed in by a one-time code (in English), then the conversation turns to the opening's language.
          await chat.open('Prescription refills');
          await chat.say('1');
          await chat.say(codeIn(await chat.say('1'))!);
          await chat.say(opening === 'hola' ? 'hola, gracias' : 'hi');
        }
        assert.match(textOf(await chat.say(text)), SIGNED_OUT.es, `${opening} / ${text}`);
      }
    });

    it(`${channelId}: "forget me" and its yes in a Spanish conversation are answered in Spanish; in English in an English one`, async () => {
      for (const [opening, locale] of [['hola', 'es'], ['hi', 'en']] as const) {
        const chat = new MemberChat({ channelId, ...from });
        await chat.open(opening);
        if (channelId === 'webchat') await chat.say(opening);
        const asked = textOf(await chat.say('forget me'));
        assert.match(asked, locale === 'es' ? /Esto borra lo que guardo/ : /This deletes what I keep/, opening);
        const done = textOf(await chat.say('yes'));
        assert.match(done, locale === 'es' ? /Listo: borré/ : /Done: I've deleted/, opening);
      }
    });
  }
});
