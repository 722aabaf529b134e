import { realChat } from './memberWords';
import { hasLink, hasNot, say } from './replyChecks';

/**
 * A short message the recognizer is sure is the topic just answered, that names no sub-topic of
 * its own (newcomer run v8: WM11 on Web Chat, the medicine named right after the renewal answer),
 * stays on the sub-topic answered: for a refill that is its `need`, not a `topic` step, and it got
 * "What do you need for your prescription?" again. Through the whole bot with the real
 * recognizer; sentences differ from the run's.
 */

const CASES = [
  { locale: 'en' as const, answer: 'i have no refills remaining on my prescription', detail: 'it is metformin for my diabetes' },
  { locale: 'es' as const, answer: 'mi receta ya no tiene resurtidos', detail: 'hablo de mi receta de metformina' },
];

describe('a sure follow-up of the topic just answered keeps its sub-topic (WM11)', function () {
  this.timeout(120_000);
  for (const c of CASES) {
    it(`webchat ${c.locale}: "${c.detail}" after "${c.answer}"`, async () => {
      const chat = await realChat('webchat', { locale: c.locale });
      await say(chat, 'webchat', c.answer);
      const replies = await say(chat, 'webchat', c.detail);
      hasNot(c.locale, replies, 'refill.ask.need');
      hasLink(replies, '/message-center/new');
    });
  }
});
