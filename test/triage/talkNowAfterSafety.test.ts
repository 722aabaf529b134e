import assert from 'node:assert/strict';
import { assertChannelRules, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * What members wrote right after a safety answer in the newcomer run v6 (WG09, WG12), with the
 * real triage and recognizer through the whole bot; the sentences are not the run's. Not wanting to
 * phone anyone after 988 gets the ways without a call (988 by text or chat), never the Member
 * Services hand-off the recognizer's "agent" would give; someone to talk to now after the nurse
 * line is the nurse line itself.
 */
describe('after a safety answer, talking to someone now (newcomer run v6: WG09, WG12)', function () {
  this.timeout(60_000);

  it('Web Chat, English: after 988, "rather not phone anybody" gets 988 by text or chat, not Member Services', async () => {
    const chat = await realChat('webchat');
    assert.match(textOf(await chat.say("there's no point in going on, i'm going to end it tonight")), /988/);
    const replies = await chat.say("i'd rather not phone anybody");
    const text = textOf(replies);
    assert.match(text, /text 988/);
    assert.match(text, /988lifeline\.org/);
    assert.doesNotMatch(text, /Member Services|No one from our chat team/);
    assertChannelRules('webchat', replies);
  });

  it('SMS, Spanish: after 988, "no me animo a llamar a nadie" gets 988 by text or chat', async () => {
    const chat = await realChat('sms', { locale: 'es' });
    assert.match(textOf(await chat.say('ya no aguanto, quiero quitarme la vida')), /988/);
    const replies = await chat.say('no me animo a llamar a nadie');
    const text = textOf(replies);
    assert.match(text, /988/);
    assert.match(text, /988lineadevida\.org/);
    assert.doesNotMatch(text, /Servicios para Miembros/);
    assertChannelRules('sms', replies);
  });

  it('Web Chat, English: after the nurse line, "anybody I can speak with right now" is the nurse line, not a hand-off', async () => {
    const chat = await realChat('webchat');
    assert.match(textOf(await chat.say('my ear has been aching for two days and it feels plugged')), /1-800-555-0111/);
    const text = textOf(await chat.say('is there anybody i can speak with right now'));
    assert.match(text, /talk to a nurse now/);
    assert.match(text, /1-800-555-0111/);
    assert.doesNotMatch(text, /No one from our chat team|Member Services/);
  });
});
