import assert from 'node:assert/strict';
import type { EmergencyKind } from '../../intents/types';
import { sharedDetector } from './support/fixtures';
import { itFiresStrong, type RuleHit } from './support/ruleHits';

const detect = (text: string) => sharedDetector().detect(text);

/**
 * Concepts the development set v18 missed, each in other wordings than the set's (both
 * languages), and look-alikes the new rules must leave alone.
 */
describe('EmergencyDetector: concepts missed on development set v18', () => {
  const hits: RuleHit[] = [
    // someone who cannot be woken, in every person and tense
    ['we couldnt wake him this morning and hes breathing weird', 'medical', /unconscious$/],
    ['cant get her to wake up, she took something', 'medical', /^en\.medical\./],
    ['mi abuela no la podemos despertar y respira raro', 'medical', /unconscious$/],
    ['no pudimos despertarlo despues de la siesta', 'medical', /unconscious$/],
    // a farewell written down
    ['spent last night writing goodbye letters to my kids', 'crisis', /farewell\.written$/],
    ['she left a suicide note on the kitchen table', 'crisis', /^en\.crisis\./],
    ['estoy escribiendo cartas de despedida para mis hijos', 'crisis', /^es\.crisis\./],
    ['grabe un video de despedida para mi mama', 'crisis', /farewell\.written$/],
    // worth more dead than alive
    ['honestly im worth more dead to my wife', 'crisis', /worth\.more\.dead$/],
    ['the kids would be better off with my life insurance than with me', 'crisis', /^en\.crisis\./],
    // hurting oneself until it bleeds, or whenever overwhelmed
    ['i punch my thighs till they bruise when things get bad', 'crisis', /self\.harm\.until$/],
    ['I bang my head when im frustrated, it helps for a second', 'crisis', /self\.harm\.until$/],
    ['me muerdo los brazos hasta sangrar cuando me agobio', 'crisis', /self\.harm\.until$/],
    // the voice that tells the member what to do
    ['esa voz me dice que me corte', 'crisis', /harm\.others$/],
    // a child who took many doses of a medicine, a child or pet chewing a plant
    ['my 3 year old got into the gummies and ate like 8 of them', 'poison', /^en\.poison\./],
    ['my toddler was chewing on the leaves of our peace lily', 'poison', /kid\.plant$/],
    ['mi nino se tomo como 6 pastillas de mi mama', 'poison', /kid\.pills$/],
    // fuels and oils swallowed
    ['my son drank some kerosene from the heater can', 'poison', /swallowed\.toxic$/],
    ['mi hija se acaba de tomar petroleo de la lampara', 'poison', /swallowed\.toxic$/],
    // someone trying to force their way in, a weapon at the door
    ['some dude is kicking in our front door right now', 'medical', /attack\.now$/],
    ['a man waving a machete outside our house', 'medical', /attack\.now$/],
  ];
  itFiresStrong(hits);

  const lookalikes = [
    "I'm writing a farewell letter to my coworker who is retiring",
    'my daughter wrote goodbye notes to her classmates because we are moving',
    'how do I name a beneficiary on my life insurance',
    'does my plan come with life insurance',
    'my son takes 4 pills a day for his adhd, can I get a refill',
    'my 5 year old ate some strawberries and got hives',
    'can my 2 year old eat spinach',
    'i scratch my arms until they bleed because of my eczema',
    'my toddler bites his arm when he gets frustrated, is that normal',
    'someone is trying to get in touch with me from your office',
    'a guy from the cable company is trying to get in to fix the router, can I move my visit',
    'he is holding a baseball bat in his team photo outside our house',
    'no puedo despertar temprano para la cita de las 7',
    'no lo puedo despertar para ir a la escuela, es adolescente',
    'la voz de mi doctora me dice que todo va bien',
    'mi nino se tomo 2 gomitas de vitaminas, es normal?',
    'el aceite de motor de mi carro gotea',
    'my kid ate a leaf of basil',
  ];
  for (const text of lookalikes) {
    it(`not an emergency: ${text}`, () => {
      const m = detect(text);
      assert.equal(m, null, `false alarm (${m?.rule}) on: ${text}`);
    });
  }
});

/**
 * Negations and figures of speech that raised 911 (development set v18 and, once looked for, 28
 * lines of the earlier sets): "no trouble breathing", a newborn with "no fever", a bill or an exam
 * that "me va a matar", "me ahogo de calor", a horror film "sin mucha sangre". The signs themselves
 * still raise it, in the same sentence too.
 */
describe('EmergencyDetector: a sign denied or a figure of speech is not an emergency (development set v18)', () => {
  const calm = [
    'rash all over his back after the new detergent, itchy, no trouble breathing',
    'she got stung on the ankle, not having any trouble breathing, just swollen',
    'my 2 week old has a little cradle cap, no fever, eating fine',
    'baby is 6 weeks old, doesnt have a fever, just fussy at night',
    'el examen final me va a matar',
    'esta renta me va a matar, subio otra vez',
    'nos vamos a ahogar de calor en el carro',
    'una serie buena con mucha sangre y zombies?',
  ];
  for (const text of calm) {
    it(`not an emergency: ${text}`, () => assert.equal(detect(text), null, `false alarm (${detect(text)?.rule}) on: ${text}`));
  }
  const still: Array<[string, EmergencyKind]> = [
    ['no trouble breathing this morning but now he cant breathe', 'medical'],
    ['she has trouble breathing and her lips look blue', 'medical'],
    ['my 3 week old had no fever this morning but now it is 100.9', 'medical'],
    ['my 5 week old has a fever of 100.6', 'medical'],
    ['mi esposo me va a matar, tiene un cuchillo', 'medical'],
    ['sale mucha sangre de la herida y no para', 'medical'],
  ];
  for (const [text, kind] of still) {
    it(`${kind}: ${text}`, () => assert.equal(detect(text)?.kind, kind, `${detect(text)?.rule ?? 'nothing'} on: ${text}`));
  }
});

/**
 * A rash that does not fade when pressed (petechiae, purpura), above all with a fever: 911, as
 * for meningococcal disease (newcomer run v19, X11: "unas manchitas moradas en las piernas que no
 * se quitan cuando las aprieto y tiene mucha calentura" got the nurse line in a child's booking).
 */
describe('EmergencyDetector: a rash that does not fade when pressed', () => {
  for (const text of [
    'my daughter has tiny red dots on her belly that dont fade when i press a glass on them',
    'dark spots on his ankles that wont go away when you push on them, and hes burning up',
    'petechiae on my sons legs and a fever of 103',
    'a mi niña le salieron puntitos morados que no se quitan al apretarlos',
    'tiene fiebre y petequias en el pecho',
  ]) {
    it(`medical: ${text}`, () => {
      const m = detect(text);
      assert.equal(m?.kind, 'medical', `${m?.rule ?? 'nothing'} on: ${text}`);
      assert.match(m!.rule, /rash\.nonblanching$/);
    });
  }
  for (const text of ['my rash doesnt go away, should i see someone', 'the spots dont fade with lotion', 'mis manchas de la cara no se quitan con nada', 'what is a non blanching rash', 'the rash goes away when i press on it']) {
    it(`not an emergency: ${text}`, () => assert.equal(detect(text), null, `${detect(text)?.rule} on: ${text}`));
  }
});
