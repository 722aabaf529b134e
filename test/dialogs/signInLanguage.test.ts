import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * The sign-in confirmation is in the conversation's language (newcomer run v11b, XR13): Direct Line
 * sets the locale on the join only, so the portal's identity event carries none; a Spanish welcome
 * means a Spanish confirmation, never "You're signed in, Alex" in English.
 */
describe('the sign-in confirmation speaks the welcome language (newcomer run v11b, XR13)', function () {
  this.timeout(60_000);

  for (const [locale, words, not] of [['es', /Ya inició sesión, Alex/, /signed in/], ['en', /signed in, Alex/, /inició sesión/]] as const) {
    it(`${locale}: an identity event without a locale after a ${locale} welcome`, async () => {
      const chat = await realChat('webchat', { locale });
      const assertion = await chat.core.identity.developmentPortal!.sign('EH1000001');
      // As Direct Line posts it: no locale on the event (TestAdapter would fill in its template's, or en-us).
      chat.adapter.template.locale = undefined;
      chat.adapter.locale = '';
      const text = textOf(await chat.say({ type: 'event', name: 'member/identity', value: assertion }));
      assert.match(text, words);
      assert.doesNotMatch(text, not);
    });
  }
});
