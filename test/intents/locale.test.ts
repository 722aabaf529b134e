import assert from 'node:assert/strict';
import { detectLocale } from '../../intents';

describe('detectLocale', () => {
  it('recognizes Spanish messages, with or without accents', () => {
    for (const text of ['hola', 'necesito una cita', 'mi receta', 'no puedo entrar a mi cuenta', 'olvidé mi contraseña', 'olvide mi contrasena', '¿dónde están mis resultados?', 'kiero una sita xq toy enfermo']) {
      assert.equal(detectLocale(text), 'es', text);
    }
  });

  it('recognizes English messages', () => {
    for (const text of ['hi', 'refill', 'ok', 'I need to reset my password', 'where are my lab results', 'cant login']) {
      assert.equal(detectLocale(text), 'en', text);
    }
  });

  it('short ambiguous messages follow the hint', () => {
    assert.equal(detectLocale('ok', 'es'), 'es');
    assert.equal(detectLocale('911', 'es'), 'es');
    assert.equal(detectLocale('👍', 'es'), 'es');
    assert.equal(detectLocale('ok', 'en'), 'en');
    assert.equal(detectLocale(''), 'en');
  });

  it('clear evidence beats the hint', () => {
    assert.equal(detectLocale('hola', 'en'), 'es');
    assert.equal(detectLocale('I need a refill please', 'es'), 'en');
  });

  it('code-switching leans to Spanish when Spanish carries the sentence', () => {
    assert.equal(detectLocale('necesito un refill de mi medicina'), 'es');
    assert.equal(detectLocale('mi password no funciona'), 'es');
    assert.equal(detectLocale('hola, I need help with my bill'), 'en');
  });

  it('never throws on odd input', () => {
    assert.equal(detectLocale(undefined as unknown as string), 'en');
    assert.equal(detectLocale('\u0000\u0007'.repeat(10)), 'en');
    assert.equal(detectLocale('hola '.repeat(50_000)), 'es');
  });
});
