import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { signedInChat } from './memberWords';

/**
 * Refill and renewal follow-ups and confirmations in the member's words (newcomer run v15).
 * Real recognizer and dialogs, signed in.
 */
describe('a short yes at the all-medicines refill confirmation stays English (v15, ask15c)', function () {
  this.timeout(120_000);

  for (const yes of ['ya', 'yah', 'yep', 'yea']) {
    it(`en: "${yes}" at "Refill all of these?" sends both refills, in English`, async () => {
      const chat = await signedInChat('EH1000002', { locale: 'en' });
      await chat.say('refill pls');
      const confirm = textOf(await chat.say('both'));
      assert.match(confirm, /Refill all of these/, confirm);
      const done = textOf(await chat.say(yes));
      assert.equal((done.match(/Done: I've asked/g) ?? []).length, 2, done);
      assert.doesNotMatch(done, /Todavía|surtido/, done);
    });
  }
});

describe('asking the chat to send the renewal to the doctor after a refill answer (v15, YX11)', function () {
  this.timeout(120_000);

  for (const c of [
    { locale: 'en' as const, open: 'my blood pressure med says 0 refills left??', ask: 'weird the lisinopril bottle says 0 refills. can u send it to my doctor anyway' },
    { locale: 'en' as const, open: 'my blood pressure med says 0 refills left??', ask: 'can u send it to my doctor' },
    { locale: 'es' as const, open: 'mi medicina de la presion dice 0 refills', ask: 'puedes mandarselo a mi doctor?' },
  ]) {
    it(`${c.locale}: "${c.ask}" gets what the chat can do, not "You don't need the portal"`, async () => {
      const chat = await signedInChat('EH1000001', { locale: c.locale });
      await chat.say(c.open);
      const text = textOf(await chat.say(c.ask));
      assert.doesNotMatch(text, /don't need the portal|No necesita el portal/i, text);
      assert.match(text, c.locale === 'es' ? /no puedo enviar la solicitud de renovación/ : /can't send the renewal request from this chat/, text);
      if (/lisinopril/.test(c.ask)) assert.match(text, /record shows your Lisinopril[^\n]*has 3 refills left[^\n]*label may be older/, text);
    });
  }
});

describe('a medicine named alone after its bottle said 0 refills (v15)', function () {
  this.timeout(120_000);

  for (const c of [
    { locale: 'en' as const, open: 'my bottle says 0 refills left, i need a renewal', name: 'lisinopril' },
    { locale: 'es' as const, open: 'el frasco dice 0 surtidos, necesito renovarla', name: 'lisinopril' },
  ]) {
    it(`${c.locale}: "${c.name}" gets the record's refills and that the label may be older`, async () => {
      const chat = await signedInChat('EH1000001', { locale: c.locale });
      await chat.say(c.open);
      const text = textOf(await chat.say(c.name));
      assert.match(text, c.locale === 'es' ? /expediente muestra que a su Lisinopril[^\n]*le quedan 3 surtidos[^\n]*etiqueta/ : /record shows your Lisinopril[^\n]*has 3 refills left[^\n]*label may be older/, text);
      assert.doesNotMatch(text, /renew your Lisinopril|renueve su Lisinopril/, text);
    });
  }
});
