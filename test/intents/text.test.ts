import assert from 'node:assert/strict';
import { normalizeChars, splitSentences } from '../../intents/text/normalize';
import { ShorthandExpander, loadShorthand } from '../../intents/text/shorthand';
import { stem, tokenize } from '../../intents/text/stem';
import { TypoCorrector } from '../../intents/text/typo-corrector';
import { loadTrainingSet } from '../../intents/training-data';
import PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer');
import PorterStemmerEs = require('natural/lib/natural/stemmers/porter_stemmer_es');

describe('text pipeline', () => {
  it('normalization keeps negations and strips accents', () => {
    assert.equal(normalizeChars("I can't breathe!!"), 'i cant breathe');
    assert.equal(normalizeChars('I cannot breathe'), 'i cannot breathe');
    assert.equal(normalizeChars('Olvidé mi CONTRASEÑA'), 'olvide mi contrasena');
    assert.equal(normalizeChars('call 9-1-1 w/ me'), 'call 911 with me');
    assert.equal(normalizeChars('heeeelp 😭😭'), 'heelp');
    assert.equal(normalizeChars('\u0000a\u0007b'), 'a b');
  });

  it('stems (remembered per language) are what the natural stemmers give, each word in each language, in any order', () => {
    const words = new Set(['cancelar', 'citas', 'appointments', 'refilling', 'pagar', 'facturas', 'breathing', 'ab', '12345']);
    for (const example of loadTrainingSet()) for (const t of tokenize(normalizeChars(example.text))) words.add(t);
    const direct = (word: string, locale: 'en' | 'es') =>
      word.length < 3 || /^\d+$/.test(word) ? word : locale === 'es' ? PorterStemmerEs.stem(word) : PorterStemmer.stem(word);
    assert.notEqual(direct('cancelar', 'en'), direct('cancelar', 'es'), 'the check needs a word the two stemmers disagree on');
    for (let round = 0; round < 2; round++) {
      for (const word of words) {
        for (const locale of round === 0 ? (['en', 'es'] as const) : (['es', 'en'] as const)) assert.equal(stem(word, locale), direct(word, locale), `${word} (${locale})`);
      }
    }
  });

  it('splits sentences on punctuation and line breaks', () => {
    assert.deepEqual(splitSentences('Pay my bill. My dad has chest pain!\nhelp'), ['pay my bill', 'my dad has chest pain', 'help']);
    assert.deepEqual(splitSentences('it costs 1.5 dollars'), ['it costs 15 dollars']);
  });

  it('expands shorthand per locale', () => {
    const s = new ShorthandExpander(loadShorthand());
    assert.deepEqual(s.expand(['kms'], 'en'), ['kill', 'myself']);
    assert.deepEqual(s.expand(['k', 'pasa'], 'es'), ['que', 'pasa']);
    assert.deepEqual(s.expand(['k'], 'en'), ['okay']);
    assert.deepEqual(s.expand(['appt', 'tmrw'], 'en'), ['appointment', 'tomorrow']);
  });

  it('corrects typos toward targets but never real words', () => {
    const c = new TypoCorrector(['breathe', 'chest', 'pain', 'plan', 'appointment'], new Set(['paid', 'plan', 'pain', 'chest', 'breathe', 'appointment']));
    assert.equal(c.correct('brethe'), 'breathe');
    assert.equal(c.correct('chset'), 'chest');
    assert.equal(c.correct('apointmnet'), 'appointment');
    assert.equal(c.correct('pian'), 'pain', 'a swapped pair breaks the tie with "plan"');
    assert.equal(c.correct('paid'), 'paid', 'known words are never corrected');
    assert.equal(c.correct('xyz'), 'xyz', 'short tokens are left alone');
    assert.equal(c.correct('zzzzzz'), 'zzzzzz');
  });
});
