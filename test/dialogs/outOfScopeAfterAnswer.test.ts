import { realChat } from './memberWords';
import { has, hasNot, noLink, say } from './replyChecks';

/**
 * A request for something no topic covers, typed right after a topic's answer (newcomer run v7:
 * WJ13 on Web Chat, the weather after the video-visit answer; WJ24, the exchange rate after the
 * clinic's hours): the out-of-scope answer, never a follow-up about the page just shown. A day in
 * it ("hoy", "today") is not a day for the hours just given, and the "it" of the weather ("is it
 * going to be windy") points back at nothing. Through the whole bot with the real recognizer;
 * sentences differ from the run's.
 */

const CASES = [
  { locale: 'en' as const, answer: 'clinic phone and hours please', outside: 'is it going to be windy today', page: '/locations' },
  { locale: 'en' as const, answer: 'what is the difference between a video visit and an e-visit', outside: 'will it be sunny this sunday', page: '/video-visits' },
  { locale: 'es' as const, answer: 'telefono y horario de la clinica por favor', outside: 'quien gana el partido el domingo', page: '/locations' },
  { locale: 'es' as const, answer: 'telefono y horario de la clinica por favor', outside: 'va a hacer calor el sabado', page: '/locations' },
];

describe('an out-of-scope request right after an answer is out of scope (WJ13, WJ24)', function () {
  this.timeout(120_000);
  for (const c of CASES) {
    it(`webchat ${c.locale}: "${c.outside}" after "${c.answer}"`, async () => {
      const chat = await realChat('webchat', { locale: c.locale });
      await say(chat, 'webchat', c.answer);
      const replies = await say(chat, 'webchat', c.outside);
      has(c.locale, replies, 'main.outOfScope');
      hasNot(c.locale, replies, 'followUp.howTo');
      noLink(replies, c.page);
    });
  }
});
