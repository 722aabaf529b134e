import assert from 'node:assert/strict';
import { loadConfig } from '../../bot/config';
import { loadPortalProfile, PortalProfile } from '../../services/portal/profile';
import { assertChannelRules, linksOf, textOf } from '../support/chat';
import { ALEX, MemberChat } from '../support/identity';
import { realChat, signedInChat } from './memberWords';
import { catalog, promptText } from './support';

/** The configured portal, with a renewal request page of its own (the default one has none). */
function portalWithRenewalPage(): PortalProfile {
  const data = loadPortalProfile(loadConfig({ NODE_ENV: 'test' }).portalProfile).data;
  return new PortalProfile({ ...data, links: { ...data.links, pharmacy: { ...data.links.pharmacy, renewal: '/secure/pharmacy/renewal-request' } } });
}

/** A real Web Chat on that portal, signed in as Alex when `signIn`. */
async function chatOnRenewalPortal(locale: 'en' | 'es', signIn: boolean): Promise<MemberChat> {
  const chat = new MemberChat({
    channelId: 'webchat',
    locale: locale === 'es' ? 'es-US' : 'en-US',
    overrides: { understanding: undefined, emergencyCheck: undefined, profile: portalWithRenewalPage() },
  });
  await chat.open(locale === 'es' ? 'hola' : 'hi');
  if (signIn) await chat.signIn(ALEX.memberId);
  return chat;
}

const stripVars = (text: string) => text.split('{')[0]!.trim();

/**
 * Renewals (newcomer run S11): "renovar mi receta" / "I need a renewal for my prescription" get how
 * to ask for a renewal — the portal's renewal request page when the profile has one, otherwise the
 * refill page and a message to the care team — and a signed-in member who names a medicine with
 * no refills left gets the renewal request for that medicine.
 */
describe('renewing a prescription (newcomer run S11)', function () {
  this.timeout(60_000);

  const general = [
    { channel: 'sms' as const, locale: 'es' as const, say: 'necesito renovar mi receta de atorvastatina' },
    { channel: 'sms' as const, locale: 'en' as const, say: 'my rx has no refills left, can the doctor renew it' },
    { channel: 'webchat' as const, locale: 'en' as const, say: 'I need a renewal for my prescription' },
    { channel: 'webchat' as const, locale: 'es' as const, say: 'quiero renovar mi receta' },
  ];
  for (const c of general) {
    it(`${c.channel} ${c.locale}: "${c.say}" answers how to request a renewal (refill page and a message to the care team), not the refill menu`, async () => {
      const chat = await realChat(c.channel, { locale: c.locale });
      const replies = await chat.say(c.say);
      assertChannelRules(c.channel, replies);
      assert.ok(!textOf(replies).includes(promptText(c.locale, 'refill.ask.need')), textOf(replies));
      assert.ok(textOf(replies).includes(stripVars(catalog.text(c.locale, 'refill.answer.renewalMessage'))), textOf(replies));
      const links = linksOf(replies);
      assert.ok(links.some((l) => l.includes('/secure/pharmacy/refill')), links.join('\n'));
      assert.ok(links.some((l) => l.endsWith('/secure/message-center/new')), links.join('\n'));
    });
  }

  for (const locale of ['en', 'es'] as const) {
    it(`Web Chat ${locale}: with a renewal request page in the portal profile, that page is the way`, async () => {
      const chat = await chatOnRenewalPortal(locale, false);
      const replies = await chat.say(locale === 'en' ? 'I need a renewal for my prescription' : 'quiero renovar mi receta');
      assert.ok(textOf(replies).includes(stripVars(catalog.text(locale, 'refill.answer.renewalPage'))), textOf(replies));
      assert.ok(linksOf(replies).some((l) => l.endsWith('/secure/pharmacy/renewal-request')), linksOf(replies).join('\n'));
    });

    it(`Web Chat ${locale}, signed in: a named medicine with no refills left gets the renewal request for it`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale });
      const replies = await chat.say(locale === 'en' ? 'my albuterol has no refills left, can the doctor renew it' : 'necesito renovar mi receta de albuterol');
      assert.ok(textOf(replies).includes(catalog.text(locale, 'refill.live.offerRenewal', { medication: locale === 'es' ? 'Albuterol HFA inhalador' : 'Albuterol HFA inhaler' })), textOf(replies));
      assert.ok(linksOf(replies).some((l) => l.endsWith('/secure/message-center/new')), linksOf(replies).join('\n'));
    });

    it(`Web Chat ${locale}, signed in, renewal page in the profile: the renewal request page for that medicine`, async () => {
      const chat = await chatOnRenewalPortal(locale, true);
      const replies = await chat.say(locale === 'en' ? 'renew my albuterol' : 'necesito renovar mi receta de albuterol');
      assert.ok(textOf(replies).includes(catalog.text(locale, 'refill.live.offerRenewalPage', { medication: locale === 'es' ? 'Albuterol HFA inhalador' : 'Albuterol HFA inhaler' })), textOf(replies));
      assert.ok(linksOf(replies).some((l) => l.endsWith('/secure/pharmacy/renewal-request')), linksOf(replies).join('\n'));
    });

    it(`Web Chat ${locale}, signed in: a named medicine that still has refills needs no renewal, and its refill is offered`, async () => {
      const chat = await signedInChat(ALEX.memberId, { locale });
      const replies = await chat.say(locale === 'en' ? 'i need to renew my levothyroxine' : 'necesito renovar mi receta de levothyroxine');
      assert.ok(textOf(replies).includes(catalog.text(locale, 'refill.live.noRenewalNeeded', { medication: locale === 'es' ? 'Levothyroxine 75 mcg tableta' : 'Levothyroxine 75 mcg tablet', left: 2 })), textOf(replies));
      assert.ok(textOf(replies).includes(stripVars(catalog.text(locale, 'refill.live.confirmRefill'))), textOf(replies));
    });
  }
});
