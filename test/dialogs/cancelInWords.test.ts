import assert from 'node:assert/strict';
import type { AssistantOverrides } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../common/logger';
import { createUnderstanding, EmergencyDetector } from '../../intents';
import { textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';

/**
 * Cancelling in the member's words, through the real recognizer (newcomer run v11): "actually
 * nevermind just cancel it" while moving cancels that visit (XP05); a pick at the list of visits by
 * the clinician's name (XP05); "cancela esa" right after a family member's visits are listed
 * cancels it (XP13); "la pueden cancelar ustedes" after the cancel answer stays on the appointment,
 * not billing (XQ03).
 */
describe('cancelling in the member\'s words (real recognizer)', function () {
  this.timeout(60_000);
  let real: AssistantOverrides;

  before(async () => {
    const understanding = await createUnderstanding(loadConfig({ NODE_ENV: 'test' }).nlu, { logger: silentLogger() });
    real = { understanding, emergencyCheck: new EmergencyDetector() };
  });

  const teams = async (): Promise<MemberChat> => {
    const chat = new MemberChat({ overrides: real, channelId: 'msteams', from: { id: '29:alex', aadObjectId: ALEX.teams } });
    await chat.open();
    return chat;
  };
  const webEs = async (): Promise<MemberChat> => {
    const chat = new MemberChat({ overrides: real, channelId: 'webchat', locale: 'es-US' });
    await chat.open();
    await chat.signIn(ALEX.memberId);
    return chat;
  };

  it('Teams, XP05: "actually nevermind just cancel it" while moving asks to cancel that visit', async () => {
    for (const said of ['actually nevermind just cancel it', 'never mind, just cancel it', 'olvídalo, mejor cancélala']) {
      const chat = await teams();
      await chat.say('i need to move my appt with dr chen');
      const next = textOf(await chat.say(said));
      assert.match(next, /Cancel the video visit on Tue, Jun 10, 3:00 PM with Dr\. Maya Chen \(Primary care follow-up\)\?|¿Cancelar la consulta por video del mar, 10 de jun/, `${said}: ${next}`);
    }
  });

  it('Teams, XP05: at the list of visits to cancel, the clinician, the kind, the time pick one', async () => {
    for (const [said, expected] of [
      ['the dr chen one', /Tue, Jun 10, 3:00 PM/],
      ['the one with chen', /Tue, Jun 10, 3:00 PM/],
      ['the lab one', /Tue, Jun 17, 9:30 AM/],
      ['the 3pm', /Tue, Jun 10, 3:00 PM/],
    ] as const) {
      const chat = await teams();
      assert.match(textOf(await chat.say('cancel my appointment')), /Which appointment do you want to cancel\?/);
      const confirm = textOf(await chat.say(said));
      assert.match(confirm, /^Cancel the /, `${said}: ${confirm}`);
      assert.match(confirm, expected, said);
    }
  });

  it('Web Chat es, XP13: a family member\'s visits listed at once, then "cancela esa" asks to cancel it', async () => {
    const chat = await webEs();
    const list = textOf(await chat.say('hola quiero ver las citas de mi papa, yo le ayudo con eso'));
    assert.match(list, /Próximas citas de Sam/, list);
    for (const said of ['cancela esa del domingo porfa']) {
      const confirm = textOf(await chat.say(said));
      assert.match(confirm, /¿Cancelar la consulta en persona del dom, 8 de jun, 10:00 a\.\s?m\. con Dr\. Priya Patel \(Vacunas\) para Sam\?/, `${said}: ${confirm}`);
    }
    for (const said of ['cancela esa porfa', 'la puedes cancelar?', 'cancel that one please']) {
      const other = await webEs();
      await other.say('quiero ver las citas de mi papa');
      assert.match(textOf(await other.say(said)), /Cancelar la consulta|Cancel the in-person visit/, said);
    }
  });

  it('SMS es, XQ03: "la pueden cancelar ustedes" after the cancel answer is about the appointment, not billing', async () => {
    const chat = new MemberChat({ overrides: real, channelId: 'sms', locale: 'es-US', from: { id: '+15035559999' } });
    await chat.open();
    await chat.say('hola quiero cancelar mi cita del martes');
    const next = textOf(await chat.say('no tengo compu, la pueden cancelar ustedes x fa'));
    assert.doesNotMatch(next, /factura/, next);
    assert.match(next, /cancel/i, next);
  });
});
