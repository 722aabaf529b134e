import assert from 'node:assert/strict';
import type { Locale } from '../../intents/types';
import { loadPortalProfile, PortalProfile } from '../../services/portal/profile';
import { MemberChat } from '../support/identity';
import { linksOf, textOf } from '../support/chat';
import { realChat, signedInChat } from './memberWords';
import { promptText } from './support';

/**
 * Newcomer run v5 on Web Chat, with the real recognizer (WE10, WE24): when a pharmacy opens or
 * closes is answered with the pharmacies' own hours from the portal profile (the member's own
 * pharmacy first) and the pharmacy finder, never with the pharmacy phone line's hours; the phone
 * line (and its hours) stays the answer to its number.
 */
const profile = loadPortalProfile('default');
const phoneHours = (locale: Locale) => profile.phone('pharmacy', locale).hours;

describe('pharmacy opening hours are the pharmacies\' own (newcomer run v5, WE10, WE24)', function () {
  this.timeout(60_000);

  const cases: Array<[Locale, string, string]> = [
    ['en', 'till when are the pharmacies open on saturday', 'whats their phone number'],
    ['es', 'la farmacia esta abierta los domingos?', 'me da el numero?'],
  ];
  for (const [locale, words, number] of cases) {
    it(`Web Chat (${locale}): "${words}" lists each pharmacy with its hours and the finder; the number after it is the pharmacy line`, async () => {
      const chat = await realChat('webchat', { locale });
      const replies = await chat.say(words);
      const text = textOf(replies);
      for (const pharmacy of profile.pharmacies(locale)) {
        assert.ok(text.includes(pharmacy.name) && text.includes(pharmacy.hours), `${pharmacy.name} and its hours:\n${text}`);
      }
      assert.ok(!text.includes(phoneHours(locale)), `not the phone line's hours:\n${text}`);
      assert.ok(linksOf(replies).includes(profile.link('pharmacy.locator')), linksOf(replies).join(' '));
      const line = textOf(await chat.say(number));
      assert.ok(line.includes(profile.phone('pharmacy', locale).number), line);
    });
  }

  it('Web Chat, signed in: the member\'s own pharmacy (from their prescriptions) comes first', async () => {
    const chat = await signedInChat('EH1000002');
    const text = textOf(await chat.say('what time do the pharmacies close today'));
    const own = text.indexOf('Evergreen Pharmacy Eastside');
    assert.ok(own >= 0 && own < text.indexOf('Evergreen Pharmacy Downtown'), text);
    assert.ok(text.includes('(your pharmacy)'), text);
  });

  it('Web Chat (en, es): with no pharmacy in the profile, the hours depend on the location: the finder, not the phone line\'s hours', async () => {
    const none = new PortalProfile({ ...profile.data, pharmacies: [] });
    for (const locale of ['en', 'es'] as const) {
      const chat = new MemberChat({ channelId: 'webchat', locale: locale === 'es' ? 'es-US' : 'en-US', overrides: { understanding: undefined, emergencyCheck: undefined, profile: none } });
      const replies = await chat.say(locale === 'es' ? 'hasta que hora atiende la farmacia hoy' : 'is the pharmacy still open tonight');
      const text = textOf(replies);
      assert.ok(text.includes(promptText(locale, 'contact.answer.pharmacyHours')), text);
      assert.ok(!text.includes(phoneHours(locale)), text);
      assert.ok(linksOf(replies).includes(profile.link('pharmacy.locator')), linksOf(replies).join(' '));
    }
  });

  it('Web Chat: asking when to call the pharmacy still gives the phone line with its hours', async () => {
    const chat = await realChat('webchat');
    const text = textOf(await chat.say('what number do i ring for the pharmacy'));
    assert.ok(text.includes(profile.phone('pharmacy', 'en').number) && text.includes(phoneHours('en')), text);
  });
});
