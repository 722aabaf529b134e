import assert from 'node:assert/strict';
import type { AssistantOverrides } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../common/logger';
import { createUnderstanding, EmergencyDetector } from '../../intents';
import { choicesOf, textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';

/**
 * A new time of day or day said at the open times (newcomer run v13, YX02, Teams, signed in):
 * "actually afternoons work better for him" searches again with it, keeping the days asked before
 * and whom the visit is for (said back), never "Sorry, I couldn't tell which one you mean" and the
 * same times; a time that names an offered slot still picks it.
 */
describe('a new time said at the open times (real recognizer)', function () {
  this.timeout(120_000);
  let real: AssistantOverrides;

  before(async () => {
    const understanding = await createUnderstanding(loadConfig({ NODE_ENV: 'test' }).nlu, { logger: silentLogger() });
    real = { understanding, emergencyCheck: new EmergencyDetector() };
  });

  const teams = async (locale?: string): Promise<MemberChat> => {
    const chat = new MemberChat({ overrides: real, channelId: 'msteams', ...(locale ? { locale } : {}), from: { id: '29:alex', aadObjectId: ALEX.teams } });
    await chat.open();
    return chat;
  };

  it('Teams, YX02: "actually afternoons work better for him" offers afternoon times next week, for Sam', async () => {
    for (const [locale, steps, said, back] of [
      [undefined, ['need to book a checkup for my son', 'In person', 'next week in the morning'], 'actually afternoons work better for him', /Got it, .*June 9.*afternoon for Sam\./],
      ['es-US', ['necesito una cita de chequeo para mi hijo', 'en persona', 'la proxima semana en la mañana'], 'mejor en la tarde', /Entendido: .*9 de junio.*tarde para Sam\./],
    ] as const) {
      const chat = await teams(locale);
      let replies = await chat.say(steps[0]);
      for (const step of steps.slice(1)) replies = await chat.say(step);
      assert.ok(choicesOf(replies).some((c) => /9:00/.test(c)), textOf(replies));
      replies = await chat.say(said);
      const text = textOf(replies);
      assert.doesNotMatch(text, /couldn't tell|No sé cuál/, `${said}: ${text}`);
      assert.match(text, back, `${said}: ${text}`);
      const times = choicesOf(replies).filter((c) => /\d:\d\d/.test(c));
      assert.ok(times.length > 0 && times.every((c) => /(?:[1-5]:\d\d\s?(?:PM|p\.\s?m\.))/.test(c)), `${said}: ${times.join(' | ')}`);
      // A time that names an offered slot still picks it.
      assert.match(textOf(await chat.say(locale ? 'el lunes a las 2pm con la dra chen' : 'monday 2pm with dr chen')), /Book an in-person visit on Mon, Jun 9, 2:00 PM with Dr\. Maya Chen for Sam\?|¿Reservar una consulta en persona el lun, 9 de jun, 2:00 p\.\s?m\. con Dr\. Maya Chen para Sam\?/);
    }
  });
});
