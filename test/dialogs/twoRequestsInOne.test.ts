import assert from 'node:assert/strict';
import { linksOf, textOf } from '../support/chat';
import { realChat } from './memberWords';

/**
 * Two tasks asked for in one message (newcomer run v9, TH08 and SH12): the first is answered and
 * then the second, from its own words, introduced as the next one; neither is dropped, and no
 * "is this about …?" comes between. Real recognizer, on the channels where it was seen.
 */
describe('two requests in one message (newcomer run v9)', function () {
  this.timeout(90_000);

  it('Teams: moving a visit and a refill status: the move, then the refill', async () => {
    const chat = await realChat('msteams');
    const first = textOf(await chat.say('can you move my appointment on wednesday, and also has my refill shipped'));
    assert.match(first, /When would you prefer/);
    const replies = await chat.say('friday afternoon');
    const text = textOf(replies);
    assert.match(text, /move your appointment/);
    assert.match(text, /Next, your prescription refill:/);
    assert.ok(linksOf(replies).some((l) => l.includes('/secure/pharmacy/')), linksOf(replies).join('\n'));
  });

  it('SMS: test results and paying a bill: both answered, no which-topic question', async () => {
    const chat = await realChat('sms');
    const replies = await chat.say('want to look at my test results and also pay my bill please');
    const text = textOf(replies);
    assert.doesNotMatch(text, /Just to be sure/);
    assert.ok(linksOf(replies).some((l) => l.includes('/test-results')), linksOf(replies).join('\n'));
    assert.ok(linksOf(replies).some((l) => l.includes('/billing/pay')), linksOf(replies).join('\n'));
  });

  it('SMS, Spanish: los resultados y pagar la factura', async () => {
    const chat = await realChat('sms', { locale: 'es' });
    const replies = await chat.say('quiero ver mis resultados de laboratorio y tambien pagar mi factura');
    const text = textOf(replies);
    assert.match(text, /Ahora, /);
    assert.ok(linksOf(replies).some((l) => l.includes('/test-results')), linksOf(replies).join('\n'));
    assert.ok(linksOf(replies).some((l) => l.includes('/billing/pay')), linksOf(replies).join('\n'));
  });
});
