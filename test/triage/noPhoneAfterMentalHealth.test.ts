import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { realChat } from '../dialogs/memberWords';

/**
 * What a member wrote right after a safety answer in the newcomer run v4 (WC25): not wanting to phone,
 * with the real triage and recognizer through the whole bot. The sentences are not the run's: the
 * cause is tested, not the wording.
 */
describe('after a mental-health answer, not wanting to phone (pipeline/careFollowUp.ts)', function () {
  this.timeout(60_000);

  describe('Web Chat: after a mental-health answer, not wanting to phone gets the ways without a call, not a hand-off', () => {
    it('English: text or chat 988, a video visit, a secure message; no phone line, no call back', async () => {
      const chat = await realChat('webchat');
      assert.match(textOf(await chat.say("i've been so down and stressed, nothing feels right")), /behavioral health line/);
      const replies = await chat.say("i'd rather not phone anybody about it");
      const text = textOf(replies);
      assert.match(text, /text 988/);
      assert.match(text, /988lifeline\.org/);
      assert.match(text, /video visit/);
      assert.match(text, /secure message/);
      assert.doesNotMatch(text, /1-800-555-0100|person from our team|call back/i);
      const links = linksOf(replies);
      assert.ok(links.some((l) => /reason=mentalHealth/.test(l) && /visitType=video/.test(l)), links.join(' '));
      assert.ok(links.some((l) => /message-center/.test(l)), links.join(' '));
      assert.ok(!links.some((l) => /request-a-call/.test(l)), links.join(' '));
    });

    it('Spanish: texto o chat al 988, una visita por video, un mensaje seguro; sin "Pedir que me llamen"', async () => {
      const chat = await realChat('webchat', { locale: 'es' });
      assert.match(textOf(await chat.say('ando muy deprimida y con mucha ansiedad')), /línea de salud mental/);
      const replies = await chat.say('prefiero no hablar por teléfono con nadie');
      const text = textOf(replies);
      assert.match(text, /texto al 988/);
      assert.match(text, /988lineadevida\.org/);
      assert.match(text, /visita por video/);
      assert.match(text, /mensaje seguro/);
      assert.doesNotMatch(text, /1-800-555-0100|Pedir que me llamen|pida que le llamemos/i);
      assert.ok(!linksOf(replies).some((l) => /request-a-call/.test(l)));
    });
  });
});
