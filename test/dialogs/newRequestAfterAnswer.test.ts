import type { MemberChat } from '../support/identity';
import { realChat } from './memberWords';
import { has, hasLink, hasNot, noLink, type Replies, say as sayOn } from './replyChecks';

/**
 * A new request right after an answer is that request, never a question about the page just shown
 * (newcomer run v7, Web Chat: WJ08, WJ13, WJ23). A claim asked about after the ID card gets where a
 * claim stands (a sub-topic of its own, apart from a denied claim); a request for another assistant
 * gets the out-of-scope answer; a message to the doctor the recognizer is sure of is the message
 * answer, though its verb ("mandar") is one the how-to follow-up listens for. A vague follow-up
 * still goes on with the topic. Through the whole bot with the real recognizer, in words other than
 * the transcripts'.
 */

/** Every turn here is on Web Chat. */
const say = (chat: MemberChat, message: string): Promise<Replies> => sayOn(chat, 'webchat', message);

describe('a new request right after an answer (newcomer run v7)', function () {
  this.timeout(60_000);

  const claims = {
    en: { card: 'how can I get a replacement member card', claim: 'has my claim from the knee surgery been processed yet', denied: 'they denied my claim, where can I see the reason' },
    es: { card: 'necesito otra tarjeta de miembro', claim: 'ya pagaron el reclamo de mi consulta de octubre?', denied: 'me rechazaron un reclamo, donde veo por que' },
  } as const;
  for (const locale of ['en', 'es'] as const) {
    const words = claims[locale];
    it(`${locale}: a claim's status after the ID card answer is the claims answer, never the card page again; a denied claim keeps its own answer`, async () => {
      const chat = await realChat('webchat', { locale });
      hasLink(await say(chat, words.card), '/secure/profile/id-card');
      const claim = await say(chat, words.claim);
      has(locale, claim, 'billing.answer.claims');
      hasLink(claim, '/secure/coverage/claims');
      noLink(claim, '/secure/profile/id-card');
      const denied = await say(chat, words.denied);
      has(locale, denied, 'billing.answer.claimDenied');
      hasNot(locale, denied, 'billing.answer.claims');
    });
  }

  it('en: another assistant\'s request after the e-visit answer is out of scope, not the e-visit page again', async () => {
    const chat = await realChat('webchat', { locale: 'en' });
    hasLink(await say(chat, 'is a video visit the same thing as an e-visit'), '/secure/e-visit');
    const weather = await say(chat, 'whats the forecast for denver this weekend');
    has('en', weather, 'main.outOfScope');
    noLink(weather, '/secure/e-visit');
    hasNot('en', weather, 'followUp.again');
  });

  it('en: a vague follow-up after the refill answer still goes on with the refill topic', async () => {
    const chat = await realChat('webchat', { locale: 'en' });
    await say(chat, 'where is my refill');
    const pending = await say(chat, 'why is it taking so long');
    hasNot('en', pending, 'main.outOfScope');
  });

  it('es: a message to the doctor after the results answer is the message answer, not the results page again', async () => {
    const chat = await realChat('webchat', { locale: 'es' });
    hasLink(await say(chat, 'donde veo mis resultados de laboratorio'), '/secure/medical-record/test-results');
    const message = await say(chat, 'le puedo enviar un mensaje a la doctora');
    hasLink(message, '/secure/message-center/new');
    noLink(message, '/secure/medical-record/test-results');
  });
});
