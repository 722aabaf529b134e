import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Newcomer run v21, Z11 (Web Chat, English): a booking asked for by video, then "actually make it
 * in person, he wants them to actually look at it. thurs afternoon-ish?" said to "When would you
 * prefer?" gave a scheduling link still set to Video. A mode correction said with the time changes
 * the mode, and the time is read as usual.
 */
describe('v21: a change of visit mode said with the time is kept', function () {
  this.timeout(120_000);
  for (const change of ['actually make it in person, he wants them to actually look at it. thurs afternoon-ish?', 'actually in person is better, thursday afternoon', 'make it in person please, thursday afternoon works']) {
    it(`webchat en: "${change}"`, async () => {
      const chat = await realChat('webchat', { locale: 'en' });
      await chat.say('need to book something for my husband, his back has been killing him for like a week. can we do video?');
      await chat.say('his regular doctor i guess');
      const text = textOf(await chat.say(change));
      assert.match(text, /Primary care, In person, Thursday/, text);
      assert.doesNotMatch(text, /Video/, text);
    });
  }
});
