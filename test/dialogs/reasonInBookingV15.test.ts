import assert from 'node:assert/strict';
import { assertChannelRules, textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Newcomer run v15, YX13, through the real triage, recognizer and dialogs:
 * - the reason for the visit said inside a booking ("pues es por la tos de la niña" to "What kind
 *   of care?") is the visit's reason: the nurse line in one line and the booking goes on, not the
 *   nurse-line answer with a same-day link for the member themself (dialogs/appointment/visitReason.ts);
 *   an emergency sign in it still gets 911;
 * - the booking details said in the message an abuse disclosure interrupts ("en persona pero mi
 *   esposo me pega...") are kept with the paused booking: not asked again when it goes on
 *   (dialogs/common/runningTask.ts).
 */
describe('the reason for a visit inside booking, and details said with a disclosure (v15 YX13)', function () {
  this.timeout(120_000);
  const reasons = [
    { channelId: 'sms', locale: 'es', open: 'necesito cita para mi hija', reason: 'pues es por la tos de la niña', next: /Cómo prefiere que le atiendan/ },
    { channelId: 'msteams', locale: 'es', open: 'necesito cita para mi hija', reason: 'es por un sarpullido que le salió en el brazo', next: /Cómo prefiere que le atiendan/ },
    { channelId: 'sms', locale: 'en', open: 'i need an appointment for my son', reason: 'its for his ear infection', next: /How would you like to be seen/ },
    { channelId: 'msteams', locale: 'en', open: 'i need an appointment for my daughter', reason: 'its for her cough', next: /How would you like to be seen/ },
  ] as const;
  for (const c of reasons) {
    it(`${c.channelId} ${c.locale}: "${c.reason}" at the kind-of-care question is the visit's reason`, async () => {
      const chat = await realChat(c.channelId, { locale: c.locale });
      await chat.say(c.open);
      const replies = await chat.say(c.reason);
      const reply = textOf(replies);
      assert.match(reply, /1-800-555-0111/, reply);
      assert.match(reply, c.next, reply);
      assert.doesNotMatch(reply, /for=self|e-visit|Atención primaria|Primary care/, reply);
      assertChannelRules(c.channelId, replies);
    });
  }

  it('sms en: an emergency sign said as the reason still gets 911, not the booking', async () => {
    const chat = await realChat('sms', { locale: 'en' });
    await chat.say('i need an appointment for my daughter');
    const reply = textOf(await chat.say('its for her cough, she cant breathe and her lips are turning blue'));
    assert.match(reply, /911/, reply);
    assert.doesNotMatch(reply, /How would you like to be seen/, reply);
  });

  for (const channelId of ['sms', 'msteams'] as const) {
    it(`${channelId} es: "en persona" said with the disclosure is not asked again when the booking goes on`, async () => {
      const chat = await realChat(channelId, { locale: 'es' });
      await chat.say('necesito cita para mi hija tiene tos desde hace dias');
      assert.match(textOf(await chat.say('en persona pero mi esposo me pega y tengo miedo de ir a la clinica sola')), /1-800-799-7233/);
      await chat.say('no se que hacer');
      const replies = await chat.say('y la cita de mi hija? el jueves en la tarde');
      const reply = textOf(replies);
      assert.match(reply, /911/, reply);
      assert.doesNotMatch(reply, /Cómo prefiere que le atiendan/, reply);
      assert.match(reply, /En persona/, reply);
      assert.match(reply, /Para un familiar/, reply);
      assertChannelRules(channelId, replies);
    });
  }
});
