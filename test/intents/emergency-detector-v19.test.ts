import assert from 'node:assert/strict';
import { sharedDetector } from './support/fixtures';
import { itFiresStrong, type RuleHit } from './support/ruleHits';

/**
 * Concepts the development set v19 missed, each in other wordings than the set's (both
 * languages), and look-alikes the new rules must leave alone.
 */
describe('EmergencyDetector: concepts missed on development set v19', () => {
  const hits: RuleHit[] = [
    // wanting it all to end, said even after a denial word
    ['idk anymore, i need everything to end', 'crisis', /all\.to\.end$/],
    ["i don't care, i just want it all to end", 'crisis', /all\.to\.end$/],
    ['ya nada mas quiero que todo esto se termine', 'crisis', /all\.to\.end$/],
    // talking about not being around
    ['my brother keeps talking about not being here by christmas', 'crisis', /not\.being\.around$/],
    ["she said she won't be around to see our kids grow up", 'crisis', /not\.being\.around$/],
    // a knot that holds a person's weight
    ['what kind of knot would hold my weight from a beam', 'crisis', /knot\.weight$/],
    ['que nudo soporta el peso de un adulto', 'crisis', /knot\.weight$/],
    // a weapon taken to school or work
    ['my nephew says he is taking his uncles pistol to school monday', 'crisis', /weapon\.school$/],
    ['mi vecino dice que va a traer una pistola al trabajo', 'crisis', /weapon\.school$/],
    // a loving farewell, then silence
    ['my dad texted all of us saying he loves us and hes sorry, now he isnt answering', 'crisis', /farewell\.call$/],
    ['mi hermano me escribio que me quiere y que lo perdone, y ya no contesta', 'crisis', /farewell\.call$/],
    // pets or belongings given away with a farewell
    ['found a new home for my cats, wont be needing anything after this week', 'crisis', /farewell\.pets$/],
    ['le di mis gatos a mi vecina, ya no los voy a necesitar', 'crisis', /farewell\.pets$/],
    // a hit to the head, then vomiting
    ['he got tackled hard at practice and has thrown up twice since', 'medical', /head\.hit\.vomiting$/],
    // bleeding that soaks through pads
    ['two weeks after the c section and im soaking through pads with clots', 'medical', /bleeding\.soaking$/],
    ['estoy embarazada y empapo una toalla femenina cada hora', 'medical', /bleeding\.soaking$/],
    // only a few words between breaths
    ['he can barely say two words at a time', 'medical', /few\.words$/],
    ['mi papa solo puede decir unas palabras seguidas', 'medical', /few\.words$/],
    // a second dose after forgetting the first
    ['forgot i already took my metoprolol and took another one', 'poison', /forgot\.took\.another$/],
  ];
  itFiresStrong(hits);

  const lookalikes = [
    'I just want this meeting to end',
    'i want this itching to end already',
    "I won't be around next week, I'm out of town for work",
    'my dad has stage 4 cancer and says he wont be here much longer',
    'which knot is best for a hammock to hold my weight',
    'can my son bring a toy gun to school for his costume',
    'we gave our cat to my sister because we are moving, wont need the litter box',
    'gave my dog to my mom while I have surgery',
    'regale a mi gato porque me mudo, ya no lo puedo tener',
    'I bumped my head on a cabinet, no vomiting, I feel fine otherwise',
    'night sweats soaking the sheets every night',
    'heavy periods, soaking a pad every 3 hours on the worst day for months',
    'my toddler can only say a few words, is that normal',
    'mi bebe de 18 meses solo puede decir dos palabras',
    'I forgot to take my pill this morning, can I take two tonight',
    'quiero que se acabe esta semana',
  ];
  for (const text of lookalikes) {
    it(`not an emergency: ${text}`, () => {
      const m = sharedDetector().detect(text);
      assert.equal(m, null, `false alarm (${m?.rule}) on: ${text}`);
    });
  }
});
