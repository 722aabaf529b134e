import assert from 'node:assert/strict';
import { loadPortalProfile } from '../../services/portal/profile';
import { linksOf, textOf } from '../support/chat';
import { signedInChat } from './memberWords';

/**
 * Newcomer run v7 (WJ04, WJ17, WJ05, WJ18, TK09), signed in on Web Chat with the real
 * recognizer: after a refill answer, the pharmacy's hours are the pharmacies' own opening hours
 * (never the phone line's), and a request that the chat get a prescription renewed gets one plain
 * answer (this chat cannot send it; how to send it; the pharmacy number), not the renewal list.
 */
const profile = loadPortalProfile('default');

describe('follow-ups after a refill answer: pharmacy hours and renewals (newcomer run v7)', function () {
  this.timeout(120_000);

  const hours: Array<['en' | 'es', string, string]> = [
    ['en', 'is my prescription ready yet', 'ok and when does that pharmacy open'],
    ['es', 'como va mi receta', 'y hasta que hora abre la farmacia'],
  ];
  for (const [locale, status, ask] of hours) {
    it(`Web Chat (${locale}, WJ04/WJ17): the pharmacy's hours after the refill status are its opening hours, own pharmacy first`, async () => {
      const chat = await signedInChat('EH1000001', { locale });
      await chat.say(status);
      const replies = await chat.say(ask);
      const text = textOf(replies);
      const downtown = profile.pharmacies(locale).find((p) => p.name === 'Evergreen Pharmacy Downtown')!;
      assert.ok(text.includes(downtown.name) && text.includes(downtown.hours), text);
      assert.ok(!text.includes(profile.phone('pharmacy', locale).hours), `not the line's hours:\n${text}`);
      assert.ok(linksOf(replies).includes(profile.link('pharmacy.locator')), linksOf(replies).join(' '));
    });
  }

  it('Web Chat (en): the phone number after the refill status is still the pharmacy line', async () => {
    const chat = await signedInChat('EH1000001');
    await chat.say('is my prescription ready yet');
    const text = textOf(await chat.say('whats the pharmacy phone number'));
    assert.ok(text.includes(profile.phone('pharmacy', 'en').number), text);
  });

  const renew: Array<['en' | 'es', string, string, RegExp]> = [
    ['en', 'there are no refills left on my lisinopril', 'could you get my doctor to renew it for me', /can't send the renewal request from this chat/],
    ['es', 'a mi lisinopril ya no le quedan surtidos', 'me podria pedir usted la renovacion a mi medico', /no puedo enviar la solicitud de renovación/],
  ];
  for (const [locale, first, ask, cannot] of renew) {
    it(`Web Chat (${locale}, WJ05/WJ18/TK09): a renewal asked of the chat gets what it can do, not the renewal list again`, async () => {
      const chat = await signedInChat('EH1000001', { locale });
      await chat.say(first);
      const replies = await chat.say(ask);
      const text = textOf(replies);
      assert.match(text, cannot);
      assert.ok(!text.includes('Albuterol'), `not another medicine:\n${text}`);
      assert.ok(text.includes(profile.phone('pharmacy', locale).number), text);
      assert.ok(linksOf(replies).includes(profile.link('messaging.messageCareTeam')), linksOf(replies).join(' '));
      const again = textOf(await chat.say(locale === 'es' ? 'no puede usted pedir que la renueven?' : 'cant you just ask them to renew it'));
      assert.ok(!again.includes(text.split('\n')[0]!), `not the same paragraph again:\n${again}`);
    });
  }
});
