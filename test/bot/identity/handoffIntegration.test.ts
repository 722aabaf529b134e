import assert from 'node:assert/strict';
import { ActivityTypes, type Activity } from 'botbuilder';
import { textOf } from '../../support/chat';
import { ALEX, MemberChat } from '../../support/identity';

describe('identity and the hand-off to people', () => {
  it('an escalation carries the verified member (id and first name) for the agent, or anonymous', async () => {
    for (const signedIn of [true, false]) {
      const chat = new MemberChat({ env: { HANDOFF_MODE: 'event' } });
      await chat.open();
      if (signedIn) await chat.signIn(ALEX.memberId);
      await chat.adapter.processActivity({ type: ActivityTypes.Message, text: 'talk to a person' });
      const initiate = chat.adapter.activeQueue.splice(0).find((a: Partial<Activity>) => a.name === 'handoff.initiate')!;
      assert.deepEqual((initiate.value as { member: unknown }).member, signedIn ? { verified: true, id: ALEX.memberId, name: 'Alex' } : { verified: false });
    }
  });

  it('"forget me" deletes the conversation transcript the hand-off keeps; what comes after starts a new one', async () => {
    const chat = new MemberChat();
    await chat.open();
    await chat.signIn(ALEX.memberId);
    await chat.say('where is my refill Rx 1000101');
    const transcripts = chat.core.handoff.transcripts;
    const conversationId = chat.adapter.template.conversation!.id;
    const before = await transcripts.recent('webchat', conversationId);
    assert.ok(before.some((a) => /Rx \[RX\]/.test(a.text)), `the transcript is kept, redacted: ${JSON.stringify(before.map((a) => a.text))}`);
    assert.ok(!before.some((a) => a.text.includes('1000101')), 'the Rx number is redacted in the transcript');

    await chat.say('forget me');
    assert.match(textOf(await chat.say('yes')), /I've deleted what I kept about you/);
    const after = await transcripts.recent('webchat', conversationId);
    assert.ok(!after.some((a) => /Rx|Lisinopril|\[RX\]/.test(a.text)), JSON.stringify(after.map((a) => a.text)));
  });
});
