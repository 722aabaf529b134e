import assert from 'node:assert/strict';
import { loadPortalProfile } from '../../services/portal/profile';
import { linksOf, textOf } from '../support/chat';
import { signedInChat } from './memberWords';

/**
 * Follow-up run 9, item 1 (signed in as Alex on Web Chat, the real recognizer): after the refill
 * status, whether the doctor must see the member before a renewal gets its own answer (the
 * prescriber decides and may ask for a visit; how to send the request, how to book), never the
 * task menu nor the renewal list again.
 */
const profile = loadPortalProfile('default');

describe('a visit before a renewal, asked after a refill answer (follow-up run 9)', function () {
  this.timeout(120_000);

  const cases: Array<['en' | 'es', string, string, RegExp]> = [
    ['en', 'is my prescription ready yet', 'do i need to see the dr first?', /up to the care team who prescribed it/],
    ['en', 'is my prescription ready yet', 'do I have to see my doctor before they renew it?', /up to the care team who prescribed it/],
    ['es', 'como va mi receta', '¿tengo que ver al doctor primero?', /lo decide el equipo de atención que le recetó/],
    ['es', 'como va mi receta', 'hay que ir con el medico antes de que la renueven?', /lo decide el equipo de atención que le recetó/],
  ];
  for (const [locale, status, ask, answer] of cases) {
    it(`Web Chat (${locale}): "${ask}" gets who decides, how to ask and how to book`, async () => {
      const chat = await signedInChat('EH1000001', { locale });
      await chat.say(status);
      const replies = await chat.say(ask);
      const text = textOf(replies);
      assert.match(text, answer);
      assert.ok(!text.includes('Albuterol'), `not the renewal list again:\n${text}`);
      const links = linksOf(replies);
      assert.ok(links.includes(profile.link('messaging.messageCareTeam')), links.join(' '));
      assert.ok(links.some((url) => url.startsWith(profile.link('appointments.schedule').split('?')[0]!)), links.join(' '));
    });
  }
});
