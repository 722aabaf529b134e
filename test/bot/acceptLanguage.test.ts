import assert from 'node:assert/strict';
import { preferredLanguageTag, preferredLocale } from '../../http/acceptLanguage';

describe('Accept-Language → the assistant\'s language', () => {
  it('takes the preferred tag among en and es, by quality then order', () => {
    assert.equal(preferredLanguageTag('es-MX,es;q=0.9,en;q=0.8'), 'es-MX');
    assert.equal(preferredLanguageTag('en;q=0.4, es-US;q=0.7'), 'es-US');
    assert.equal(preferredLanguageTag('fr-FR, de;q=0.9, es;q=0.5'), 'es');
    assert.equal(preferredLanguageTag(['fr', 'en-GB']), 'en-GB');
    assert.equal(preferredLocale('ES-us'), 'es');
  });

  it('nothing usable: undefined (the caller keeps its default)', () => {
    for (const header of [undefined, '', '*', 'fr-FR, de', 'es;q=0', 'x'.repeat(600), 'es-US;q=abc', '<script>']) {
      assert.equal(preferredLanguageTag(header), undefined, String(header).slice(0, 20));
    }
  });
});
