import assert from 'node:assert/strict';
import { loadedMacros } from '../../intents/emergency/lexicon';
import { sharedDetector } from './support/fixtures';
import { itFiresStrong, type RuleHit } from './support/ruleHits';

/**
 * Concepts the development set v21 missed, each in other wordings than the set's (both
 * languages), and look-alikes the new rules must leave alone.
 */
describe('EmergencyDetector: concepts missed on development set v21', () => {
  itFiresStrong([
    // a thought of jumping, said alone or with where from
    ["honestly i keep thinking about jumping", 'crisis', /jump\.thinking$/],
    ['my brother texted that he wants to jump off the parking garage', 'crisis', /crisis\./],
    // told to kill oneself, and agreeing
    ['people at school keep telling me to kys and maybe theyre right', 'crisis', /crisis\./],
    // looking up where to jump from
    ['i looked up which buildings downtown have no fence on the roof', 'crisis', /method\.research$/],
    // a medicine named by its name, taken twice or double
    ['i think i took my metformin twice this morning', 'poison', /too\.much$/],
    ['my dad took double his blood pressure pills today', 'poison', /too\.much$/],
    // another person's medicine taken
    ["my toddler swallowed one of grandma's xanax", 'poison', /poison\./],
    ['i accidentally took three of my roommates adderall', 'poison', /someone\.elses$/],
    ['se tomo por error las pastillas de su abuelo', 'poison', /by\.mistake$/],
    // a non-food product from a box
    ['my son ate a bunch of those desiccant packets from the shoe box', 'poison', /swallowed\.toxic$/],
    // a fall from a window or a balcony
    ['my toddler fell out of a third floor window', 'medical', /fall\.height$/],
    ['mi hijo se cayo del balcon del segundo piso', 'medical', /fall\.height$/],
    // a lethal-amount question about oneself
    ['how many of my sleeping pills could someone take before it kills them', 'crisis', /lethal\.means\.question$/],
    // swelling after a shot, in the subjunctive
    ['es normal que se le hinche la lengua despues de la inyeccion?', 'medical', /anaphylaxis\.swelling$/],
  ] satisfies RuleHit[]);

  const lookalikes = [
    'my daughter wants to jump on the trampoline all day',
    'thinking of jumping ship to another health plan',
    'my kids want to jump into the pool at the hotel',
    'i survived a heart attack years ago and feel great now',
    'my phone fell out of the window of the car',
    'my grandma fell out of bed last year, she is fine now',
    'we looked up which bridges have the best views for photos',
    'i need to pick up my husbands lisinopril, is it ready',
    'se me cayo el celular por la ventana',
    'ya no quiero seguir con el asistente virtual, paseme con una persona',
    'stop telling me to kys in the game chat lol',
  ];
  for (const text of lookalikes) {
    it(`not an emergency: ${text}`, () => {
      const m = sharedDetector().detect(text);
      assert.ok(!m?.strong, `false alarm (${m?.rule}) on: ${text}`);
    });
  }

  it('{MEDICINE} holds every medicine name of the names file, longest first', () => {
    const macro = loadedMacros(['lisinopril', 'amoxicillin clavulanate', 'amoxicillin']).MEDICINE!;
    assert.equal(macro, '(?:amoxicillin clavulanate|amoxicillin|lisinopril)');
    assert.match(loadedMacros().MEDICINE!, /\|viagra\|/);
  });
});
