import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat, signedInChat } from './memberWords';

/**
 * Newcomer run v4 (WA11, WA28, TB06): a signed-in member was told their results or balance are
 * on the page "after you sign in". The wording follows who is signed in (portal sign-in on Web
 * Chat, a mapped Teams user); anyone else still hears how to get there.
 */
describe('signed-in members are never told to sign in (newcomer run v4)', function () {
  this.timeout(60_000);

  it('Web Chat, signed in: "can I look at my lab results" has no "after you sign in"', async () => {
    const chat = await signedInChat('EH1000001');
    const text = textOf(await chat.say('can I look at my lab results'));
    assert.match(text, /test results are on the page below/, text);
    assert.doesNotMatch(text, /sign in/i, text);
  });

  it('Web Chat, Spanish, signed in: the balance and the member card without "después de iniciar sesión"', async () => {
    const chat = await signedInChat('EH1000002', { locale: 'es' });
    const balance = textOf(await chat.say('¿cuál es mi saldo pendiente?'));
    assert.match(balance, /saldo/, balance);
    assert.doesNotMatch(balance, /iniciar sesión/, balance);
    const card = textOf(await chat.say('necesito mi tarjeta de miembro'));
    assert.match(card, /tarjeta de miembro/, card);
    assert.doesNotMatch(card, /iniciar sesión/, card);
  });

  it('Teams, a mapped member: results without "after you sign in"', async () => {
    const chat = await realChat('msteams', { from: { id: '29:alex', aadObjectId: ALEX.teams } });
    const text = textOf(await chat.say('where can I see my test results'));
    assert.match(text, /test results are on the page below/, text);
    assert.doesNotMatch(text, /after you sign in/, text);
  });

  it('Web Chat, not signed in: still told the page needs a sign-in', async () => {
    const text = textOf(await (await realChat('webchat')).say('where can I see my test results'));
    assert.match(text, /after you sign in/, text);
  });
});
