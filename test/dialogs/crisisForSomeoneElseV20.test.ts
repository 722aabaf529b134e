import assert from 'node:assert/strict';
import { crisisAboutOther } from '../../dialogs/crisisAboutOther';
import { realChat } from './memberWords';
import { has, hasNot, say } from './replyChecks';

/**
 * A crisis told about someone else gets an answer for the person helping: 988 helps them too, 911
 * if that person took something or is in danger, stay with them (newcomer run v20, X13: a father
 * got "If you have already taken something", as if he were the one at risk).
 */
describe('v20: a crisis told about someone else is answered to the person helping', function () {
  this.timeout(60_000);
  const cases: Array<['sms' | 'webchat', 'en' | 'es', string]> = [
    ['sms', 'en', 'my son is 17 and just told me he wants to kill himself. what do i do'],
    ['webchat', 'en', 'my roommate keeps saying she is going to end it tonight, she has pills'],
    ['sms', 'es', 'mi hermana me dijo que se quiere matar, que hago'],
    ['webchat', 'es', 'mi papá dice que ya no quiere vivir y tiene una pistola'],
  ];
  for (const [channel, locale, text] of cases) {
    it(`${channel} ${locale}: "${text}"`, async () => {
      const chat = await realChat(channel, { locale });
      const replies = await say(chat, channel, text);
      has(locale, replies, 'emergency.crisisOther');
      hasNot(locale, replies, 'emergency.crisis');
    });
  }
  const own: Array<['sms' | 'webchat', 'en' | 'es', string]> = [
    ['sms', 'en', 'i want to kill myself, my wife doesnt know'],
    ['webchat', 'es', 'ya no quiero vivir, mi esposo dice que exagero'],
  ];
  for (const [channel, locale, text] of own) {
    it(`${channel} ${locale}: the member's own crisis keeps the member's answer: "${text}"`, async () => {
      const chat = await realChat(channel, { locale });
      const replies = await say(chat, channel, text);
      has(locale, replies, 'emergency.crisis');
      hasNot(locale, replies, 'emergency.crisisOther');
    });
  }
  it('reads who is at risk from the words: a listener ("told me") is not the one at risk', () => {
    assert.equal(crisisAboutOther('my daughter told me she wants to die'), true);
    assert.equal(crisisAboutOther('he said he would kill himself if i left'), true);
    assert.equal(crisisAboutOther('i told my mom i want to die'), false);
    assert.equal(crisisAboutOther('me quiero morir, mi mama dice que se le pasa'), false);
    assert.equal(crisisAboutOther(undefined), false);
  });
});
