import assert from 'node:assert/strict';
import { buildSafetyTriage } from '../../intents/triage/safetyTriage';
import { sharedDetector } from '../intents/support/fixtures';

/**
 * Triage changes of the fourteenth session (intents/data/triage/harmless.json, denials.json,
 * concepts.json and intents/triage/harmless.ts), each seen in the newcomer run v14, each tested
 * at the level of the triage's outcome.
 */
describe('safety triage: readings of the fourteenth session', function () {
  this.timeout(240_000);
  const triage = buildSafetyTriage(sharedDetector()).triage;
  const signalConcept = (words: string): string | undefined => {
    const safety = triage.triage(words).safety;
    return safety?.level === 'signal' ? safety.rule.split(':')[1] : undefined;
  };

  it('pills that run out on a day to come are a refill, not a crisis (YZ12: "se me acaban las pastillas el viernes" got 988)', () => {
    for (const words of ['se me acaban las pastillas el viernes', 'ya casi se me acaba la insulina', 'my pills run out friday', 'my blood pressure pills run out in 3 days']) {
      const r = triage.triage(words);
      assert.equal(r.match, null, words);
      assert.equal(r.safety, null, words);
    }
    // Any other word and the whole-message reading does not apply: an end wished for is a crisis.
    for (const words of ['se me acaban las ganas de vivir', 'my pills run out friday and honestly i dont want to be here anymore']) {
      assert.equal(triage.triage(words).match?.intent, 'emergency', words);
    }
  });

  it('"acaba" is "just" only before "de": "me acabo de tomar todas las pastillas" keeps its onset, "se me acaba la insulina" has none', () => {
    assert.ok(triage.triage('me acabo de tomar todas las pastillas').concepts?.includes('onset_now'));
    assert.ok(!triage.triage('se me acaba la insulina el lunes').concepts?.includes('onset_now'));
    assert.equal(triage.triage('me acabo de tomar todas las pastillas').match?.intent, 'emergency');
  });

  it('a medicine named after its condition is no sign ("is my blood pressure med ready", YZ01 got the nurse line); a reading of the pressure still is', () => {
    for (const words of ['hi is my blood pressure med ready', 'ya esta lista mi medicina de la presion']) {
      const concept = signalConcept(words);
      assert.ok(concept === undefined || concept === 'substance', `${words}: ${concept}`);
      assert.equal(triage.triage(words).safety?.leaning, undefined, words);
    }
    const reading = triage.triage('my blood pressure is 200 over 120 and my head is pounding');
    assert.ok(reading.match?.intent === 'emergency' || reading.safety?.level === 'signal');
    assert.ok(reading.concepts?.includes('sign') && reading.concepts.includes('pain'));
  });

  it('"help me" asking for help with a task is no plea ("can you help me write a cover letter" got the 911/988 line, YZ14)', () => {
    for (const words of ['can you help me write a cover letter', 'ayudame a escribir una carta para mi trabajo']) assert.equal(triage.triage(words).safety, null, words);
    // The plea alone is still a sign.
    for (const words of ['help me please', 'ayudame']) assert.notEqual(triage.triage(words).safety, null, words);
  });

  it('"no estoy en crisis" is a denial: never an emergency or the safety net (YZ12 got 988 twice)', () => {
    for (const words of ['no estoy en crisis, solo necesito mi metformina', "i'm not in crisis, i just need my refill"]) {
      const r = triage.triage(words);
      assert.notEqual(r.match?.intent, 'emergency', words);
      assert.notEqual(r.safety?.level, 'unsure', words);
    }
    // With a contrast it is no denial.
    assert.ok(triage.triage('no estoy en crisis pero ya no quiero vivir').match?.intent === 'emergency');
  });

  it('sight blurred or darkened in one eye is a stroke sign ("dolor de cabeza bien fuerte … veo borroso de un ojo" got the nurse line, YX14); blurry reading is not', () => {
    for (const words of ['tengo un dolor de cabeza bien fuerte desde ayer y ahora veo borroso de un ojo', 'everything went blurry in one eye']) {
      assert.ok(triage.triage(words).concepts?.includes('stroke_sign'), words);
    }
    assert.ok(!triage.triage('my vision is blurry when i read, do i need glasses').concepts?.includes('stroke_sign'));
    assert.equal(triage.triage('tengo un dolor de cabeza bien fuerte desde ayer y ahora veo borroso de un ojo').match?.intent, 'emergency');
  });

  // Still open: "he intentado ingresar al portal varias veces y no me deja" (v13) is read as English
  // by the language detector ("he", "portal", "me" against "al", "y") and stays abuse to the model.
  it('"no me deja" said of a page or an app is no abuse ("me deja escoger su nombre?" got the domestic-violence answer, v13); said of a person who will not let them out, it is', () => {
    for (const words of ['me deja escoger su nombre?', 'la app no me deja iniciar sesion', 'el portal no me deja entrar']) {
      assert.notEqual(triage.triage(words).match?.intent, 'abuse', words);
    }
    assert.equal(triage.triage('mi esposo no me deja salir de la casa y me quita el dinero').match?.intent, 'abuse');
  });

  it('a short follow-up about medicines is no crisis doubt ("y mis medicinas?" got the 911/988 line first, v13)', () => {
    for (const words of ['y mis medicinas?', 'what about my meds?']) {
      const r = triage.triage(words);
      assert.equal(r.match, null, words);
      assert.notEqual(r.safety?.level, 'unsure', words);
    }
  });

  it('blood work named as a test is no sign ("did my blood work come back" lost the SMS welcome to a silent safety signal, YX07); blood from the body still is', () => {
    for (const words of ['did my blood work come back yet', 'when do i get my blood results', 'ya salieron mis analisis de sangre']) assert.equal(triage.triage(words).safety, null, words);
    assert.equal(triage.triage('im coughing blood').match?.intent, 'emergency');
  });

  it('"sigue en pie" (still on) is no foot ("olvidalo, me quedo con la del martes. sigue en pie verdad?" got the 911 line first, v15); a foot that hurts still is a sign', () => {
    for (const words of ['olvidalo, me quedo con la del martes. sigue en pie verdad?', 'la cita sigue en pie?', 'todavia en pie lo del viernes?']) assert.equal(triage.triage(words).safety, null, words);
    assert.notEqual(triage.triage('me duele mucho el pie y esta hinchado').safety ?? triage.triage('me duele mucho el pie y esta hinchado').match, null);
  });

  it('a visit asked to be still on is no emergency ("and the other one is still happening right?" read as 911 by the retrained model, v15); a pain still there is', () => {
    for (const words of ['and the other one is still happening right?', 'is the tuesday one still on?', 'la otra sigue en pie verdad?']) {
      const r = triage.triage(words);
      assert.equal(r.match, null, words);
      assert.equal(r.safety, null, words);
    }
    assert.equal(triage.triage('my chest pain is still there').match?.intent, 'emergency');
  });
});
