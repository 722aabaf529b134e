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

    it('SMS: "is the pharmacy open sunday" gives the pharmacies\' own hours and the pharmacy finder, not the phone line\'s hours', async () => {
      const chat = await realChat('sms');
      const replies = await chat.say('is the pharmacy open sunday');
      assert.match(textOf(replies), /Evergreen Pharmacy Downtown, .*Sunday/);
      assert.doesNotMatch(textOf(replies), /Monday to Friday, 8 a\.m\. to 8 p\.m\./);
      assert.ok(linksOf(replies).some((l) => l.endsWith('/pharmacy-locations')), textOf(replies));
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

  describe('a loose answer to a menu picks the option it names; thanks ends politely (S07, W33, W01)', () => {
    it('SMS: "whats the number" to the contact menu is a phone number, not "none of these"', async () => {
      const chat = await realChat('sms');
      assert.ok(textOf(await chat.say('Contact my care team')).includes(CONTACT_MENU.en));
      const replies = textOf(await chat.say('whats the number'));
      assert.ok(!replies.includes(NO_OPTION_FITS.en), replies);
      assert.match(replies, /1-800-555-0100/);
    });

    it('Web Chat, Spanish: "y el telefono?" with "Teléfono de la clínica" on the menu picks it', async () => {
      const chat = await realChat('webchat', { locale: 'es' });
      assert.ok(textOf(await chat.say(catalog.text('es', 'topics.contact'))).includes(CONTACT_MENU.es));
      const replies = await chat.say('y el telefono?');
      assert.ok(!textOf(replies).includes(NO_OPTION_FITS.es), textOf(replies));
      assert.ok(linksOf(replies).some((l) => l.endsWith('/locations')), textOf(replies));
    });

    it('Web Chat: "ok thanks" / "gracias" to a menu ends politely', async () => {
      const chat = await realChat('webchat');
      await chat.say('Contact my care team');
      const replies = textOf(await chat.say('ok thanks'));
      assert.ok(!replies.includes(NO_OPTION_FITS.en), replies);
      assert.ok(replies.includes(catalog.text('en', 'main.closing')), replies);
      const es = await realChat('webchat', { locale: 'es' });
      await es.say(catalog.text('es', 'topics.contact'));
      const gracias = textOf(await es.say('gracias'));
      assert.ok(gracias.includes(catalog.text('es', 'main.closing')), gracias);
    });
  });

  describe('"I don\'t have the number" in a refill is the Rx number (W02, W24, S11)', () => {
    it('Web Chat: after the refill answer, "i dont have the number" goes on without it (pharmacy line, sign in)', async () => {
      const chat = await realChat('webchat');
      await chat.say('wheres my refill for lisinopril');
      const replies = await chat.say('i dont have the number');
      assert.ok(!textOf(replies).includes(CONTACT_MENU.en), textOf(replies));
      assert.match(textOf(replies), /Rx number/);
      assert.match(textOf(replies), /pharmacy at 1-800-555-0122/);
      assert.ok(linksOf(replies).some((l) => l.endsWith('/sign-on')), textOf(replies));
    });

    it('Web Chat, Spanish: "no se el numero" after the refill answer', async () => {
      const chat = await realChat('webchat', { locale: 'es' });
      await chat.say('donde esta mi receta de metformina');
      const replies = textOf(await chat.say('no se el numero'));
      assert.ok(!replies.includes(CONTACT_MENU.es), replies);
      assert.match(replies, /número de receta/);
      assert.match(replies, /1-800-555-0122/);
    });

    it('SMS, Spanish: "no tengo el numero" at the refill menu', async () => {
      const chat = await realChat('sms', { locale: 'es' });
      await chat.say('necesito renovar mi receta de atorvastatina');
      const replies = textOf(await chat.say('no tengo el numero'));
      assert.ok(!replies.includes(CONTACT_MENU.es), replies);
      assert.match(replies, /1-800-555-0122/);
    });
  });

  describe('a new phone number without signing in (S12)', () => {
    it('SMS, Spanish: "ya cambie de numero de cel" after the code answer: call to verify and update', async () => {
      const chat = await realChat('sms', { locale: 'es' });
      await chat.say('no me llega el codigo para entrar');
      const replies = textOf(await chat.say('ya cambie de numero de cel'));
      assert.ok(!replies.includes(CONTACT_MENU.es), replies);
      assert.match(replies, /llame al 1-800-555-0100 .*verificar su identidad/);
    });

    it('Web Chat: "my code goes to my old phone number" is the new-phone answer', async () => {
      const chat = await realChat('webchat');
      const replies = textOf(await chat.say('my code goes to my old phone number'));
      assert.match(replies, /call 1-800-555-0100 .*verify who you are/);
    });

    it('SMS: "Update contact details" says how to update the phone without signing in', async () => {
      const chat = await realChat('sms');
      await chat.say('Contact my care team');
      const replies = textOf(await chat.say('Update contact details'));
      assert.match(replies, /Can't sign in .*Member Services at 1-800-555-0100/);
    });
  });

  describe('where to sign in (W02)', () => {
    it('Web Chat: "none of those i just dont know where to sign in" at the sign-in menu gives the sign-in page', async () => {
      const chat = await realChat('webchat');
      assert.ok(textOf(await chat.say('Sign-in help')).includes(promptText('en', 'password_reset.ask.topic')));
      const replies = await chat.say('none of those i just dont know where to sign in');
      assert.ok(!textOf(replies).includes(NO_OPTION_FITS.en), textOf(replies));
      assert.ok(linksOf(replies).some((l) => l.endsWith('/sign-on')), textOf(replies));
    });

    it('Web Chat, Spanish: "¿dónde inicio sesión?" gives the sign-in page', async () => {
      const chat = await realChat('webchat', { locale: 'es' });
      const replies = await chat.say('¿dónde inicio sesión?');
      assert.ok(linksOf(replies).some((l) => l.endsWith('/sign-on')), textOf(replies));
    });
  });
});
