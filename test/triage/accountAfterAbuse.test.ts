import assert from 'node:assert/strict';
import { assertChannelRules, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * Newcomer run v10 (WM12): after a disclosure of a partner's violence, "how do i make sure he cant
 * see my new address in the portal, he knows my password" got the hotline paragraph again, word for
 * word. Keeping the person out of the account is answered: a new password from a safe device,
 * signing out elsewhere, a confidential communications request, a safe way to be reached, with the
 * hotline after it. Real triage and recognizer; the sentences are not the run's.
 */
describe('after a disclosure, keeping the abuser out of the account (pipeline/followUpReading.ts account)', function () {
  this.timeout(90_000);
  const cases = [
    { channelId: 'webchat', locale: 'en', disclosure: 'my boyfriend hits me when he drinks and i am leaving him', account: 'he has my login for the app, how do i stop him reading my messages', answer: /change your portal password/, hotline: /1-800-799-7233/ },
    { channelId: 'sms', locale: 'en', disclosure: 'my wife slaps me and threatens me, i moved out', account: 'she still knows my password. how do i change it so she cant get in', answer: /change your portal password/, hotline: /1-800-799-7233/ },
    { channelId: 'webchat', locale: 'es', disclosure: 'mi esposo me golpea y me voy a ir de la casa', account: 'el sabe mi contraseña del portal, que hago para que no vea mi nueva direccion', answer: /cambie su contraseña del portal/, hotline: /1-800-799-7233/ },
    // Newcomer run v11 (XQ12): "el puede ver mis cosas del seguro?" got the hotline paragraph again.
    { channelId: 'sms', locale: 'es', disclosure: 'necesito cambiar mi direccion, me fui de la casa porque mi esposo me pega', account: 'tengo miedo q me encuentre. el puede ver mis cosas del seguro?', answer: /cambie su contraseña del portal/, hotline: /1-800-799-7233/ },
    { channelId: 'webchat', locale: 'es', disclosure: 'mi pareja me golpea y me da miedo volver a la casa', account: '¿puede mi pareja entrar a mi cuenta o ver mis citas?', answer: /cambie su contraseña del portal/, hotline: /1-800-799-7233/ },
    { channelId: 'msteams', locale: 'en', disclosure: 'my husband hits me and i left last week', account: 'can he see my insurance stuff? he is still on my plan', answer: /change your portal password/, hotline: /1-800-799-7233/ },
  ] as const;

  for (const c of cases) {
    it(`${c.channelId} ${c.locale}: how to keep them out of the account, then the hotline; not the same paragraph`, async () => {
      const chat = await realChat(c.channelId, { locale: c.locale });
      const first = textOf(await chat.say(c.disclosure));
      assert.match(first, c.hotline);
      const replies = await chat.say(c.account);
      const text = textOf(replies);
      assert.match(text, c.answer);
      assert.match(text, c.hotline);
      assert.notEqual(text.trim(), first.trim());
      assertChannelRules(c.channelId, replies);
    });
  }
});
