import assert from 'node:assert/strict';
import { choicesOf, pick, textOf } from '../support/chat';
import { catalog, openChat } from './support';

/**
 * No dead ends (issue 15): when no offered option fits, typing something else never gets the same
 * menu again with "Sorry, I didn't catch that. Sure. What …?": the member is told, and can pick
 * "Something else" (routed afresh) or "Talk to a person". (A sentence of the member's own at a
 * sub-topic menu is answered or routed afresh instead: menuFreeText.test.ts; a word or two is told here.)
 */
describe('no dead ends when no option fits', () => {
  for (const channelId of ['webchat', 'msteams', 'sms']) {
    // ("the page just shows an error" and "update my insurance" have their own answers now: subTopics.test.ts.)
    it(`${channelId}: "parking garage" in the billing menu → told no option fits, with a way out`, async () => {
      const chat = await openChat(channelId, 'en');
      const menu = await chat.say('Billing');
      const missed = await chat.say('parking garage');
      assert.doesNotMatch(textOf(missed), /didn't catch that/);
      assert.doesNotMatch(textOf(missed), /Sure\. What about your bill\?/);
      assert.ok(textOf(missed).startsWith(catalog.text('en', channelId === 'sms' ? 'smsText.common.noOptionFits' : 'common.noOptionFits')), textOf(missed));
      assert.notDeepEqual(choicesOf(missed), choicesOf(menu), 'not the same menu again');
      assert.deepEqual(choicesOf(missed).slice(-2), ['Something else', 'Talk to a person']);
      const fresh = await chat.say(pick(chat, missed, 'Something else'));
      assert.match(textOf(fresh), /let's start over/);
      assert.deepEqual(await chat.dialogStack(), []);
    });
  }

  it('sms: "Talk to a person" from that list reaches a person', async () => {
    const chat = await openChat('sms', 'en');
    await chat.say('Billing');
    const missed = await chat.say('parking garage');
    const person = await chat.say(pick(chat, missed, 'Talk to a person'));
    assert.match(textOf(person), /person|1-800-555-0100/);
    assert.deepEqual(await chat.dialogStack(), []);
  });

  it('webchat: Spanish, the same way out', async () => {
    const chat = await openChat('webchat', 'es');
    await chat.say('Facturación');
    const missed = await chat.say('estacionamiento');
    assert.deepEqual(choicesOf(missed).slice(-2), ['Otra cosa', 'Hablar con una persona']);
  });
});
