import assert from 'node:assert/strict';
import type { TranscriptDeleter } from '../../../identity/bot/forget';
import { textOf } from '../../support/chat';
import { ALEX, assertNoPhi, codeIn, MemberChat } from '../../support/identity';

describe('sign out and forget me', () => {
  for (const [channelId, from] of [['webchat', undefined], ['sms', { id: ALEX.phone }], ['msteams', { id: '29:alex', aadObjectId: ALEX.teams }]] as const) {
    it(`${channelId}: "sign out" ends the verified identity and any dialog in progress, before any dialog sees it`, async () => {
      const chat = new MemberChat({ channelId, ...(from ? { from } : {}) });
      await chat.open();
      if (channelId === 'webchat') await chat.signIn(ALEX.memberId);
      await chat.say('Appointments');
      await chat.say(channelId === 'sms' ? '4' : 'Find my appointments');
      const shown = await chat.say(channelId === 'sms' ? '1' : 'Myself');
      if (channelId === 'sms') await chat.say(codeIn(await chat.say('1'))!);
      else assert.match(textOf(shown), /Dr\. Maya Chen/);
      await chat.say('Appointments');
      const out = await chat.say('Sign out');
      assert.match(textOf(out), /You're signed out/);
      assert.deepEqual(await chat.dialogStack(), [], 'the dialog in progress ended');
      assert.ok(!chat.intents.seen.includes('Sign out'), 'handled before the recognizer');
      assert.equal(chat.audit.entries.at(-1)?.event, 'identity.ended');
      assert.equal((chat.audit.entries.at(-1) as { reason?: string } | undefined)?.reason, 'signOut');
      if (channelId !== 'msteams') {
        // Teams maps the Entra ID user again on the next question: signing out of Teams itself is Teams' business.
        await chat.say('Appointments');
        await chat.say(channelId === 'sms' ? '4' : 'Find my appointments');
        const after = await chat.say(channelId === 'sms' ? '1' : 'Myself');
        assertNoPhi(textOf(after));
      }
    });
  }

  it('SMS: a sign-out inside thanks or a please ("ok thx sign out", "please log me out", "cierra mi sesion gracias") signs out; thanks alone still gets the thanks', async () => {
    const chat = new MemberChat({ channelId: 'sms', from: { id: ALEX.phone } });
    await chat.open();
    await chat.say('Prescription refills');
    await chat.say('1');
    await chat.say(codeIn(await chat.say('1'))!);
    assert.doesNotMatch(textOf(await chat.say('thanks')), /signed out/, 'thanks alone is not a sign-out');
    const out = await chat.say('ok thx sign out');
    assert.match(textOf(out), /You're signed out/);
    assert.equal((chat.audit.entries.at(-1) as { reason?: string } | undefined)?.reason, 'signOut');
    for (const [text, answer] of [['please log me out', /You weren't signed in|not signed in/i], ['cierra mi sesión, gracias', /No había iniciado sesión/]] as const) {
      assert.match(textOf(await chat.say(text)), answer, text);
    }
    assert.doesNotMatch(textOf(await chat.say('how do I sign out of the portal')), /signed out|signed in here/i, 'a question about signing out is not a sign-out');
  });

  it('in Spanish too; and saying it while not signed in is answered kindly', async () => {
    const chat = new MemberChat({ locale: 'es-US' });
    await chat.open('hola');
    assert.match(textOf(await chat.say('cerrar sesión')), /No había iniciado sesión aquí/);
    await chat.signIn(ALEX.memberId);
    assert.match(textOf(await chat.say('Cerrar sesión')), /Cerró la sesión/);
  });

  it('"forget me" asks first; anything but yes keeps everything', async () => {
    const chat = new MemberChat();
    await chat.open();
    await chat.signIn(ALEX.memberId);
    const asked = await chat.say('forget me');
    assert.match(textOf(asked), /This deletes what I keep about you[\s\S]*record of what was shown to whom[\s\S]*Reply YES/);
    assert.match(textOf(await chat.say('no')), /nothing was deleted/);
    await chat.say('Appointments');
    await chat.say('Find my appointments');
    assert.match(textOf(await chat.say('Myself')), /Dr\. Maya Chen/, 'still signed in');
  });

  it('"forget me" + yes deletes the conversation and user state (sign-in included) and the transcript; keeps the SMS opt-out and the audit trail', async () => {
    const deleted: Array<[string, string]> = [];
    const transcripts: TranscriptDeleter = { deleteTranscript: async (channelId, conversationId) => void deleted.push([channelId, conversationId]) };
    const chat = new MemberChat({ channelId: 'sms', from: { id: ALEX.phone }, overrides: { transcripts } });
    await chat.open();
    await chat.say('Prescription refills');
    await chat.say('1');
    await chat.say(codeIn(await chat.say('1'))!);
    const storage = chat.core.storage;
    const userKey = `sms/users/${ALEX.phone}/`;
    // A stored opt-out must survive: set it as the SMS keyword gate would have.
    await storage.write({ [userKey]: { ...(await storage.read([userKey]))[userKey], smsOptedOut: false, favourite: 'kept?' } });
    assert.match(chat.storedText(), /\\"identity\\":\{\\"session/, 'verified, in conversation state');

    await chat.say('delete my data');
    const done = await chat.say('YES');
    assert.match(textOf(done), /I've deleted what I kept about you here/);
    const conversationKey = `sms/conversations/${chat.adapter.template.conversation!.id}/`;
    const conversation = (await storage.read([conversationKey]))[conversationKey] as Record<string, unknown>;
    // Only the (empty) numbered-choices list the "done" reply itself reset is left.
    assert.deepEqual(Object.fromEntries(Object.entries(conversation).filter(([k]) => k !== 'eTag')), { offeredChoices: [] }, 'conversation state: nothing left');
    const user = (await storage.read([userKey]))[userKey] as Record<string, unknown>;
    assert.equal(user.smsOptedOut, false, 'the opt-out record is kept');
    const sendsKey = `identity/code-sends/${ALEX.memberId}`;
    assert.ok(Array.isArray(((await storage.read([sendsKey]))[sendsKey] as { sentAt?: unknown } | undefined)?.sentAt), 'the code rate limit is kept');
    assert.equal(user.favourite, undefined, 'everything else in user state is gone');
    assert.deepEqual(deleted, [['sms', chat.adapter.template.conversation!.id]]);
    assert.deepEqual(chat.audit.entries.slice(-2).map((e) => [e.event, (e as { reason?: string }).reason]), [['identity.ended', 'forgotten'], ['member.forgotten', undefined]]);
    assert.equal(chat.audit.entries.at(-1)?.actor, ALEX.memberId);

    await chat.say('Prescription refills');
    const after = await chat.say('1');
    assertNoPhi(textOf(after), 'after forget me');
    assert.match(textOf(after), /text a 6-digit code/, 'verification starts again');
  });

  it('a yes long after the question deletes nothing', async () => {
    let now = Date.parse('2025-06-05T17:00:00Z');
    const chat = new MemberChat({ now: () => now });
    await chat.open();
    await chat.signIn(ALEX.memberId);
    await chat.say('forget me');
    now += 10 * 60_000;
    await chat.say('yes');
    assert.ok(!chat.audit.entries.some((e) => e.event === 'member.forgotten'));
  });
});
