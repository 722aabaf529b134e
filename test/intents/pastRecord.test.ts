import assert from 'node:assert/strict';
import { itIsEmergency, understandingForTests } from './support/classifies';

/**
 * A record or a bill of an emergency long past is the portal task, with the safety line (a
 * signal): "the records from when I overdosed in 2018" got Poison Control. The same words with the
 * event happening now or again, or a second sentence that is an emergency today, stay emergencies.
 */
describe('classify: a record or a bill of an emergency long past is the task', function () {
  this.timeout(60_000);
  const u = understandingForTests();
  const tasks: Array<[string, string]> = [
    ['my lawyer wants the ER report from when I overdosed on my pain pills two years ago', 'records'],
    ['necesito la constancia de cuando mi hijo se trago una pila el año pasado, la pide la escuela', 'records'],
    ['still getting a bill from the time my son swallowed a magnet back in 2022', 'billing'],
  ];
  for (const [text, intent] of tasks) {
    it(`${intent}, with the safety line: ${text}`, async () => {
      const r = await u().understand(text);
      assert.equal(r.intent, intent, `${r.intent}:${r.kind} for ${text}`);
      assert.equal(r.safety?.level, 'signal', JSON.stringify(r.safety));
    });
  }
  const emergencies = [
    'I need the records from my overdose last year because I took a bunch of pills again tonight',
    'I need my records from the hospital in 2019. I want to kill myself',
    'necesito el informe de cuando me intoxique el año pasado, y ahora mismo me volvio a pasar, huele a gas',
  ];
  itIsEmergency(u, emergencies);
});
