import assert from 'node:assert/strict';
import { textOf } from '../support/chat';
import { realChat } from './memberWords';
import { has, hasNot, say } from './replyChecks';
import { promptText } from './support';

/**
 * A request for something no topic covers, typed at a topic's menu (newcomer run v7, WJ13 / WJ24
 * on Web Chat): said to be out of scope, then the same question once (without its opening
 * "Sure."), never read as an answer to it; a second such request gets the out-of-scope answer and
 * the topics, not the same menu again (issue 15, no dead ends). Through the whole bot with the
 * real recognizer; sentences differ from the run's.
 */

const CASES = [
  { locale: 'en' as const, menu: 'I have a question about my bill', first: 'will it snow on friday?', second: 'who won the game last night' },
  { locale: 'es' as const, menu: 'tengo una pregunta sobre mi factura', first: 'va a hacer frio el domingo?', second: 'quien gano el partido ayer' },
];

describe('an out-of-scope request at a menu is out of scope, then the menu once (WJ13, WJ24)', function () {
  this.timeout(120_000);
  for (const c of CASES) {
    it(`webchat ${c.locale}: "${c.first}", then "${c.second}", at the billing menu`, async () => {
      const chat = await realChat('webchat', { locale: c.locale });
      const question = promptText(c.locale, 'billing.ask.topic').replace(/^(Sure|Claro)\.\s+/, '');
      const menu = textOf(await say(chat, 'webchat', c.menu));
      assert.ok(menu.includes(question), menu);
      const first = await say(chat, 'webchat', c.first);
      has(c.locale, first, 'common.outOfScopeHere');
      hasNot(c.locale, first, 'common.noOptionFits');
      assert.ok(textOf(first).includes(question), textOf(first));
      assert.doesNotMatch(textOf(first), /Sure\.|Claro\./, textOf(first));
      const second = await say(chat, 'webchat', c.second);
      has(c.locale, second, 'main.outOfScope');
      assert.ok(!textOf(second).includes(question), `the same menu again:\n${textOf(second)}`);
    });
  }
});
