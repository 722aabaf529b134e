import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { RecordingEscalation, realChat } from './memberWords';

/**
 * "en persona" is how to be seen, not a person (newcomer run v13, YW14: after an abuse disclosure
 * and the injury answer, "manana en la mañana si se puede, en persona" was read by the recognizer
 * as a request for a person and got a hand-off with nobody available). Through the whole bot with
 * the real recognizer and safety triage; the booking goes on, the hotline reminder stays.
 */
describe('a visit mode after a safety answer is the booking, not a person (YW14)', function () {
  this.timeout(120_000);
  it('webchat es: "mañana en la mañana si se puede, en persona" goes on with the appointment', async () => {
    const escalation = new RecordingEscalation();
    const chat = await realChat('webchat', { locale: 'es', escalation });
    await chat.say('necesito una cita para mi');
    assert.match(textOf(await chat.say('es que mi esposo me pego anoche y me duele mucho el brazo')), /1-800-799-7233/);
    await chat.say('no puedo llamar ahorita el esta en la casa. solo quiero que me revisen el brazo');
    const reply = textOf(await chat.say('manana en la mañana si se puede, en persona'));
    assert.equal(escalation.requests.length, 0, reply);
    assert.match(reply, /911/, reply);
    assert.match(reply, /cita/i, reply);
  });
});
