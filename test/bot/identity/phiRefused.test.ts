import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../../identity/core/devPortal';
import { linksOf, textOf, TEST_NOW } from '../../support/chat';
import { ALEX, assertNoPhi, codeIn, JORDAN, MemberChat } from '../../support/identity';

const SIGN_IN = 'https://member.evergreen-health.example/sign-on';

/** Asks for every kind of record the way a member would; returns what was shown. */
async function askForEverything(chat: MemberChat): Promise<string> {
  await chat.open();
  const shown: string[] = [];
  for (const turn of [['Prescription refills', 'Check status', '1000101'], ['Prescription refills', 'Refill now', '1000106'], ['Appointments', 'Find my appointments', 'Myself'], ['Appointments', 'Cancel an appointment', 'A family member']]) {
    for (const text of turn) shown.push(textOf(await chat.say(text)));
    await chat.say('never mind');
  }
  // Portal links carry the Rx number the member typed (the refill page's ?rx=): their own words.
  return shown.join('\n').replace(/https:\/\/\S+/g, '<link>');
}

/** Alex texts about refills and asks for a one-time code: the chat and the code that was sent. */
async function smsCodeSent(): Promise<{ chat: MemberChat; code: string }> {
  const chat = new MemberChat({ channelId: 'sms', from: { id: ALEX.phone } });
  await chat.open();
  await chat.say('Prescription refills');
  await chat.say('1');
  const code = codeIn(await chat.say('1'));
  assert.ok(code, 'a code was sent');
  return { chat, code };
}

describe('PHI is never shown to an unverified member', () => {
  for (const channelId of ['webchat', 'msteams', 'sms'] as const) {
    it(`${channelId}: statuses, refills and appointments get general help, how to sign in, and the portal link — never data`, async () => {
      const chat = new MemberChat({ channelId, from: { id: channelId === 'sms' ? '+15035550000' : 'someone' } });
      const shown = await askForEverything(chat);
      assertNoPhi(shown, `to an unverified member on ${channelId}`);
      assert.match(shown, /Pending clinician authorization/, 'the general explanation');
      assert.match(shown, channelId === 'webchat' ? /sign in to the portal and open this chat there/ : channelId === 'sms' ? /can't confirm who you are from this number/ : /Sign in to the portal to see them/);
      assert.ok(chat.shown.join('\n').includes(SIGN_IN), 'the portal sign-in link');
      assert.deepEqual(chat.disclosures(), []);
    });
  }

  describe('Web Chat: only an assertion the portal signed, for a known member, still valid', () => {
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const forge = (claims: { exp?: number; iss?: string } = {}) => {
      const now = Math.floor(TEST_NOW.getTime() / 1000);
      return new SignJWT({})
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject(ALEX.memberId)
        .setIssuer(claims.iss ?? DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setIssuedAt(now - 10)
        .setExpirationTime(claims.exp ?? now + 300)
        .sign(stranger.privateKey);
    };

    it('a forged, expired or unknown-member assertion is refused, said so, and shows nothing', async () => {
      const chat = new MemberChat();
      await chat.open();
      for (const assertion of [await forge(), 'not-a-jwt', await chat.core.identity.developmentPortal!.sign('EH9999999')]) {
        const replies = await chat.say({ type: 'event', name: 'member/identity', value: assertion });
        assert.match(textOf(replies), /couldn't confirm your sign-in from the portal/);
      }
      const expired = await chat.core.identity.developmentPortal!.sign(ALEX.memberId, -60);
      assert.match(textOf(await chat.say({ type: 'event', name: 'member/identity', value: expired })), /couldn't confirm your sign-in/);
      await chat.say('Prescription refills');
      await chat.say('Check status');
      assertNoPhi(textOf(await chat.say('1000101')));
      assert.deepEqual(chat.disclosures(), []);
    });

    it('another user in the same conversation is not the verified member', async () => {
      const chat = new MemberChat();
      await chat.open();
      await chat.signIn(ALEX.memberId);
      chat.adapter.template.from = { id: 'someone-else', name: 'X' };
      await chat.say('Appointments');
      await chat.say('Find my appointments');
      assertNoPhi(textOf(await chat.say('Myself')));
    });

    it('verification ends after IDENTITY_TTL_MINUTES', async () => {
      let now = TEST_NOW.getTime();
      const chat = new MemberChat({ now: () => now, env: { IDENTITY_TTL_MINUTES: '15' } });
      await chat.open();
      await chat.signIn(ALEX.memberId);
      now += 15 * 60_000;
      await chat.say('Appointments');
      await chat.say('Find my appointments');
      assertNoPhi(textOf(await chat.say('Myself')));
      assert.ok(chat.audit.entries.some((e) => e.event === 'identity.ended' && e.reason === 'expired'));
    });
    it('a confirmation answered after the verification ended changes nothing, and says why', async () => {
      let now = TEST_NOW.getTime();
      const chat = new MemberChat({ now: () => now });
      await chat.open();
      await chat.signIn(ALEX.memberId);
      await chat.say('Prescription refills');
      assert.match(textOf(await chat.say('Refill now')), /Refill Levothyroxine/);
      now += 31 * 60_000;
      const replies = await chat.say('Yes');
      assert.match(textOf(replies), /Your sign-in here has ended/);
      assert.ok(!chat.disclosures().some((e) => e.record === 'refillRequest'));
    });
  });

  describe('Teams', () => {
    it('a Teams user who is no member, or whose id the channel did not vouch for, sees nothing', async () => {
      for (const [from, trust] of [[{ id: '29:x', aadObjectId: '00000000-0000-4000-8000-0000000000ff' }, true], [{ id: '29:x', aadObjectId: ALEX.teams }, false]] as const) {
        const chat = new MemberChat({ channelId: 'msteams', from, overrides: { trustChannelIdentity: trust } });
        assertNoPhi(await askForEverything(chat));
      }
    });

    it('never in a group chat, even for a mapped member', async () => {
      const chat = new MemberChat({ channelId: 'msteams', from: { id: '29:x', aadObjectId: ALEX.teams }, isGroup: true });
      await chat.open();
      await chat.say('Appointments');
      await chat.say('Find my appointments');
      const replies = await chat.say('Myself');
      assertNoPhi(textOf(replies));
      assert.match(textOf(replies), /can't show personal health information in a group chat/);
    });
  });

  describe('SMS: the phone number alone is not proof', () => {
    it('a number on file is offered a code and shown nothing until the code comes back', async () => {
      const chat = new MemberChat({ channelId: 'sms', from: { id: ALEX.phone } });
      await chat.open();
      await chat.say('Appointments');
      await chat.say('4');
      const offer = await chat.say('1');
      assert.match(textOf(offer), /text a 6-digit code to the number on file ending in 0101/);
      assertNoPhi(textOf(offer));
      const sent = await chat.say('1');
      assert.ok(codeIn(sent));
      assertNoPhi(textOf(sent).replace(/code: \d{6}/, ''));
      assert.deepEqual(chat.disclosures(), []);
    });

    it('wrong codes: refused each time, then the code is cancelled; nothing shown, the code never reaches the recognizer', async () => {
      const { chat, code } = await smsCodeSent();
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 4; i++) assert.match(textOf(await chat.say(wrong)), /doesn't match/);
      const last = await chat.say(wrong);
      assert.match(textOf(last), /cancelled after too many tries/);
      assert.ok(!chat.intents.seen.includes(wrong), `codes typed while one is awaited are masked: ${JSON.stringify(chat.intents.seen)}`);
      // A cancelled code is dead: typed afterwards it is an ordinary message (it may start a new
      // request, kept in that request's state like any opening words) and unlocks nothing.
      assertNoPhi(textOf(await chat.say(code)), 'for a cancelled code');
      assert.deepEqual(chat.disclosures(), []);
    });

    it('a code is good only for the sender it was sent to', async () => {
      const { chat, code } = await smsCodeSent();
      chat.adapter.template.from = { id: '+15035550177', name: 'Member' };
      assertNoPhi(textOf(await chat.say(code)));
    });

    it('with real member data and no Bot Framework authentication, SMS numbers and Teams ids are not trusted', async () => {
      for (const [channelId, from] of [['sms', { id: ALEX.phone }], ['msteams', { id: '29:x', aadObjectId: ALEX.teams }]] as const) {
        const chat = new MemberChat({ channelId, from, env: { MEMBER_DATA: 'fhir', FHIR_BASE_URL: 'http://127.0.0.1:9/fhir' } });
        await chat.open();
        await chat.say('Appointments');
        await chat.say(channelId === 'sms' ? '4' : 'Find my appointments');
        const replies = await chat.say(channelId === 'sms' ? '1' : 'Myself');
        assert.match(textOf(replies), /Sign in to the portal/);
        assert.doesNotMatch(textOf(replies), /code/);
      }
    });
  });

  it('a family member: only with proxy access the back end grants', async () => {
    const chat = new MemberChat();
    await chat.open();
    await chat.signIn(JORDAN.memberId);
    await chat.say('Appointments');
    await chat.say('Find my appointments');
    const replies = await chat.say('A family member');
    assert.match(textOf(replies), /I can only show your own appointments here/);
    assertNoPhi(textOf(replies));
    assert.ok(linksOf(replies).some((l) => l.includes('/secure/appointments/upcoming')));
  });
});
