import assert from 'node:assert/strict';
import { smsEncoding } from '../../channels/gsm7';
import { MemberChat } from '../support/identity';

/**
 * Follow-up run 9, item 4: the SMS welcome is one text message (one GSM-7 segment in English and
 * Spanish), with 911 and how to get the menu or a person, and no carrier opt-out word.
 */
describe('the SMS welcome fits one segment (follow-up run 9)', function () {
  this.timeout(60_000);

  for (const [locale, first, person] of [
    ['en', 'hi', /\bAGENT\b/],
    ['es', 'hola', /\bAGENTE\b/],
  ] as const) {
    it(`SMS (${locale}): one segment, 911, MENU and a person`, async () => {
      const chat = new MemberChat({ channelId: 'sms', overrides: { understanding: undefined, emergencyCheck: undefined } });
      const replies = await chat.open(first);
      const welcome = replies[0]?.text ?? '';
      const cost = smsEncoding(welcome);
      assert.equal(cost.encoding, 'gsm7', welcome);
      assert.equal(cost.segments, 1, `${cost.units} units: ${welcome}`);
      assert.match(welcome, /911/);
      assert.match(welcome, /\bMENU\b/);
      assert.match(welcome, person);
      assert.doesNotMatch(welcome, /\b(STOP|CANCEL|END|QUIT|UNSUBSCRIBE|ALTO)\b/);
    });
  }
});
