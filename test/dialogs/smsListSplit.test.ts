import assert from 'node:assert/strict';
import { splitMessage } from '../../channels/render';
import { ALEX, MemberChat } from '../support/identity';

const REAL = { understanding: undefined, emergencyCheck: undefined };
const STRAY_NUMBER = /(?:^|\s)\d{1,2}[.)]\s*$/;

/**
 * A long SMS answer with an inline numbered list (newcomer run v14, YX13, SMS en, Alex): the
 * rescue-inhaler answer "… Today: 1. Call the pharmacy … comes through. 2. If they can't give you
 * one …" was cut into messages by sentence, and "2." counted as a sentence: the first message
 * ended with a stray "2." and the second began without its number. A list number now stays with
 * its text, and the cut falls before it.
 */
describe('SMS splitting never leaves a list number without its text (newcomer run v14, YX13)', function () {
  this.timeout(300_000);

  for (const [locale, text, second] of [
    ['en-US', 'my inhaler is out of refills can u renew it', /^2\. If they/m],
    ['es-US', 'se me acabo el inhalador y no tengo resurtidos', /^2\. /m],
  ] as const) {
    it(`${locale}: "${text}"`, async () => {
      const chat = new MemberChat({ channelId: 'sms', locale, from: { id: ALEX.phone }, overrides: REAL });
      await chat.open();
      const replies = await chat.say(text);
      const texts = replies.map((r) => r.text ?? '').filter(Boolean);
      for (const message of texts) assert.doesNotMatch(message, STRAY_NUMBER, message);
      assert.ok(texts.some((m) => second.test(m)), texts.join('\n---\n'));
    });
  }

  it('a long inline or line-by-line list splits before a number, never after it', () => {
    const filler = 'Call the office at 1-800-555-0100 and ask for the billing team, they can help you.';
    const inline = `Today: 1. ${filler} ${filler} 2. ${filler} 3. ${filler} 4. ${filler}`;
    for (const parts of [splitMessage([inline], 160), splitMessage([inline], 320)]) {
      for (const part of parts) assert.doesNotMatch(part, STRAY_NUMBER, part);
    }
  });
});
