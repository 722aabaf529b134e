import assert from 'node:assert/strict';
import { choicesOf, textOf } from '../support/chat';
import { ALEX, type MemberChat } from '../support/identity';
import { realChat, signedInChat } from './memberWords';

/**
 * A yes/no confirmation (refill, book, cancel) is never answered "no" by a reply that is neither
 * (newcomer run v5, SF12: "cual farmacia?" got "no pedí ningún surtido"): a question about what is
 * confirmed is answered and the same confirmation asked again; a clear new request drops it, said
 * in a few words; anything else asks again with the buttons. Sentences differ from the run's.
 */
describe('a question asked back at a yes/no confirmation is answered, and the confirmation asked again', function () {
  this.timeout(300_000);

  async function smsRefillConfirm(opening: string): Promise<MemberChat> {
    const chat = await realChat('sms', { from: { id: ALEX.phone } });
    await chat.say(opening);
    const code = /\b(\d{6})\b/.exec(textOf(await chat.say('1')))?.[1];
    assert.ok(code, 'a code was sent');
    const confirm = textOf(await chat.say(code));
    assert.match(confirm, /^(Refill|¿Surtir) Levothyroxine/m, confirm);
    return chat;
  }

  for (const [opening, asked, answer, again, notDone] of [
    ['please order a refill for me', 'wait, at what pharmacy would that be', /goes to Evergreen Pharmacy Downtown/, /^Refill Levothyroxine/m, /haven't asked for a refill/],
    ['quiero pedir un surtido de mi receta', 'y en que farmacia seria?', /Va a Evergreen Pharmacy Downtown/, /^¿Surtir Levothyroxine/m, /no pedí ningún surtido/],
    ['please order a refill for me', 'hmm what would i pay for it', /copay for this medicine/, /^Refill Levothyroxine/m, /haven't asked for a refill/],
    ['quiero pedir un surtido de mi receta', 'cuanto tiempo se tardan?', /estado del pedido/, /^¿Surtir Levothyroxine/m, /no pedí ningún surtido/],
  ] as const) {
    it(`SMS refill: "${asked}"`, async () => {
      const chat = await smsRefillConfirm(opening);
      const replies = await chat.say(asked);
      const text = textOf(replies);
      assert.match(text, answer, text);
      assert.match(text, again, text);
      assert.doesNotMatch(text, notDone, text);
      assert.ok(choicesOf(replies).length === 2, choicesOf(replies).join(' / '));
      // …and the yes that follows is still a yes.
      assert.match(textOf(await chat.say(/Refill/.test(text) ? 'yes' : 'sí')), /I've asked .* to refill|le pedí a .* que surta/);
    });
  }

  for (const [locale, said, notDone] of [
    ['en', 'umm not sure', /haven't asked for a refill/],
    ['es', 'mmm, déjeme pensarlo', /no pedí ningún surtido/],
  ] as const) {
    it(`SMS refill (${locale}): a reply that is neither is asked again with the buttons, never taken as no`, async () => {
      const chat = await smsRefillConfirm(locale === 'en' ? 'please order a refill for me' : 'quiero pedir un surtido de mi receta');
      const text = textOf(await chat.say(said));
      assert.doesNotMatch(text, notDone, text);
      assert.match(text, /Levothyroxine/, text);
    });
  }

  for (const [locale, asked, answer, again] of [
    ['en', 'which office is that one at?', /The visit is at /, /^Cancel the in-person visit/m],
    ['es', '¿y eso dónde queda?', /La cita es en /, /^¿Cancelar la consulta en persona/m],
  ] as const) {
    it(`Web Chat cancel (${locale}): "${asked}"`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale });
      assert.match(textOf(await chat.say(locale === 'en' ? 'please cancel my lab appointment' : 'cancela mi cita de laboratorio')), /Cancel|Cancelar/);
      const text = textOf(await chat.say(asked));
      assert.match(text, answer, text);
      assert.match(text, again, text);
      assert.doesNotMatch(text, /haven't cancelled|no cancelé|go back to|seguir con/i, text);
    });
  }

  for (const [locale, said, dropped] of [
    ['en', 'actually, how do I pay my bill online?', /haven't cancelled anything/],
    ['es', 'oiga, ¿cómo pago mi factura en línea?', /no cancelé nada/],
  ] as const) {
    it(`Web Chat cancel (${locale}): a new request drops the confirmation, says so, and is answered`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale });
      await chat.say(locale === 'en' ? 'please cancel my lab appointment' : 'cancela mi cita de laboratorio');
      const replies = await chat.say(said);
      const text = textOf(replies);
      assert.match(text, dropped, text);
      assert.doesNotMatch(text, /go back to|seguir con/i, text);
    });
  }
});
