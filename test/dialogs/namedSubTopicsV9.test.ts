import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * A sub-topic named in the member's own words goes straight to its answer, not to the topic's menu
 * (newcomer run v9): a clinic's closing time (TH12) is the hours answer, joining a "video cita"
 * (TH07) is the join answer, and records to be sent to a new doctor right after the test results
 * (TH06) is the records request, not the test-results page again. Real recognizer, on Teams.
 */
describe('sub-topics named in the member words (newcomer run v9)', function () {
  this.timeout(90_000);

  const MENU = /How can I help you reach us\?|¿Qué necesita sobre las visitas por video\?|What are you looking for\?/;
  const cases = [
    { locale: 'en' as const, say: ['when does the clinic open on saturday'], link: '/locations', text: /Hours differ by clinic/ },
    { locale: 'es' as const, say: ['a que hora cierra la clinica hoy'], link: '/locations', text: /Cada clínica tiene su propio horario|horario/ },
    { locale: 'es' as const, say: ['como entro a la videocita de mañana'], link: '/secure/appointments/video-visit', text: /unirse/ },
    { locale: 'en' as const, say: ['show me my lab results', 'and can my chart be sent over to another doctor'], link: '/medical-records-request', text: /medical records/ },
  ];
  for (const c of cases) {
    it(`${c.locale}: "${c.say.join('" / "')}" gets its answer`, async () => {
      const chat = await realChat('msteams', { locale: c.locale });
      let replies = await chat.say(c.say[0]!);
      for (const line of c.say.slice(1)) replies = await chat.say(line);
      const text = textOf(replies);
      assert.doesNotMatch(text, MENU);
      assert.match(text, c.text);
      assert.ok(linksOf(replies).some((l) => l.includes(c.link)), linksOf(replies).join('\n'));
    });
  }
});
