import assert from 'node:assert/strict';
import type { AssistantOverrides } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../common/logger';
import { createUnderstanding, EmergencyDetector } from '../../intents';
import { textOf } from '../support/chat';
import { MemberChat } from '../support/identity';

/**
 * A change of mind from cancelling to moving right after the cancel answer (newcomer run v13,
 * YX03, SMS): "y mejor como la cambio para otro dia" and "no no quiero cancelarla, quiero cambiarla
 * de dia" go on as moving the visit ("When would you prefer?"), never the cancel answer again.
 */
describe('cancel answer, then moving the visit instead (real recognizer)', function () {
  this.timeout(120_000);
  let real: AssistantOverrides;

  before(async () => {
    const understanding = await createUnderstanding(loadConfig({ NODE_ENV: 'test' }).nlu, { logger: silentLogger() });
    real = { understanding, emergencyCheck: new EmergencyDetector() };
  });

  const sms = async (): Promise<MemberChat> => {
    const chat = new MemberChat({ overrides: real, channelId: 'sms', locale: 'es-US', from: { id: '+15035559999' } });
    await chat.open();
    return chat;
  };

  it('SMS, YX03: after the cancel answer, words that move the visit switch to moving it', async () => {
    for (const [open, said] of [
      ['hola necesito cancelar mi cita del jueves', 'y mejor como la cambio para otro dia'],
      ['hola necesito cancelar mi cita del jueves', 'no no quiero cancelarla, quiero cambiarla de dia'],
      ['hola necesito cancelar mi cita del jueves', 'mejor la paso para la otra semana'],
      ['i need to cancel my appt on thursday', 'actually can i just move it to another day instead'],
    ] as const) {
      const chat = await sms();
      assert.match(textOf(await chat.say(open)), /Puede cancelar en la página Mis citas|You can cancel on the My appointments page/);
      const next = textOf(await chat.say(said));
      assert.doesNotMatch(next, /Puede cancelar|You can cancel|action=cancel/, `${said}: ${next}`);
      assert.match(next, /¿Cuándo prefiere\?|When would you prefer\?|cambiar su cita|move your appointment/, `${said}: ${next}`);
    }
  });
});
