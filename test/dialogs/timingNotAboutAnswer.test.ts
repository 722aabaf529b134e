import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';

const REFILL_TIME = /usually ready in 1 to 2 business days|suele estar listo en 1 a 2 días hábiles/;

/**
 * "A refill you asked for is usually ready in 1 to 2 business days" answered any question of
 * "when" after a refill (newcomer run v13, YW03: "when is my next appt"; v12, YU02): a question
 * about another task or another medicine gets its own answer; "how long does that take" about the
 * refill just asked for still gets that timing.
 */
describe('a question of when after a refill is answered for what it asks (newcomer run v13, YW03)', function () {
  this.timeout(300_000);

  const cases = [
    { locale: 'en' as const, refill: 'can u refill my levothyroxine', yes: 'yes', ask: 'when is my next appt', want: /Your upcoming appointments/ },
    { locale: 'en' as const, refill: 'can u refill my levothyroxine', yes: 'yes', ask: 'when will my metformin be ready', want: /Metformin 500 mg tablet \(Rx 1000103\) is waiting for your care team/ },
    { locale: 'en' as const, refill: 'can u refill my levothyroxine', yes: 'yes', ask: 'when can i refill the atorvastatin', want: /Atorvastatin 20 mg tablet \(Rx 1000102\) can be refilled from/ },
    { locale: 'en' as const, refill: 'can u refill my levothyroxine', yes: 'yes', ask: 'how long until my test results are back', want: /results/ },
    { locale: 'es' as const, refill: 'me puede surtir mi levotiroxina', yes: 'si', ask: 'cuando es mi proxima cita', want: /Sus próximas citas/ },
    { locale: 'es' as const, refill: 'me puede surtir mi levotiroxina', yes: 'si', ask: 'cuando va a estar lista mi metformina', want: /Metformin 500 mg tableta \(Rx 1000103\) está esperando/ },
  ];
  for (const c of cases) {
    it(`${c.locale}: "${c.ask}" after a refill`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: c.locale });
      await chat.say(c.refill);
      await chat.say(c.yes);
      const text = textOf(await chat.say(c.ask));
      assert.match(text, c.want, text);
      assert.doesNotMatch(text, REFILL_TIME, text);
    });
  }

  for (const [locale, refill, yes, ask] of [
    ['en', 'can u refill my levothyroxine', 'yes', 'how long does that take'],
    ['en', 'can u refill my levothyroxine', 'yes', 'when will it be ready'],
    ['es', 'me puede surtir mi levotiroxina', 'si', 'cuanto tarda'],
  ] as const) {
    it(`${locale}: "${ask}" about the refill just asked for still gets its timing`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale });
      await chat.say(refill);
      await chat.say(yes);
      assert.match(textOf(await chat.say(ask)), REFILL_TIME);
    });
  }
});
