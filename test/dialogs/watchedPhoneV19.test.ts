import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { say } from './replyChecks';

/**
 * Newcomer run v19 (X12, SMS), through the whole bot with the real recognizer and safety triage: a
 * member disclosed domestic violence, a refill went on, and two turns later "he goes thru my phone
 * at night so i cant have these texts on here" got the full disclosure answer again, with "text
 * START to 88788" (risky when the abuser reads the phone). A phone watched, however it is said and
 * while the disclosure is remembered, gets phone safety (call from a phone they can't check, the
 * hotline's chat, delete the thread), never an invitation to text the hotline. Said with no
 * disclosure before, it is a disclosure of control: the DV answer, 911 first, without the texting line.
 */

type Channel = 'webchat' | 'sms';
type Locale = 'en' | 'es';
const DV_SCRIPT = { en: 'You deserve to be safe', es: 'merece estar a salvo' };
const PHONE_SAFETY = { en: /phone they can't check|delete this thread|clear your browser history/, es: /teléfono que esa persona no revise|borrar esta conversación|borre el historial/i };
const TEXT_LINE = /88788|START/;
const HOTLINE = '1-800-799-7233';

const BEFORE: Record<Locale, string[]> = {
  en: ['i need to refill my prescription', 'my husband hit me last night and im scared', 'ok can we finish the refill', 'refill now'],
  es: ['quiero surtir mi receta', 'mi esposo me pega', 'ok', 'surtir ahora'],
};

const AFTER_DISCLOSURE: { channel: Channel; locale: Locale; then: string }[] = [
  { channel: 'sms', locale: 'en', then: 'he goes thru my phone at night so i cant have these texts on here' },
  { channel: 'sms', locale: 'en', then: 'she looks at my messages at night' },
  { channel: 'sms', locale: 'en', then: 'he reads all my texts' },
  { channel: 'sms', locale: 'en', then: 'he takes my phone when he gets home' },
  { channel: 'sms', locale: 'en', then: 'i cant have these texts on here' },
  { channel: 'webchat', locale: 'en', then: 'my bf goes thru my phone every night' },
  { channel: 'sms', locale: 'es', then: 'mi esposo me revisa el celular' },
  { channel: 'sms', locale: 'es', then: 'el lee mis mensajes en la noche' },
  { channel: 'sms', locale: 'es', then: 'no puedo tener estos textos aqui' },
  { channel: 'webchat', locale: 'es', then: 'mi esposo me revisa el celular, no puedo tener estos mensajes aqui' },
];

const FIRST_SAID: { channel: Channel; locale: Locale; said: string }[] = [
  { channel: 'sms', locale: 'en', said: 'my husband goes thru my phone and reads all my texts, i cant have these texts on here' },
  { channel: 'sms', locale: 'es', said: 'mi esposo me revisa el celular y lee mis mensajes' },
];

describe('v19: a watched phone after a DV disclosure gets phone safety, never the texting line (X12)', function () {
  this.timeout(120_000);

  for (const c of AFTER_DISCLOSURE) {
    it(`${c.channel} ${c.locale}: a few turns after the disclosure, "${c.then}" gets phone safety`, async () => {
      const chat = await realChat(c.channel, { locale: c.locale });
      for (const line of BEFORE[c.locale]) await say(chat, c.channel, line);
      const text = textOf(await say(chat, c.channel, c.then));
      assert.match(text, PHONE_SAFETY[c.locale], text);
      assert.match(text, /911/, text);
      assert.doesNotMatch(text, TEXT_LINE, `the texting line on a watched phone:\n${text}`);
      assert.ok(!text.includes(DV_SCRIPT[c.locale]), `the disclosure script again:\n${text}`);
      // What follows keeps the texting line away too.
      const next = textOf(await say(chat, c.channel, 'ok'));
      assert.doesNotMatch(next, TEXT_LINE, `the texting line after the watched phone:\n${next}`);
    });
  }

  for (const c of FIRST_SAID) {
    it(`${c.channel} ${c.locale}: "${c.said}" with no disclosure before gets the DV answer, 911 first, no texting line`, async () => {
      const chat = await realChat(c.channel, { locale: c.locale });
      const text = textOf(await say(chat, c.channel, c.said));
      assert.ok(text.includes(DV_SCRIPT[c.locale]), text);
      assert.ok(text.indexOf('911') >= 0 && text.indexOf('911') < text.indexOf(HOTLINE), text);
      assert.doesNotMatch(text, TEXT_LINE, text);
    });
  }

  it('sms en: a disclosure that says nothing of the phone keeps the texting line', async () => {
    const chat = await realChat('sms', { locale: 'en' });
    assert.match(textOf(await say(chat, 'sms', 'my husband hit me last night and im scared')), /text START to 88788/);
  });
});
