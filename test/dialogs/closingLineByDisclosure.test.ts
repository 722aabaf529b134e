import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { MemberChat } from '../support/identity';
import { say } from './replyChecks';

/**
 * A closing after a disclosure ends with that disclosure's own line, any time of day: RAINN after
 * a sexual assault, Childhelp after a child's abuse, the Eldercare Locator after an older adult's;
 * before, every disclosure but domestic violence ended with "call 911" alone. Through the whole bot
 * with the real recognizer and safety triage, a portal question between the disclosure and the
 * goodbye, on SMS and Web Chat, in English and Spanish.
 */

type Channel = 'webchat' | 'sms';
const CASES: { channel: Channel; locale: 'en' | 'es'; disclosure: string; bye: string; line: string }[] = [
  { channel: 'sms', locale: 'en', disclosure: 'i was raped at a party last month and i never told anyone', bye: 'ok thanks bye', line: '1-800-656-4673' },
  { channel: 'webchat', locale: 'en', disclosure: "my daughter's stepdad hits her with a belt and she's 6", bye: 'no thanks, bye', line: '1-800-422-4453' },
  { channel: 'webchat', locale: 'en', disclosure: 'the aides at my dads nursing home leave him in dirty sheets all day and one of them slapped him', bye: 'thats all, bye', line: '1-800-677-1116' },
  { channel: 'sms', locale: 'es', disclosure: 'me violaron hace dos semanas y no le he dicho a nadie', bye: 'no, gracias', line: '1-800-656-4673' },
  { channel: 'webchat', locale: 'es', disclosure: 'mi cuñado le pega a mi sobrino de 5 años con el cinturón', bye: 'no gracias, adiós', line: '1-800-422-4453' },
];

describe('A closing after a disclosure keeps that disclosure\'s line (RAINN, Childhelp, Eldercare)', function () {
  this.timeout(120_000);
  for (const c of CASES) {
    it(`${c.channel} ${c.locale}: "${c.bye}" after "${c.disclosure}" ends with ${c.line}`, async () => {
      const chat = new MemberChat({ channelId: c.channel, ...(c.channel === 'sms' ? {} : { locale: c.locale === 'es' ? 'es-US' : 'en-US' }), overrides: { understanding: undefined, emergencyCheck: undefined } });
      await chat.open(c.locale === 'es' ? 'hola' : 'hi');
      const first = await say(chat, c.channel, c.disclosure);
      assert.ok(textOf(first).includes(c.line), `the disclosure's answer lacks ${c.line}:\n${textOf(first)}`);
      // A portal question between them: the disclosure's follow-up window has closed by the goodbye.
      await say(chat, c.channel, c.locale === 'es' ? 'ok. a qué hora abre la farmacia?' : 'ok. what time does the pharmacy open?');
      const bye = await say(chat, c.channel, c.bye);
      assert.ok(textOf(bye).includes(c.line), `the closing lacks ${c.line}:\n${textOf(bye)}`);
    });
  }
});
