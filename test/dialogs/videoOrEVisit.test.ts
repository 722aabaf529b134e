import assert from 'node:assert/strict';
import type { Locale } from '../../intents/types';
import { linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';
import { promptText } from './support';

/**
 * Newcomer run v4 (WC12), on Web Chat with the real recognizer: asking how a video visit and an
 * e-visit differ answers both (with both pages); then getting into a video visit is joining the
 * scheduled one (the join page), not the e-visit kept from the answer before and not booking.
 */
describe('video visit or e-visit, and joining a video visit (newcomer run v4, WC12)', function () {
  this.timeout(60_000);

  const cases: Array<[Locale, string, string]> = [
    ['en', 'is an evisit different from a video appointment?', 'ok so how do i log into the video call'],
    ['es', '¿en qué se diferencia una visita electrónica de una consulta por video?', '¿y cómo entro a la consulta virtual?'],
  ];
  for (const [locale, difference, join] of cases) {
    it(`(${locale}) "${difference}" answers both; "${join}" is the join page`, async () => {
      const chat = await realChat('webchat', { locale });
      const first = await chat.say(difference);
      assert.ok(textOf(first).includes(promptText(locale, 'telehealth.answer.compare')), textOf(first));
      assert.ok(linksOf(first).some((l) => l.endsWith('/secure/e-visit')) && linksOf(first).some((l) => l.endsWith('/video-visits')), linksOf(first).join(', '));
      const second = await chat.say(join);
      assert.ok(textOf(second).includes(promptText(locale, 'telehealth.answer.join')), textOf(second));
      assert.ok(!linksOf(second).some((l) => l.endsWith('/secure/e-visit')), linksOf(second).join(', '));
    });
  }
});
