import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { signedInChat } from './memberWords';

/**
 * Refill choices in the member's words (newcomer run v15). Real recognizer and dialogs, signed in.
 */
describe('"both" at "Which one should I refill?" (newcomer run v15, YW11)', function () {
  this.timeout(120_000);

  for (const c of [
    { locale: 'en' as const, open: 'refill pls', all: 'both', yes: 'yeah', confirm: /Refill all of these/ },
    { locale: 'en' as const, open: 'refill pls', all: 'all of them', yes: 'yes', confirm: /Refill all of these/ },
    { locale: 'es' as const, open: 'quiero surtir mi receta', all: 'las dos', yes: 'sí', confirm: /Surtir todas estas/ },
    { locale: 'es' as const, open: 'quiero surtir mi receta', all: 'ambas', yes: 'sí', confirm: /Surtir todas estas/ },
  ]) {
    it(`${c.locale}: "${c.all}" confirms both medicines together and asks for each`, async () => {
      const chat = await signedInChat('EH1000002', { locale: c.locale });
      const pick = textOf(await chat.say(c.open));
      assert.match(pick, /Which one should I refill|¿Cuál quiere que surta/, pick);
      const confirm = textOf(await chat.say(c.all));
      assert.doesNotMatch(confirm, /couldn't tell|No entendí cuál/, confirm);
      assert.match(confirm, c.confirm, confirm);
      assert.match(confirm, /Omeprazol/, confirm);
      assert.match(confirm, /Cetiriz/, confirm);
      const done = textOf(await chat.say(c.yes));
      assert.equal((done.match(/Done: I've asked|Listo: le pedí/g) ?? []).length, 2, done);
      assert.match(done, /Omeprazol/, done);
      assert.match(done, /Cetiriz/, done);
    });
  }
});

describe('a medicine named in a renewal question after a refill is checked on the member list (newcomer run v15, YZ05)', function () {
  this.timeout(120_000);

  for (const c of [
    { locale: 'es' as const, refill: 'necesito resurtir mi levotiroxina porfa', yes: 'si', ask: 'y la de lisinopril? creo q ya no me quedan refills, el dr la tiene q renovar?', left: /Lisinopril[^\n]*le quedan 3 surtidos/ },
    { locale: 'es' as const, refill: 'necesito resurtir mi levotiroxina porfa', yes: 'si', ask: 'y el lisinopril, creo que ya no tiene surtidos, mi doctor tiene que renovarlo?', left: /Lisinopril[^\n]*le quedan 3 surtidos/ },
    { locale: 'en' as const, refill: 'i need to refill my levothyroxine pls', yes: 'yes', ask: 'and my lisinopril? i think im out of refills, does the dr have to renew it?', left: /Lisinopril[^\n]*3 refills/ },
  ]) {
    it(`${c.locale}: "${c.ask}" gets the lisinopril's refills from the record, not the running-out advice`, async () => {
      const chat = await signedInChat('EH1000001', { locale: c.locale });
      await chat.say(c.refill);
      await chat.say(c.yes);
      const text = textOf(await chat.say(c.ask));
      assert.doesNotMatch(text, /Si ya casi no le quedan|If you're almost out/, text);
      assert.match(text, c.left, text);
    });
  }
});
