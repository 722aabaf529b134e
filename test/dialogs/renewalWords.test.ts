import assert from 'node:assert/strict';
import { choicesOf, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat, signedInChat } from './memberWords';

/**
 * "No refills left" goes straight to the renewal answer, for the medicine named (newcomer run v4:
 * TD10, WC05): not the prescription menu, not its pickup status alone, not another medicine.
 * Sentences differ from the run's.
 */
describe('no refills left: the renewal answer for that medicine', function () {
  this.timeout(60_000);

  const teams = (locale: 'en' | 'es') => realChat('msteams', { locale, from: { id: '29:alex', aadObjectId: ALEX.teams } });

  for (const [locale, said, renew] of [
    ['en', 'the label on my inhaler says 0 refills, now what', /ask your care team to renew your Albuterol HFA inhaler/],
    ['es', 'mi inhalador dice 0 surtidos, que hago', /renueve su Albuterol HFA inhalador/],
  ] as const) {
    it(`Teams (${locale}): "${said}"`, async () => {
      const chat = await teams(locale);
      const replies = await chat.say(said);
      const text = textOf(replies);
      assert.match(text, renew, text);
      assert.ok(!choicesOf(replies).some((c) => /Check status|Ver el estado/.test(c)), `a menu: ${text}`);
    });
  }

  for (const [locale, said, renew] of [
    // The record shows a refill left on the amlodipine: that count, not a renewal (the label may be older; v15 care15).
    ['en', 'my amlodipine is out of refills', /your Amlodipine 5 mg tablet still has \d+ refills? left/],
    ['es', 'se me acabaron los surtidos de la amlodipina', /a su Amlodipine 5 mg tableta todavía le quedan \d+ surtidos?/],
  ] as const) {
    it(`Web Chat, signed in (${locale}): "${said}" is about the amlodipine`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale });
      const text = textOf(await chat.say(said));
      assert.match(text, renew, text);
      assert.doesNotMatch(text, /Albuterol/, text);
    });
  }
});
