import assert from 'node:assert/strict';
import { sharedDetector } from './support/fixtures';
import { itFiresStrong, type RuleHit } from './support/ruleHits';

/**
 * Concepts the development set v20 missed, each in other wordings than the set's (both
 * languages), and look-alikes the new rules must leave alone.
 */
describe('EmergencyDetector: concepts missed on development set v20', () => {
  const hits: RuleHit[] = [
    // a threat to do something to oneself, tacked onto a request
    ['if this doesnt get sorted today i might do something drastic to myself', 'crisis', /something\.to\.myself$/],
    ['si no me ayudan voy a hacer una locura conmigo', 'crisis', /something\.to\.myself$/],
    // someone alone with a gun who will not talk
    ['my dad locked himself in the garage with his shotgun', 'crisis', /gun\.withdrawn$/],
    ['mi esposo esta sentado en el carro con su pistola llorando', 'crisis', /gun\.withdrawn$/],
    // driving into something on purpose
    ['my son keeps saying he is gonna crash his car into a pole', 'crisis', /drive\.into$/],
    ['dice que va a estrellar el carro contra un arbol', 'crisis', /drive\.into$/],
    // burning oneself
    ['been burning my thighs with a lighter again', 'crisis', /burning\.self$/],
    ['mi hija se esta quemando los brazos con cigarros', 'crisis', /crisis\./],
    // what a poison does to a person
    ['how much antifreeze does it take to kill a person', 'crisis', /crisis\./],
    ['cuanto raticida se necesita para matar a una persona', 'crisis', /poison\.on\.person$/],
    // no reason left to go on
    ['honestly there is no reason left to keep living', 'crisis', /no\.reason$/],
    ['ya no le veo razon para seguir viviendo', 'crisis', /no\.reason$/],
    // tired of everything, and a plan
    ["i'm done with everything and i've made a plan", 'crisis', /tired\.plan$/],
    ['estoy harta de todo esto y ya hice un plan', 'crisis', /tired\.plan$/],
    // someone else's medicine given
    ['the nursing home gave my father the wrong pills tonight', 'poison', /poison\.wrong\./],
    ['en el asilo le dieron a mi mama las pastillas de otra residente', 'poison', /wrong\.meds\.given$/],
    // a mouthful of a household product
    ['my 2 year old took a big gulp of shampoo', 'poison', /mouthful\.product$/],
  ];
  itFiresStrong(hits);

  const lookalikes = [
    'i did something drastic to my hair and i regret it',
    'my husband cleaned his rifle at the range today and now his shoulder hurts',
    'somebody almost drove into a tree on the icy road in front of my house',
    'i burned my hand on the stove while cooking',
    'there is no reason to go to urgent care for this, right?',
    'i have a payment plan and im tired of paying it',
    'the pharmacy gave me the wrong pills but i caught it before taking any',
    'my kid had a sip of my coffee',
    'the kid next door has cigarette burns on his arms',
    'cuando yo era niña mi papa me quemaba con cigarros',
    'no tengo ganas de nada pero no me voy a hacer daño',
    'me quemé con la plancha sin querer',
    'ya me cansé de la dieta, tengo un plan de comidas nuevo',
    // figures of speech the older rules took for a threat or a wish to die
    'la neta quiero matar a mi compu, se traba cada cinco minutos',
    'me quiero morir de la pena, le llame a mi ex por accidente jaja',
    'mi jefa me va a matar si falto otra vez el lunes',
    'i swear i will kill my roommate if she finishes my coffee again',
  ];
  const stillEmergencies: RuleHit[] = [
    ['mi esposo me va a matar si llego tarde', 'medical', /violence\.threat$/],
    ['me quiero morir de la tristeza', 'crisis', /want\.die$/],
    ['im going to kill my brother if he touches my daughter again', 'crisis', /harm\.others$/],
    ['quiero matar a mi esposo', 'crisis', /harm\.others$/],
  ];
  itFiresStrong(stillEmergencies);

  // newcomer run v21: lips "kinda blue" with wheezing (W11) and a fever with a neck that hurts to bend (X11)
  itFiresStrong([
    ["her lips look kinda blue and she keeps coughing", 'medical', /blue\.lips$/],
    ['tiene los labios medio morados y silba al respirar', 'medical', /blue\.lips$/],
    ['my toddler has a 104 fever and cries when i try to bend her neck', 'medical', /fever\.stiff\.neck$/],
    ['mi hijo tiene calentura y llora cuando le muevo el cuello', 'medical', /fever\.stiff\.neck$/],
  ]);
  for (const text of ['i painted my nails purple for the party', 'my lips are blue from the blueberry popsicle lol', 'woke up with a stiff neck, slept wrong, no fever', 'mi hermana tiene la cara morada de los golpes que le dio su esposo']) {
    it(`not a blue-lips or stiff-neck emergency: ${text}`, () => {
      const m = sharedDetector().detect(text);
      assert.ok(!m || !/blue\.lips|stiff\.neck/.test(m.rule), `fired ${m?.rule} on: ${text}`);
    });
  }
  for (const text of lookalikes) {
    it(`not an emergency: ${text}`, () => {
      const m = sharedDetector().detect(text);
      assert.equal(m, null, `false alarm (${m?.rule}) on: ${text}`);
    });
  }
});
