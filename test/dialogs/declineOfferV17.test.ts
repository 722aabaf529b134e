import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { RecordingEscalation, realChat } from './memberWords';
import { has, hasNot, say } from './replyChecks';
import { OptionMatcher } from '../../dialogs/common/options';
import { PhraseBook } from '../../dialogs/phrases';
import { catalog } from './support';

/**
 * Newcomer run v17, through the whole bot with the real recognizer and safety triage.
 * Z02: after a billing answer, "no thats ok, thanks" to "Would you like to talk to a person about
 * this?" was taken as a yes and the hand-off started. A decline (whatever "ok" or "thanks" it holds)
 * is a no: an acknowledgement and "anything else?", never the hand-off; a yes is still a yes.
 */
describe('v17: declining the offer of a person after a topic answer (Z02)', function () {
  this.timeout(180_000);

  const BILLING = { en: 'why would they charge me twice tho', es: '¿por qué me cobraron dos veces?' };

  const DECLINES = [
    { channel: 'msteams' as const, locale: 'en' as const, said: 'no thats ok, thanks' },
    { channel: 'msteams' as const, locale: 'en' as const, said: 'no, that\'s ok' },
    { channel: 'webchat' as const, locale: 'en' as const, said: 'nah im good' },
    { channel: 'webchat' as const, locale: 'en' as const, said: 'no thats alright thank you' },
    { channel: 'sms' as const, locale: 'en' as const, said: 'nope, its fine thanks' },
    { channel: 'msteams' as const, locale: 'en' as const, said: 'no thanks' },
    { channel: 'webchat' as const, locale: 'en' as const, said: 'no its okay' },
    { channel: 'msteams' as const, locale: 'es' as const, said: 'no gracias, así está bien' },
    { channel: 'webchat' as const, locale: 'es' as const, said: 'no por ahora' },
    { channel: 'sms' as const, locale: 'es' as const, said: 'no, está bien, gracias' },
    { channel: 'msteams' as const, locale: 'es' as const, said: 'no hace falta, gracias' },
    { channel: 'webchat' as const, locale: 'en' as const, said: "that's ok" },
    { channel: 'msteams' as const, locale: 'en' as const, said: 'its fine thanks' },
    { channel: 'webchat' as const, locale: 'es' as const, said: 'así está bien' },
  ];
  for (const c of DECLINES) {
    it(`${c.channel} ${c.locale}: "${c.said}" to the offer of a person is a no`, async () => {
      const escalation = new RecordingEscalation();
      const chat = await realChat(c.channel, { locale: c.locale, escalation });
      has(c.locale, await say(chat, c.channel, BILLING[c.locale]), 'common.offerPerson');
      const replies = await say(chat, c.channel, c.said);
      assert.equal(escalation.requests.length, 0, textOf(replies));
      hasNot(c.locale, replies, 'escalation.intro.dispute');
      assert.ok(!/person requested/.test(textOf(replies)), textOf(replies));
      has(c.locale, replies, 'main.anythingElse');
    });
  }

  const ACCEPTS = [
    { channel: 'msteams' as const, locale: 'en' as const, said: 'yes' },
    { channel: 'webchat' as const, locale: 'en' as const, said: 'ok' },
    { channel: 'sms' as const, locale: 'en' as const, said: 'yes please' },
    { channel: 'msteams' as const, locale: 'es' as const, said: 'sí, por favor' },
    { channel: 'webchat' as const, locale: 'es' as const, said: 'sí' },
    { channel: 'webchat' as const, locale: 'en' as const, said: "yes that's fine" },
    { channel: 'msteams' as const, locale: 'es' as const, said: 'sí, está bien' },
  ];
  for (const c of ACCEPTS) {
    it(`${c.channel} ${c.locale}: "${c.said}" to the offer of a person is a yes`, async () => {
      const escalation = new RecordingEscalation();
      const chat = await realChat(c.channel, { locale: c.locale, escalation });
      has(c.locale, await say(chat, c.channel, BILLING[c.locale]), 'common.offerPerson');
      const replies = await say(chat, c.channel, c.said);
      assert.equal(escalation.requests.length, 1, textOf(replies));
    });
  }
});

/** The same reading for every yes/no question whose yes is "ok": a "that's ok" decline is never a yes. */
describe('v17: "no, that\'s ok" at the other yes/no questions (Z02)', () => {
  const options = new OptionMatcher(catalog, PhraseBook.load());
  for (const [question, yes, no] of [
    ['confirm', 'yes', 'no'],
    ['resume', 'yes', 'no'],
    ['identity.smsOffer', 'sendCode', 'notNow'],
    ['offerPerson', 'agent', 'no'],
  ] as const) {
    it(`${question}: declines with "ok" in them are no; yes with "fine" in it is yes`, () => {
      for (const said of ['no its okay', "no, that's ok, thanks", 'nah im ok', 'no, así está bien', 'no hace falta']) assert.equal(options.match(said, question), no, said);
      for (const said of ["yes that's fine", 'ok', 'sí, está bien', 'sure, its ok']) assert.equal(options.match(said, question), yes, said);
    });
  }
});
