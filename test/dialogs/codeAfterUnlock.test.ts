import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * After the unlock answer by SMS (newcomer run v9, SH08): a code that never arrives gets the help
 * for a code that does not come (not just the Member Services number), and a new phone number of
 * the member's own gets the changed-phone sign-in help (not "Sorry that didn't help"). Real recognizer.
 */
describe('the code and a new phone number after the unlock answer, by SMS (newcomer run v9)', function () {
  this.timeout(90_000);

  it('a code that never arrives, then a changed number', async () => {
    const chat = await realChat('sms');
    await chat.say('my account is locked');
    const code = textOf(await chat.say('that code just never shows up on my cell'));
    assert.match(code, /new code/);
    assert.doesNotMatch(code, /^The number for Member Services/);
    const phone = textOf(await chat.say('oh and i switched phone numbers last month'));
    assert.doesNotMatch(phone, /Sorry that didn't help/);
    assert.match(phone, /update your phone number in your profile/);
  });
});
