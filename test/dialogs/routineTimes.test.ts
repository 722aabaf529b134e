import assert from 'node:assert/strict';
import { choicesOf, textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';
import { PreferredTimeParser } from '../../dialogs/appointment/when';

const REAL = { understanding: undefined, emergencyCheck: undefined };

/**
 * A time of day named by a routine (newcomer run v11, XQ02): "next week afternoons, after school"
 * was offered 2:00 PM. "after school" / "saliendo de la escuela" is from 3:30 PM, "after work" /
 * "despues del trabajo" from 5:00 PM, in both languages, through the real dialogs on Teams.
 */
describe('"after school" and "after work" are late-afternoon times (newcomer run v11, XQ02)', function () {
  this.timeout(300_000);

  const cases = [
    { es: false, open: 'need to get my son in for a checkup', mode: 'In person', when: 'next week afternoons, after school', from: 15 * 60 + 30 },
    { es: true, open: 'necesito una cita de chequeo para mi hijo', mode: 'En persona', when: 'la semana que viene saliendo de la escuela', from: 15 * 60 + 30 },
    { es: false, open: 'i need a checkup for my daughter', mode: 'In person', when: 'tuesday when school gets out', from: 15 * 60 + 30 },
  ];

  for (const c of cases) {
    it(`Teams ${c.es ? 'es' : 'en'}: "${c.when}" offers no time before ${Math.floor(c.from / 60)}:${String(c.from % 60).padStart(2, '0')}`, async () => {
      const chat = new MemberChat({ channelId: 'msteams', locale: c.es ? 'es-US' : 'en-US', from: { id: '29:alex', aadObjectId: ALEX.teams }, overrides: REAL });
      await chat.open(c.es ? 'hola' : 'hi');
      await chat.say(c.open);
      await chat.say(c.mode);
      const offered = await chat.say(c.when);
      const times = choicesOf(offered)
        .map((t) => /(\d{1,2}):(\d{2})\s*([AP])\.?\s?M/i.exec(t))
        .filter((m): m is RegExpExecArray => !!m)
        .map((m) => ((Number(m[1]) % 12) + (/p/i.test(m[3]!) ? 12 : 0)) * 60 + Number(m[2]));
      assert.ok(times.length > 0, `${textOf(offered)}\n${choicesOf(offered).join(' | ')}`);
      assert.ok(times.every((t) => t >= c.from), choicesOf(offered).join(' | '));
    });
  }

  // The sample clinics close at 5: "after work" is checked where it is read.
  const parser = new PreferredTimeParser();
  const now = new Date('2025-06-05T15:00:00Z');
  for (const [said, locale] of [['tomorrow after work', 'en'], ['after i get off work', 'en'], ['el jueves despues del trabajo', 'es'], ['saliendo de trabajar', 'es']] as const) {
    it(`"${said}" is from 5:00 PM`, () => {
      const parsed = parser.parse(said, locale, now);
      assert.ok(parsed.ok && parsed.value.after === '17:00', JSON.stringify(parsed));
    });
  }
});
