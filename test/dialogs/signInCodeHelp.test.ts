import assert from 'node:assert/strict';
import type { Locale } from '../../intents/types';
import { loadPortalProfile } from '../../services/portal/profile';
import { linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';
import { promptText } from './support';

/**
 * Newcomer run v7 (WJ06, WJ19), anonymous on Web Chat with the real recognizer: a code that never
 * came is answered for the way it was sent (a spam folder only for an e-mailed code; a texted one:
 * the phone number on file, wait, ask again; not said: both, each with its own check), and a member
 * who cannot sign in, asking for a person, gets the phone line and no page that needs sign-in.
 */
const profile = loadPortalProfile('default');
const SPAM = { en: /spam/i, es: /no deseado/i } as const;
const PHONE_ON_FILE = { en: /phone number on file/i, es: /teléfono registrado/i } as const;

describe('sign-in help for a code that never came, and a person for someone who cannot sign in (newcomer run v7)', function () {
  this.timeout(300_000);

  const cases: Array<[Locale, string, string, string, string]> = [
    ['en', 'cannot get into my account', 'the sms with my login code has not shown up', 'i waited and the email with the code is not in my inbox', 'the verification code is missing'],
    ['es', 'no logro iniciar sesion', 'el codigo por mensaje de texto nunca me aparecio', 'el correo con el codigo no aparece en mi bandeja', 'el codigo de verificacion nunca aparecio'],
  ];
  for (const [locale, cannot, texted, emailed, unsaid] of cases) {
    it(`Web Chat (${locale}): a code said to be texted gets the phone number on file, never the spam folder`, async () => {
      const chat = await realChat('webchat', { locale });
      await chat.say(cannot);
      const text = textOf(await chat.say(texted));
      assert.ok(text.includes(promptText(locale, 'password_reset.code.byText')), text);
      assert.match(text, PHONE_ON_FILE[locale]);
      assert.doesNotMatch(text, SPAM[locale]);
    });

    it(`Web Chat (${locale}): a code said to be e-mailed gets the spam folder`, async () => {
      const chat = await realChat('webchat', { locale });
      const text = textOf(await chat.say(emailed));
      assert.ok(text.includes(promptText(locale, 'password_reset.code.byEmail')), text);
      assert.match(text, SPAM[locale]);
    });

    it(`Web Chat (${locale}): a code whose way is not said gets both checks, each for its own way`, async () => {
      const chat = await realChat('webchat', { locale });
      const text = textOf(await chat.say(unsaid));
      assert.match(text, SPAM[locale]);
      assert.match(text, PHONE_ON_FILE[locale]);
    });

    it(`Web Chat (${locale}): after sign-in help, a person comes with the phone line and no page behind sign-in`, async () => {
      const chat = await realChat('webchat', { locale });
      await chat.say(cannot);
      await chat.say(texted);
      const replies = await chat.say(locale === 'es' ? 'necesito que me atienda alguien de verdad' : 'let me speak to an actual human');
      assert.ok(textOf(replies).includes(profile.phone('memberServices', locale).number), textOf(replies));
      assert.ok(!linksOf(replies).some((l) => l.includes('/secure/')), linksOf(replies).join(', '));
    });
  }
});
