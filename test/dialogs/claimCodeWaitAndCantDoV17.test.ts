import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { promptText } from './support';
import { has, hasNot, say, type Replies } from './replyChecks';

/**
 * Newcomer run v16, Z07, Z (Spanish), X04, W04, through the whole bot with the real recognizer
 * (sentences other than the run's, and the run's own):
 * - a code seen on a claim, an EOB, a bill or a statement is a claim code (what such codes mean,
 *   where the EOB explains it, appeals, Billing's line), never the sign-in "code not arriving";
 *   the hand-off after it is Billing's;
 * - the wait on the phone or for a person: this chat cannot see it; the line and its hours (the
 *   hand-off's line), never the care team's reply times or "out of scope";
 * - after the code-not-arriving answer, "tried it, nothing" assumes no e-mail; "by text not by
 *   e-mail" (correo is e-mail there) is the texted code's advice, with a forgotten password's reset;
 * - "can't you send it to my doctor?" is plainly a no from this chat with the one way, no menu.
 */

type Channel = 'sms' | 'msteams' | 'webchat';
type Locale = 'en' | 'es';
const BILLING = '1-800-555-0133';
const CLAIM_CODE = { en: /is a claim adjustment code/, es: /es un código de ajuste/ };
/** A key's answer by its opening words (SMS splits an answer into sentences). */
const opens = (locale: Locale, replies: Replies, key: string, yes = true): void => {
  const start = promptText(locale, key).slice(0, 40);
  assert.equal(textOf(replies).includes(start), yes, `${yes ? 'expected' : 'not expected'} ${key}, got:\n${textOf(replies)}`);
};
const anyOf = (locale: Locale, replies: Replies, keys: string[]): void => {
  const failures = keys.filter((key) => { try { opens(locale, replies, key); return false; } catch { return true; } });
  assert.ok(failures.length < keys.length, `expected one of ${keys.join(', ')}, got:\n${textOf(replies)}`);
};

const CLAIM_CODES: { ch: Channel; locale: Locale; before?: string; code: string }[] = [
  { ch: 'msteams', locale: 'en', before: 'my claim got denied AGAIN and nobody will tell me why', code: 'i already did that, the claims page just says code CO-50 whatever that means' },
  { ch: 'sms', locale: 'en', before: 'why was my claim denied', code: 'it only shows a code, PR-204. what does that mean' },
  { ch: 'webchat', locale: 'en', code: 'my explanation of benefits has code CO-97 next to the charge, what is that' },
  { ch: 'msteams', locale: 'es', before: 'me negaron el reclamo otra vez', code: 'en la pagina de reclamos solo sale el codigo CO-50, que significa eso?' },
  { ch: 'sms', locale: 'es', code: 'mi estado de cuenta tiene un codigo OA-23, que quiere decir?' },
];

const WAITS: { ch: Channel; locale: Locale; first: string; wait: string; line?: string }[] = [
  { ch: 'msteams', locale: 'en', first: 'i want a real person', wait: 'how long is the wait on the phone' },
  { ch: 'sms', locale: 'en', first: 'can i talk to someone', wait: 'how long will i be on hold?' },
  { ch: 'webchat', locale: 'en', first: 'hi', wait: 'how long do i have to wait to talk to a person' },
  { ch: 'msteams', locale: 'es', first: 'quiero hablar con una persona', wait: 'cuanto tengo que esperar?' },
  { ch: 'sms', locale: 'es', first: 'quiero hablar con alguien', wait: 'y cuanto tiempo hay que esperar en el telefono?' },
];

const SEND_FOR_ME: { ch: Channel; locale: Locale; first: string; ask: string }[] = [
  { ch: 'webchat', locale: 'es', first: 'hola ya no me quedan resurtidos de mi metformina', ask: 'y no me la pueden mandar ustedes al doctor?' },
  { ch: 'msteams', locale: 'es', first: 'ya no tengo resurtidos de la metformina', ask: 'ustedes no se la pueden pedir a mi doctor?' },
  { ch: 'webchat', locale: 'en', first: 'i have no refills left on my metformin', ask: "can't you guys just send it to my doctor?" },
  { ch: 'sms', locale: 'en', first: 'no refills left on my lisinopril', ask: 'could you all send the request to my doctor for me' },
];

describe('v17: claim codes, the phone wait, the code by text, what this chat cannot do (Z07, X04, W04)', function () {
  this.timeout(120_000);

  for (const c of CLAIM_CODES) {
    it(`${c.ch} ${c.locale}: "${c.code}" is a claim code, not the sign-in code`, async () => {
      const chat = await realChat(c.ch, { locale: c.locale });
      if (c.before) await say(chat, c.ch, c.before);
      const replies = await say(chat, c.ch, c.code);
      // SMS splits an answer into sentences: its own words are checked.
      assert.match(textOf(replies), CLAIM_CODE[c.locale]);
      hasNot(c.locale, replies, 'password_reset.answer.codeNotArriving');
      assert.match(textOf(replies), new RegExp(BILLING));
    });
  }

  it('msteams en: the hand-off after the claim code is Billing, with the secure message', async () => {
    const chat = await realChat('msteams', { locale: 'en' });
    await say(chat, 'msteams', 'my claim got denied AGAIN and nobody will tell me why');
    await say(chat, 'msteams', 'i already did that, the claims page just says code CO-50 whatever that means');
    const replies = await say(chat, 'msteams', 'this is useless. i want a real person');
    has('en', replies, 'escalation.message');
    assert.match(textOf(replies), new RegExp(`Billing at ${BILLING}`));
    const wait = await say(chat, 'msteams', 'how long is the wait on the phone');
    has('en', wait, 'main.phoneWait');
    assert.match(textOf(wait), new RegExp(BILLING));
  });

  it('sms en: a sign-in code that does not come is still the sign-in answer', async () => {
    const chat = await realChat('sms', { locale: 'en' });
    const replies = await say(chat, 'sms', 'the verification code to log in never comes');
    assert.doesNotMatch(textOf(replies), CLAIM_CODE.en);
    assert.match(textOf(replies), /code/i);
  });

  for (const c of WAITS) {
    it(`${c.ch} ${c.locale}: "${c.wait}" after "${c.first}" is the phone wait: not seen here, the line`, async () => {
      const chat = await realChat(c.ch, { locale: c.locale });
      await say(chat, c.ch, c.first);
      const replies = await say(chat, c.ch, c.wait);
      has(c.locale, replies, 'main.phoneWait');
      hasNot(c.locale, replies, 'contact.answer.replyTimes');
      hasNot(c.locale, replies, 'main.outOfScope');
      assert.match(textOf(replies), /1-800-555-0100/);
    });
  }

  it('webchat en: how long a refill takes is no phone wait', async () => {
    const chat = await realChat('webchat', { locale: 'en' });
    await say(chat, 'webchat', 'i have no refills left on my metformin');
    const replies = await say(chat, 'webchat', 'how long do i have to wait for the renewal?');
    hasNot('en', replies, 'main.phoneWait');
  });

  for (const c of [
    { ch: 'sms' as Channel, locale: 'es' as Locale, first: 'no me llega el codigo de verificacion para entrar', tried: 'ya lo intente como 3 veces y nada', fix: 'es por texto no por correo. y si tambien se me olvido la contraseña?' },
    { ch: 'msteams' as Channel, locale: 'es' as Locale, first: 'el codigo para entrar no me llega', tried: 'ya pedi otro dos veces y nada', fix: 'me llega por mensaje, no al correo. y tambien olvide mi contraseña' },
    { ch: 'sms' as Channel, locale: 'en' as Locale, first: 'my login code never shows up', tried: 'tried that like 3 times, nothing', fix: 'its by text not email. and i also forgot my password' },
  ]) {
    it(`${c.ch} ${c.locale}: "${c.tried}" assumes no e-mail; "${c.fix}" is the texted code and the password reset`, async () => {
      const chat = await realChat(c.ch, { locale: c.locale });
      await say(chat, c.ch, c.first);
      const tried = await say(chat, c.ch, c.tried);
      opens(c.locale, tried, 'followUp.about.codeTried', false);
      // The run's own words get the next step for either way (other wordings may get the steps again, never e-mail assumed).
      if (c.tried.startsWith('ya lo intente')) opens(c.locale, tried, 'followUp.about.codeTriedEither');
      assert.doesNotMatch(textOf(tried), /Since the e-mail still|Como el correo sigue/);
      const fixed = await say(chat, c.ch, c.fix);
      opens(c.locale, fixed, 'followUp.about.codeTriedText');
      opens(c.locale, fixed, 'password_reset.answer.forgotPassword');
      assert.doesNotMatch(textOf(fixed), /mail-order|por correo: https|Farmacia por correo|surtido de su receta/i);
    });
  }

  it('sms es: "es por texto no por correo" right after the code answer is the texted code', async () => {
    const chat = await realChat('sms', { locale: 'es' });
    await say(chat, 'sms', 'no me llega el codigo de verificacion para entrar');
    const replies = await say(chat, 'sms', 'es por texto no por correo');
    anyOf('es', replies, ['password_reset.code.byText', 'followUp.about.codeTriedText']);
    hasNot('es', replies, 'contact.ask.topic');
  });

  for (const c of SEND_FOR_ME) {
    it(`${c.ch} ${c.locale}: "${c.ask}" is a plain no from this chat, with the one way, no menu`, async () => {
      const chat = await realChat(c.ch, { locale: c.locale });
      await say(chat, c.ch, c.first);
      const replies = await say(chat, c.ch, c.ask);
      hasNot(c.locale, replies, 'contact.ask.topic');
      assert.match(textOf(replies), c.locale === 'es' ? /no puedo|no puede/i : /can.t|cannot/i);
      assert.doesNotMatch(textOf(replies), /^(Sure|Claro)\b/m);
    });
  }
});
