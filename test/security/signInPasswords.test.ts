import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX, codeIn, MemberChat } from '../support/identity';

const PASSWORD = 'CorrectHorse9';

/** Where a typed password could end up: stored state, the transcript, and what an agent is shown. */
async function everywhere(chat: MemberChat): Promise<{ kept: string; transcript: string[] }> {
  const { service } = chat.core.handoff;
  await chat.core.handoff.transcripts.drain();
  const conversationId = chat.adapter.template.conversation!.id;
  const transcript = await chat.core.handoff.transcripts.recent(chat.channelId, conversationId, 500);
  const records = (await service?.listOpen()) ?? [];
  return {
    kept: [chat.storedText(), JSON.stringify(transcript), JSON.stringify(records)].join('\n'),
    transcript: transcript.filter((a) => a.from.role === 'user').map((a) => a.text),
  };
}

async function withAgentOnline(chat: MemberChat): Promise<void> {
  await chat.core.handoff.presence!.seen({ id: 'pat', name: 'Pat' });
  await chat.open();
}

describe('security: a password typed alone while the assistant helps with signing in is masked (issue 17)', () => {
  it('sign-in help, its question answered with the password: masked in state, transcript and the agent console', async () => {
    const chat = new MemberChat();
    await withAgentOnline(chat);
    assert.match(textOf(await chat.say("I can't sign in")), /get back in/);
    const replies = await chat.say(PASSWORD);
    assert.match(textOf(replies), /don't share your password/, 'the member is told not to share it');
    await chat.say('talk to a person');
    const { kept, transcript } = await everywhere(chat);
    assert.doesNotMatch(kept, /CorrectHorse9/);
    assert.ok(transcript.includes('********'), JSON.stringify(transcript));
  });

  it('after the sign-in answer (the reset steps), the password typed on its own line: masked', async () => {
    const chat = new MemberChat();
    await withAgentOnline(chat);
    await chat.say("I can't sign in");
    assert.match(textOf(await chat.say('Forgot password')), /reset your password/i);
    await chat.say(PASSWORD);
    await chat.say('talk to a person');
    assert.doesNotMatch((await everywhere(chat)).kept, /CorrectHorse9/);
  });

  it('Web Chat asked to sign in to the portal to see prescriptions, the member types the password instead: masked', async () => {
    const chat = new MemberChat();
    await withAgentOnline(chat);
    await chat.say('Prescription refills');
    // The status answer asks a signed-out member to sign in at once (an Rx number typed after it
    // would only repeat it, which the assistant no longer does).
    assert.match(textOf(await chat.say('Check status')), /sign in to the portal and open this chat there/);
    const replies = await chat.say(PASSWORD);
    assert.match(textOf(replies), /don't share your password/);
    await chat.say('talk to a person');
    const { kept, transcript } = await everywhere(chat);
    assert.doesNotMatch(kept, /CorrectHorse9/);
    assert.ok(transcript.includes('********'), JSON.stringify(transcript));
  });

  it('SMS, a one-time code awaited, the member types the password instead: masked; the code itself still works', async () => {
    const chat = new MemberChat({ channelId: 'sms', from: { id: ALEX.phone } });
    await chat.open();
    await chat.say('Prescription refills');
    await chat.say('1');
    const code = codeIn(await chat.say('1'));
    assert.ok(code, 'a code was sent');
    await chat.say(PASSWORD);
    assert.match(textOf(await chat.say(code)), /confirmed/);
    assert.doesNotMatch((await everywhere(chat)).kept, /CorrectHorse9/);
  });

  it('ordinary answers in those moments stay as they are: yes, a name, a date, a few words', async () => {
    const chat = new MemberChat();
    await chat.open();
    await chat.say("I can't sign in");
    const answers = ['yes', 'Maria Lopez', '03/14/1985', 'June 3rd', 'it says my account is locked', 'locked'];
    for (const text of answers) await chat.say(text);
    const { transcript } = await everywhere(chat);
    for (const text of answers) assert.ok(transcript.includes(text), `${text} kept: ${JSON.stringify(transcript)}`);
  });

  it('not a moment of signing in: an Rx number asked for while a portal sign-in is only pending stays as typed', async () => {
    const chat = new MemberChat();
    await chat.open();
    await chat.say('Prescription refills');
    await chat.say('Refill now'); // a portal sign-in is remembered as pending, and the Rx number asked for
    assert.doesNotMatch(textOf(await chat.say('RX-1234567')), /password/);
    const { transcript } = await everywhere(chat);
    assert.ok(!transcript.includes('********'), JSON.stringify(transcript));
  });
});
