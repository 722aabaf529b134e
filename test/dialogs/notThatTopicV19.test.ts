import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat, RecordingEscalation } from './memberWords';
import { has, hasNot, say } from './replyChecks';

/**
 * Newcomer run v19 on SMS, through the whole bot with the real recognizer (the run's sentences and
 * others with the same meaning).
 * - X09: a member who says what it is NOT ("its not a password thing", "no es por la contraseña")
 *   never gets that topic again: it is dropped and the rest of the message is read ("can someone
 *   just call me back": a person). When the way to a person cannot call back, that is said plainly
 *   once, with the phone line; the call back is never lost.
 * - X07: "text me the day before my appts", "remind me before my visits" get the reminders answer;
 *   "when is my next appointment" keeps the appointment answer.
 */

type Channel = 'sms' | 'webchat' | 'msteams';
const SITE = { en: ['the site keeps showing an error', 'i already cleared everything'], es: ['la pagina sigue mostrando un error', 'ya borre todo'] };

const NOT_THAT: { ch: Channel; locale: 'en' | 'es'; then: string }[] = [
  { ch: 'sms', locale: 'en', then: 'its not a password thing. can someone just call me back' },
  { ch: 'sms', locale: 'en', then: 'this isnt about my password, can somebody call me back' },
  { ch: 'webchat', locale: 'en', then: 'its not the login. i just want a real person to call me' },
  { ch: 'sms', locale: 'es', then: 'no es por la contraseña. que alguien me llame por favor' },
];

const REMINDERS: { ch: Channel; locale: 'en' | 'es'; say: string }[] = [
  { ch: 'sms', locale: 'en', say: 'can u guys text me the day before my appts so i dont forget' },
  { ch: 'sms', locale: 'en', say: 'can you remind me before my visits' },
  { ch: 'webchat', locale: 'en', say: 'could you send me a message a day before my appointments' },
  { ch: 'sms', locale: 'es', say: 'mándenme un mensaje un día antes de mis citas' },
  { ch: 'msteams', locale: 'es', say: 'me pueden recordar antes de mis citas para no olvidarlas' },
];

describe('v19: a topic denied is dropped, the rest is read; reminders asked for (X09, X07)', function () {
  this.timeout(120_000);

  for (const c of NOT_THAT) {
    it(`${c.ch} ${c.locale}: "${c.then}" after the sign-in steps is a person, never the password steps again`, async () => {
      const chat = await realChat(c.ch, { locale: c.locale });
      for (const said of SITE[c.locale]) await say(chat, c.ch, said);
      const replies = await say(chat, c.ch, c.then);
      const text = textOf(replies);
      hasNot(c.locale, replies, 'password_reset.answer.forgotPassword');
      assert.doesNotMatch(text, /reset-password|unlock|contraseña nueva|new password/i);
      has(c.locale, replies, 'escalation.intro.member_asked');
      // The call back is answered: asked for on its page, or said plainly that it cannot be.
      assert.match(text, c.locale === 'en' ? /call you back|call back/i : /llam/i);
      assert.match(text, /1-800-555-0100/);
    });
  }

  it('sms en: a denial alone drops the topic and asks what it is about', async () => {
    const chat = await realChat('sms', { locale: 'en' });
    for (const said of SITE.en) await say(chat, 'sms', said);
    const replies = await say(chat, 'sms', 'its not a password thing');
    hasNot('en', replies, 'password_reset.answer.forgotPassword');
    has('en', replies, 'main.notThat');
  });

  it('sms en: the hand-off that cannot call back says so once and keeps the call back for the agent', async () => {
    const escalation = new RecordingEscalation();
    const chat = await realChat('sms', { locale: 'en', escalation });
    for (const said of SITE.en) await say(chat, 'sms', said);
    await say(chat, 'sms', 'its not a password thing. can someone just call me back');
    assert.equal(escalation.requests.length, 1);
    assert.notEqual(escalation.requests[0]!.intent, 'password_reset');
    assert.equal(escalation.requests[0]!.callBack, true);
    assert.match(escalation.requests[0]!.summary, /call back/i);
  });

  it('sms en: a call back asked for during sign-in help is said plainly not possible here, once, with the line', async () => {
    const chat = await realChat('sms', { locale: 'en' });
    for (const said of SITE.en) await say(chat, 'sms', said);
    const replies = await say(chat, 'sms', 'ugh can someone just call me back');
    const text = textOf(replies);
    has('en', replies, 'escalation.noCallback');
    assert.equal(text.split("can't set up a call back").length, 2, `said once, got:\n${text}`);
    assert.match(text, /1-800-555-0100/);
  });

  for (const c of REMINDERS) {
    it(`${c.ch} ${c.locale}: "${c.say}" gets how to set up reminders`, async () => {
      const chat = await realChat(c.ch, { locale: c.locale });
      const replies = await say(chat, c.ch, c.say);
      has(c.locale, replies, 'contact.answer.reminders');
      hasNot(c.locale, replies, 'appointment.done.find');
    });
  }

  it('sms en: "when is my next appointment" keeps the appointment answer', async () => {
    const chat = await realChat('sms', { locale: 'en' });
    const replies = await say(chat, 'sms', 'when is my next appointment');
    assert.match(textOf(replies), /My appointments/);
    hasNot('en', replies, 'contact.answer.reminders');
  });
});
