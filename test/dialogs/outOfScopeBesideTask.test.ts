import { realChat } from './memberWords';
import { has, hasNot, noLink, say } from './replyChecks';

/**
 * A request no topic covers, typed right after an answer, that the recognizer puts outside every
 * task but for a trace of another task than the one just answered (newcomer run v8: SM08 on SMS, a
 * bank balance after the wellness classes: a trace of billing). It is no follow-up of the classes
 * answer: the out-of-scope answer, never the classes page again. Through the whole bot with the
 * real recognizer; sentences differ from the run's.
 */

const CASES = [
  { locale: 'en' as const, answer: 'are there any diabetes classes', outside: 'how much money is in my savings account' },
  { locale: 'es' as const, answer: 'tienen clases de diabetes', outside: 'cual es el saldo de mi tarjeta de credito' },
];

describe('an out-of-scope request with a trace of another task, right after an answer (SM08)', function () {
  this.timeout(120_000);
  for (const c of CASES) {
    it(`sms ${c.locale}: "${c.outside}" after "${c.answer}"`, async () => {
      const chat = await realChat('sms', { locale: c.locale });
      await say(chat, 'sms', c.answer);
      const replies = await say(chat, 'sms', c.outside);
      has(c.locale, replies, 'main.outOfScope');
      hasNot(c.locale, replies, 'followUp.again');
      hasNot(c.locale, replies, 'followUp.howTo');
      noLink(replies, '/classes');
    });
  }
});
