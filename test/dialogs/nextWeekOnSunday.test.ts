import assert from 'node:assert/strict';
import { zonedTime } from '../../services/time';
import { linksOf, textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';

/**
 * Moving a visit "to next week" (newcomer run v11b, XS04, Teams: on Sunday Dec 6, "can i move my
 * appt to next week" for a visit on Fri Dec 18 looked for Dec 21-27, two weeks out). "Next week" /
 * "la próxima semana" / "la semana que viene" is the calendar week after the current one, Monday to
 * Sunday as "this week" is, said on a Sunday or a weekday, on the member's clock (MEMBER_TIME_ZONE:
 * late Sunday in Honolulu is already Monday in UTC). Only a visit that is itself next week moves to
 * the week after it. Alex's visits: Tue Jun 10 3:00 PM (video) and Tue Jun 17 9:30 AM (lab).
 * Real recognizer and dialogs; sentences differ from the run's.
 */
describe('moving a visit "to next week", said on a Sunday or a weekday (XS04)', function () {
  this.timeout(400_000);

  const sundayNight = zonedTime('2025-06-08', '22:00', 'Pacific/Honolulu');
  const thursday = zonedTime('2025-06-05', '10:00', 'Pacific/Honolulu');
  const cases = [
    { locale: 'en' as const, now: sundayNight, day: 'Sunday', say: 'can i move my appt to next week', pick: 'the lab one', week: '2025-06-09%2F2025-06-15', text: /Monday, June 9 [–-] Sunday, June 15/ },
    { locale: 'en' as const, now: thursday, day: 'Thursday', say: 'i need to push my appointment to next week', pick: 'the lab one', week: '2025-06-09%2F2025-06-15', text: /Monday, June 9 [–-] Sunday, June 15/ },
    { locale: 'es' as const, now: sundayNight, day: 'Sunday', say: 'puedo cambiar mi cita a la proxima semana', pick: 'la del laboratorio', week: '2025-06-09%2F2025-06-15', text: /lunes, 9 de junio [–-] domingo, 15 de junio/ },
    { locale: 'es' as const, now: thursday, day: 'Thursday', say: 'quiero mover mi cita para la semana que viene', pick: 'la del laboratorio', week: '2025-06-09%2F2025-06-15', text: /lunes, 9 de junio [–-] domingo, 15 de junio/ },
    // The video visit is itself next week: "next week" for it is the week after.
    { locale: 'en' as const, now: sundayNight, day: 'Sunday', say: 'can i move my appt to next week', pick: 'the video one', week: '2025-06-16%2F2025-06-22', text: /Monday, June 16 [–-] Sunday, June 22/ },
  ];

  for (const c of cases) {
    it(`Teams ${c.locale}, ${c.day}: "${c.say}" (${c.pick}) looks in ${c.week}`, async () => {
      const chat = new MemberChat({
        channelId: 'msteams',
        locale: c.locale === 'es' ? 'es-US' : 'en-US',
        from: { id: '29:alex', aadObjectId: ALEX.teams },
        env: { MEMBER_TIME_ZONE: 'Pacific/Honolulu' },
        now: () => c.now.getTime(),
        overrides: { understanding: undefined, emergencyCheck: undefined },
      });
      await chat.open(c.locale === 'es' ? 'hola' : 'hi');
      const asked = textOf(await chat.say(c.say));
      assert.match(asked, c.locale === 'es' ? /¿Qué cita/ : /Which appointment/, asked);
      const done = await chat.say(c.pick);
      const link = linksOf(done).find((l) => l.includes('action=reschedule')) ?? '';
      assert.ok(link.includes(`when=${c.week}`), `${textOf(done)} ${link}`);
      assert.match(textOf(done), c.text, textOf(done));
    });
  }
});
