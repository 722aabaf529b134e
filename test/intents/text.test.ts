import assert from 'node:assert/strict';
import { normalizeChars, splitSentences } from '../../intents/text/normalize';
import { ShorthandExpander, loadShorthand } from '../../intents/text/shorthand';
import { TypoCorrector } from '../../intents/text/typo-corrector';

describe('text pipeline', () => {
  it('normalization keeps negations and strips accents', () => {
    assert.equal(normalizeChars("I can't breathe!!"), 'i cant breathe');
    assert.equal(normalizeChars('I cannot breathe'), 'i cannot breathe');
    assert.equal(normalizeChars('Olvidé mi CONTRASEÑA'), 'olvide mi contrasena');
    assert.equal(normalizeChars('call 9-1-1 w/ me'), 'call 911 with me');
    assert.equal(normalizeChars('heeeelp 😭😭'), 'heelp');
    assert.equal(normalizeChars('\u0000a\u0007b'), 'a b');
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
