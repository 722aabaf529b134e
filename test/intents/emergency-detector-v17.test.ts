import assert from 'node:assert/strict';
import { buildSafetyTriage } from '../../intents/triage/safetyTriage';
import { sharedDetector } from './support/fixtures';
import { itFiresStrong, type RuleHit } from './support/ruleHits';

const detect = (text: string) => sharedDetector().detect(text);

/**
 * Concepts the development set v17 missed, each in other wordings than the set's (both
 * languages), and look-alikes the new rules must leave alone.
 */
describe('EmergencyDetector: concepts missed on development set v17', () => {
  const hits: RuleHit[] = [
    // someone who slumps or collapses and then does not answer: 911, whatever else is asked
    ['my grandpa slumped forward in his recliner and isnt responding', 'medical', /collapsed\.unresponsive$/],
    ['my dad slid out of his chair and is not talking', 'medical', /collapsed\.unresponsive$/],
    ['she fainted in the kitchen and now she wont wake up', 'medical', /^en\.medical\./],
    ['mi abuelo se desplomo en el sillon y no me contesta', 'medical', /^es\.medical\./],
    ['se fue de lado en la mesa y no nos habla', 'medical', /collapsed\.unresponsive$/],
    // taking a whole supply at once, announced
    ['gonna take the whole bottle tonight', 'crisis', /overdose\.intent$/],
    ['i decided to swallow them all at once', 'crisis', /overdose\.intent$/],
    // not planning to be alive
    ['honestly i dont plan on being alive next month', 'crisis', /not\.alive$/],
    ['ya no voy a estar viva para navidad', 'crisis', /not\.alive$/],
    // driving into traffic, wished
    ['a veces manejando me dan ganas de echarme al trafico', 'crisis', /want\.die$/],
    // fresh cuts where self-harm is hidden
    ['found new cuts on her wrists again when she was changing', 'crisis', /self\.harm\.other$/],
    ['le vi cortadas recientes en los muslos a mi hija', 'crisis', /self\.harm\.hidden$/],
    // the means acquired
    ['my roommate has a noose in his closet', 'crisis', /means\.acquired$/],
    ['he keeps saying goodbye and he bought a rope yesterday', 'crisis', /means\.acquired$/],
    ['esta muy deprimida y escondio una soga en el garaje', 'crisis', /means\.acquired$/],
    // touching exposed wiring
    ['my daughter touched a frayed cord and got thrown back', 'medical', /electrical$/],
    // a product on the skin or hands
    ['spilled weed killer all over my hands', 'poison', /exposure$/],
    ['a mi hijo le salpico acido muriatico en los brazos', 'poison', /exposure$/],
  ];
  itFiresStrong(hits);

  const lookalikes = [
    'the app collapsed and isnt responding',
    'my dad slumped on the couch watching tv, he is fine',
    'the website went down and isnt responding',
    'se cayo la pagina y no responde',
    'take all of them at once or spread out through the day? my antibiotics',
    'I wont be here next week, I am traveling',
    'the plant wont be alive by friday if I keep forgetting to water it',
    'no voy a estar en casa para la entrega',
    'got a scratch on her arms from the cat, fresh cuts everywhere lol',
    'she has fresh cuts on her arms from the rose bushes',
    'bought a jump rope for my son',
    'compre una soga para el tendedero',
    'touched a live wire in a video game',
    'I spilled coffee on my hands',
  ];
  for (const text of lookalikes) {
    it(`not an emergency by the new rules: ${text}`, () => {
      const m = detect(text);
      assert.ok(!m || !/(collapsed\.unresponsive|overdose\.intent|want\.die|not\.alive|self\.harm\.(other|hidden)|means\.acquired|electrical|exposure)$/.test(m.rule), `false alarm (${m?.rule}) on: ${text}`);
    });
  }
});

describe('Safety triage: an emergency told after a portal task, in another sentence (development set v17)', () => {
  const triage = (text: string) => buildSafetyTriage(sharedDetector()).triage.triage(text);
  const cases: Array<[string, string]> = [
    ['I need the pharmacy hours. wait my wife just slumped over on the couch and isnt responding', 'medical'],
    ['can you move my dentist visit to monday? never mind, planning on swallowing the whole bottle tonight', 'crisis'],
    ['necesito mi factura. mi suegro se desplomo en la silla y no nos contesta', 'medical'],
    ['cambie mi cita pero ni modo, no pienso seguir con vida para el lunes', 'crisis'],
  ];
  for (const [text, kind] of cases) {
    it(`emergency (${kind}), not the task: ${text}`, () => {
      const r = triage(text);
      assert.equal(r.match?.intent, 'emergency', JSON.stringify(r));
      assert.equal(r.match?.kind, kind);
    });
  }
});

describe('EmergencyDetector: "you won\'t have to worry about me" (development set v17)', () => {
  for (const text of ['dad said soon we wont have to worry about him', 'you will never have to worry about me again', 'pronto ya no van a tener que preocuparse por mi', 'mi hermana dice que ya no vamos a tener que preocuparnos por ella']) {
    it(`crisis: ${text}`, () => assert.equal(sharedDetector().detect(text)?.rule.endsWith('no.more.worry'), true, text));
  }
  for (const text of ['you dont have to worry about me, im fine', 'with autopay you wont have to worry about me missing a payment anymore', 'after this week you wont have to worry about me, im switching plans', 'no se preocupe por mi cita, ya la cambie']) {
    it(`not a crisis: ${text}`, () => assert.notEqual(sharedDetector().detect(text)?.rule.endsWith('no.more.worry'), true, text));
  }
});

describe('EmergencyDetector: "stops breathing" in every form, not a snorer asleep', () => {
  const detect = (text: string) => sharedDetector().detect(text);
  for (const text of ['my newborn stops breathing for a few seconds and turns pale', 'my baby stops breathing in her sleep and then gasps', 'he keeps stopping breathing']) {
    it(`medical: ${text}`, () => assert.equal(detect(text)?.kind, 'medical', text));
  }
  for (const text of ['my wife snores and stops breathing in her sleep, should she do a sleep study', 'I have sleep apnea and stop breathing at night']) {
    it(`not the stopped-breathing rule: ${text}`, () => assert.notEqual(detect(text)?.rule, 'en.medical.breathing.stopped', text));
  }
});
