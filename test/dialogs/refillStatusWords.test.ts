import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { signedInChat } from './memberWords';

/**
 * Whether a refill is ready is a question about its status, not a request to order one (the newcomer
 * run v4: SB01, SD01, WC04). Sentences differ from the run's.
 */
describe('a question whether a prescription is ready is answered with its status', function () {
  this.timeout(60_000);

  it('Web Chat, signed in: "has my prescription been filled yet" lists the statuses, orders nothing', async () => {
    const chat = await signedInChat(ALEX.memberId, { locale: 'en' });
    const text = textOf(await chat.say('has my prescription been filled yet'));
    assert.match(text, /ready for pickup/, text);
    assert.doesNotMatch(text, /Order a refill|Refill .* now\?/i, text);
  });

  it('Web Chat, signed in, Spanish: "¿ya está lista mi medicina de la presión, la amlodipina?" gives its status', async () => {
    const chat = await signedInChat(ALEX.memberId, { locale: 'es' });
    const text = textOf(await chat.say('¿ya está lista mi medicina, la amlodipina?'));
    assert.match(text, /Amlodipine/, text);
    assert.match(text, /se está surtiendo|surtiendo|lista/, text);
  });
});
