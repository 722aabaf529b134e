import assert from 'node:assert/strict';
import { messageActivity } from '../support/activities';
import { post, replies, startAssistant } from '../support/assistant';

describe('security: the SMS code limit holds however the number is written (issue 17)', function () {
  this.timeout(20_000);

  it('reformatting the sender number gets no fresh codes: at most 3 per member per hour', async () => {
    const running = await startAssistant();
    try {
      let codes = 0;
      const formats = ['+15035550101', '+1 503 555 0101', '+1 (503) 555-0101', '15035550101', '+1-503-555-0101', '+1.503.555.0101'];
      for (const [i, from] of formats.entries()) {
        const conversation = { id: `sms-format-${i}` };
        const say = async (text: string) => {
          const answer = await post(`${running.url}/api/messages`, messageActivity(text, { channelId: 'sms', locale: undefined, conversation, from: { id: from, role: 'user' } }));
          assert.equal(answer.status, 200, answer.text);
          return replies(answer).map((a) => a.text ?? '').join('\n');
        };
        await say('Prescription refills');
        // Past the limit no code is offered at all (v21): the answer to "1" already says so.
        const offer = await say('1');
        const answer = /can't send you another code/i.test(offer) ? offer : await say('1');
        if (/\b\d{6}\b/.test(answer)) codes++;
        else assert.match(answer, /several codes|try again in an hour|can't send you another code/i, `${from}: ${answer}`);
      }
      assert.equal(codes, 3);
    } finally {
      await running.stop();
    }
  });
});
