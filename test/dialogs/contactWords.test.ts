import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';
import { catalog, promptText } from './support';

const NO_OPTION_FITS = { en: catalog.text('en', 'common.noOptionFits'), es: catalog.text('es', 'common.noOptionFits') };
const CONTACT_MENU = { en: promptText('en', 'contact.ask.topic'), es: promptText('es', 'contact.ask.topic') };

/**
 * Contact and sign-in answers the newcomer run got wrong (W02, W11, W24, W33, S07, S11, S12),
 * through the real recognizer on the channel where each was seen: every phone line of the profile
 * by its department, loose answers to a menu, the Rx number "I don't have", a new phone number
 * without signing in, and where to sign in.
 */
describe('contact and sign-in words members used, through the real recognizer', function () {
  this.timeout(60_000);

  describe('a department named gets its own phone line (W11, S07)', () => {
    it('Web Chat: "and what about the pharmacy" after Member Services gives the pharmacy line and hours', async () => {
      const chat = await realChat('webchat');
      assert.match(textOf(await chat.say('whats the number for member services')), /1-800-555-0100/);
      const pharmacy = textOf(await chat.say('and what about the pharmacy'));
      assert.match(pharmacy, /pharmacy at 1-800-555-0122 \(Monday to Friday, 8 a\.m\. to 8 p\.m\.\)/);
      assert.ok(!pharmacy.includes(CONTACT_MENU.en) && !pharmacy.includes(NO_OPTION_FITS.en), pharmacy);
    });

    it('Web Chat: "no i need the PHARMACY phone number" is the pharmacy, not Member Services', async () => {
      const chat = await realChat('webchat');
      const replies = textOf(await chat.say('no i need the PHARMACY phone number'));
      assert.match(replies, /1-800-555-0122/);
      assert.doesNotMatch(replies, /1-800-555-0100/);
    });

    it('SMS: "is the pharmacy open sunday" gives the pharmacy hours and number', async () => {
      const chat = await realChat('sms');
      const replies = await chat.say('is the pharmacy open sunday');
      assert.match(textOf(replies), /1-800-555-0122 \(Monday to Friday, 8 a\.m\. to 8 p\.m\.\)/);
      assert.ok(linksOf(replies).some((l) => l.endsWith('/secure/pharmacy')), textOf(replies));
    });

    it('Web Chat, Spanish: "¿cuál es el teléfono de la farmacia?" gives the pharmacy line in Spanish', async () => {
      const chat = await realChat('webchat', { locale: 'es' });
      const replies = textOf(await chat.say('¿cuál es el teléfono de la farmacia?'));
      assert.match(replies, /farmacia al 1-800-555-0122 \(de lunes a viernes/);
    });

    it('Teams: the nurse line and the behavioral health line by name', async () => {
      const nurse = textOf(await (await realChat('msteams')).say('what is the nurse line phone number'));
      assert.match(nurse, /1-800-555-0111/);
      const behavioral = textOf(await (await realChat('msteams')).say('behavioral health phone number'));
      assert.match(behavioral, /1-800-555-0144/);
    });
  });

});
