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
