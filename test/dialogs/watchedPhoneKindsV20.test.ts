import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { say } from './replyChecks';

/**
 * Newcomer run v20 (SMS, English), through the whole bot with the real recognizer and safety
 * triage: after a child-abuse disclosure, "my husband checks my phone" got phone safety that still
 * invited to "call or text" Childhelp. A phone someone reads keeps a text to a hotline on it: after
 * any disclosure (domestic violence, sexual assault, a child's abuse, an older adult's), in both
 * languages, the watched-phone answer and what follows invite a call from a safe phone (911 in
 * danger), never a text to a hotline.
 */

type Channel = 'webchat' | 'sms';
type Locale = 'en' | 'es';
/** An invitation to text a hotline (texting 911 where offered, for one who cannot speak, is not one). */
const TEXT_INVITE = /call or text|or text (?!911)|text START|\(call or text|llame o envíe un texto|envíe un texto al (?!911)|llamada o texto|por texto al/i;

const DISCLOSURES: { kind: string; locale: Locale; said: string; line: string }[] = [
  { kind: 'child', locale: 'en', said: "my daughter's stepdad hits her with a belt and she's 6", line: '1-800-422-4453' },
  { kind: 'child', locale: 'es', said: 'mi cuñado le pega a mi sobrino de 5 años con el cinturón', line: '1-800-422-4453' },
  { kind: 'dv', locale: 'en', said: 'my husband hit me last night and im scared', line: '1-800-799-7233' },
  { kind: 'dv', locale: 'es', said: 'mi esposo me pega', line: '1-800-799-7233' },
  { kind: 'sexual', locale: 'en', said: 'i was raped at a party last month and i never told anyone', line: '1-800-656-4673' },
  { kind: 'sexual', locale: 'es', said: 'me violaron hace dos semanas y no le he dicho a nadie', line: '1-800-656-4673' },
  { kind: 'elder', locale: 'en', said: 'the aides at my dads nursing home leave him in dirty sheets all day and one of them slapped him', line: '1-800-677-1116' },
];
const WATCHED: Record<Locale, string[]> = {
  en: ['my husband checks my phone', 'he reads all my texts'],
  es: ['mi esposo me revisa el celular', 'el lee todos mis mensajes'],
};

describe('v20: a watched phone after any disclosure never invites texting a hotline', function () {
  this.timeout(120_000);
  for (const d of DISCLOSURES) {
    for (const watched of WATCHED[d.locale]) {
      for (const channel of ['sms', 'webchat'] as Channel[]) {
        if (channel === 'webchat' && watched !== WATCHED[d.locale][0]) continue;
        it(`${channel} ${d.locale} ${d.kind}: "${watched}" after the disclosure`, async () => {
          const chat = await realChat(channel, { locale: d.locale });
          await say(chat, channel, d.said);
          const text = textOf(await say(chat, channel, watched));
          assert.match(text, /911/, text);
          assert.doesNotMatch(text, TEXT_INVITE, `a texting line on a watched phone:\n${text}`);
          const next = textOf(await say(chat, channel, d.locale === 'es' ? 'ok gracias' : 'ok thanks'));
          assert.doesNotMatch(next, TEXT_INVITE, `a texting line after the watched phone:\n${next}`);
        });
      }
    }
  }
});
