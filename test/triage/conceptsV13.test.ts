import assert from 'node:assert/strict';
import { buildSafetyTriage } from '../../intents/triage/safetyTriage';
import { sharedDetector } from '../intents/support/fixtures';

/**
 * Concept and decision changes of the thirteenth session (intents/data/triage/concepts.json,
 * harmless.json, intents/triage/safetyTriage.ts), each seen in the newcomer run v13 or on the
 * development sets' missed lines, each tested at the level of the triage's outcome.
 */
describe('safety triage: concepts and decisions of the thirteenth session', function () {
  this.timeout(240_000);
  const triage = buildSafetyTriage(sharedDetector()).triage;
  const conceptsOf = (words: string): readonly string[] => triage.triage(words).concepts ?? [];

  it('"solo" is "only", not loneliness: "y si no tengo compu, solo el cel?" asks about a phone (YW08)', () => {
    assert.ok(!conceptsOf('y si no tengo compu, solo el cel?').includes('mood'));
    assert.notEqual(triage.triage('y si no tengo compu, solo el cel?').match?.intent, 'mental_health');
    assert.ok(!conceptsOf('quiero ver mi solicitud').includes('mood'));
    // Loneliness said as such stays a mood word.
    for (const words of ['me siento muy sola', 'estoy solo y triste']) assert.ok(conceptsOf(words).includes('mood'), words);
  });

  it('a camera or a microphone is a portal word, not distress (YX06)', () => {
    assert.ok(conceptsOf('no me funciona la camara').includes('task'));
    assert.notEqual(triage.triage('la tengo mañana pero no me funciona la camara').match?.intent, 'mental_health');
  });

  it('how many pills or days are left is a refill running out, no crisis doubt', () => {
    for (const words of ['i only have 2 pills left tho', 'ya nomas me quedan 3 pastillas']) {
      const r = triage.triage(words);
      assert.equal(r.match, null, words);
      assert.equal(r.safety, null, words);
    }
    // Any other word and the pattern does not match: a plan to take them is still a sign.
    const plan = triage.triage('i only have 2 pills left and im going to take all of them tonight so i never wake up');
    assert.ok(plan.match?.intent === 'emergency' || plan.safety !== null);
  });

  it('words of sexual assault and of control are violence: drugged, forced, keys and papers taken', () => {
    for (const words of ['i think i was roofied at the bar', 'me pusieron algo en la bebida y desperte sin ropa', 'a coworker forced himself on me', 'me quito las llaves y mis papeles para que no me vaya']) {
      assert.ok(conceptsOf(words).includes('violence'), words);
    }
  });

  it('someone not moving is a collapse: "lo soltaron y no se mueve" is 911', () => {
    assert.ok(conceptsOf('el electricista se quedo pegado a la linea, lo soltaron y no se mueve').includes('collapse'));
    assert.equal(triage.triage('el electricista se quedo pegado a la linea, lo soltaron y no se mueve').match?.intent, 'emergency');
  });

  it('violence happening now is 911 first, a disclosure of the past stays a disclosure (the model, with the new concepts)', () => {
    const now = triage.triage('my boyfriend is hitting me right now, i locked myself in the bathroom');
    assert.equal(now.match?.intent, 'emergency');
    assert.equal(now.match?.kind, 'medical');
    assert.equal(triage.triage('a man groped me on the bus today and I\'m still shaking').match?.intent, 'abuse');
    assert.equal(triage.triage('my husband hit me last night').match?.intent, 'abuse');
  });

  it('"en mi trabajo" is a place, not a figure of speech: a threat to shoot at work is 911', () => {
    assert.ok(!conceptsOf('un cliente en mi trabajo dice que va a disparar, estamos escondidos en la bodega').includes('figurative'));
    assert.equal(triage.triage('un cliente en mi trabajo dice que va a disparar, estamos escondidos en la bodega').match?.intent, 'emergency');
  });

  it('short wildcards no longer catch common words: earliest, legal, handle, push, pillow, podrían, no me deja entrar', () => {
    const none = (words: string, concept: string): void => assert.ok(!conceptsOf(words).includes(concept), `${words}: ${concept}`);
    none('whats the earliest appointment', 'body');
    none('where do i get legal forms', 'body');
    none('how do i handle a hipaa form', 'body');
    none('turn on push notifications', 'violence');
    none('my pillow is new', 'substance');
    none('me podrian ayudar con mi factura', 'substance');
    none('no me deja entrar al portal', 'violence');
    // The words they were written for still count.
    for (const [words, concept] of [['my ear hurts', 'body'], ['he pushed me down the stairs', 'violence'], ['mi hijo se trago una pila', 'substance'], ['mi esposo no me deja salir de la casa', 'violence'], ['she took 3 pills', 'substance']] as const) {
      assert.ok(conceptsOf(words).includes(concept), `${words}: ${concept}`);
    }
  });

  it('wishes for it to end and a throat closing are named as such', () => {
    assert.ok(conceptsOf('i hate my life and want it to end').includes('death_wish'));
    assert.ok(conceptsOf('allergic to bees, just got stung, throat getting thick').includes('breathing'));
  });
});
