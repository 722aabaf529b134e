import assert from 'node:assert/strict';
import { IdentityCommands } from '../../../identity/bot/commands';

describe('a sign-out that ends a message (identity/bot/closingSignOut.ts, through commands.json)', () => {
  const commands = IdentityCommands.load();

  it('the last clause, after a thanks, a goodbye or a "forget it", signs out in its language', () => {
    for (const text of ['forget it. sign out', 'ugh ok ill just call them. thx sign out', "ok i'll call them tomorrow thanks sign me out", 'thanks, log me out', 'ok bye, sign me out please', 'nvm log me out', 'log me out. thanks, bye!']) {
      assert.equal(commands.match(text, 'signOut'), 'en', text);
    }
    for (const text of ['ya, cierra mi sesión', 'gracias, cerrar sesión', 'olvídalo, mejor llamo yo. cierra mi sesión', 'no importa lo llamo mañana gracias cerrar sesion', '¡gracias! ¿cierra mi sesión?']) {
      assert.equal(commands.match(text, 'signOut'), 'es', text);
    }
  });

  it('a question or a problem about signing out, a sign-out taken back, or one in the middle is not one', () => {
    for (const text of ['how do I sign out of the app', "I signed out and now can't get back in", 'how do i sign out? thanks', 'thanks. how do i log out of the portal?', "thanks i can't log out", 'sign out. never mind', 'sign out. and what is my deductible', '¿cómo cierro sesión en la aplicación?', 'gracias. no puedo cerrar sesión en la app', 'thanks for showing me how to sign out']) {
      assert.equal(commands.match(text, 'signOut'), null, text);
    }
  });

  it('whole-message commands are unchanged', () => {
    assert.equal(commands.match('Sign out', 'signOut'), 'en');
    assert.equal(commands.match('Cerrar sesión', 'signOut'), 'es');
    assert.equal(commands.match('thanks, forget me', 'forget'), null);
  });
});
