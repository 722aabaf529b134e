import assert from 'node:assert/strict';
import { capabilitiesOf, profileOf, TRANSCRIPT_CHANNELS } from '../../channels/capabilities';

describe('channel profiles: one row per channel that every channel-specific rule reads', () => {
  it('SMS: carrier keywords, codes by text message, plain text in 320 characters', () => {
    const sms = profileOf('sms');
    assert.equal(sms.carrierKeywords, true);
    assert.equal(sms.verification, 'smsCode');
    assert.equal(sms.capabilities.plainText, true);
    assert.equal(sms.capabilities.maxMessageLength, 320);
  });

  it('Teams verifies through Entra ID; Web Chat through the portal; neither has carrier keywords', () => {
    assert.equal(profileOf('msteams').verification, 'teams');
    for (const id of ['webchat', 'directline', 'emulator']) {
      assert.equal(profileOf(id).verification, 'portal', id);
      assert.equal(profileOf(id).carrierKeywords, false, id);
    }
  });

  it('transcripts are swept on the channels members use, not on the test channel or an unknown one', () => {
    assert.deepEqual([...TRANSCRIPT_CHANNELS], ['webchat', 'directline', 'msteams', 'sms', 'emulator']);
    assert.equal(profileOf('test').keepsTranscripts, false);
    assert.equal(profileOf('fax').keepsTranscripts, false);
  });

  it('an unknown channel gets the Web Chat-like rendering and the portal sign-in', () => {
    assert.deepEqual(capabilitiesOf('fax'), capabilitiesOf('webchat'));
    assert.equal(profileOf(undefined).verification, 'portal');
  });
});
