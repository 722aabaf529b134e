import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * The answer about moving a visit says the time kept in the member's language (newcomer run v7,
 * WJ02 on Web Chat: the English reply said "15:00"): English texts write "3:00 PM", never a
 * 24-hour time. Real recognizer; sentences differ from the run's.
 */
describe('the time kept while moving a visit, in English words (WJ02)', function () {
  this.timeout(180_000);

  it('Web Chat en: "the same time of day" says 3:00 PM, not 15:00', async () => {
    const chat = await signedInChat(ALEX.memberId);
    await chat.say('please move my appointment to next week');
    await chat.say('the video appointment with dr chen');
    const text = textOf(await chat.say('the same time of day works for me'));
    assert.match(text, /looking for .*, 3:00 PM with Dr\. Maya Chen/, text);
    assert.ok(!/\b15:00\b/.test(text), text);
  });
});
