import assert from 'node:assert/strict';
import { loadConfig } from '../../../bot/config';
import { PendingUnderstanding } from '../../../bot/compose/understanding';
import { silentLogger } from '../../../common/logger';
import type { UnderstandingDeps } from '../../../intents';
import type { IntentResult } from '../../../intents/types';
import { Chat, textOf } from '../../support/chat';

describe('PHI redaction in the turn pipeline', () => {
  it('an SSN or card number typed into the chat is masked on the message, after the emergency check saw it raw', async () => {
    const seenByCheck: string[] = [];
    const chat = new Chat({
      overrides: {
        emergencyCheck: {
          detect: (text) => {
            seenByCheck.push(text);
            return null;
          },
        },
      },
    });
    await chat.open();
    const replies = await chat.say('my ssn is 123-45-6789 and my card is 4111 1111 1111 1111, what is my balance');
    assert.deepEqual(seenByCheck, ['my ssn is 123-45-6789 and my card is 4111 1111 1111 1111, what is my balance']);
    assert.deepEqual(chat.intents.seen.slice(-1), ['my ssn is [SSN] and my card is [CARD], what is my balance']);
    assert.match(textOf(replies), /don't type your Social Security or card number here/);
    assert.doesNotMatch(chat.storedText(), /6789|4111/);
  });

  it('cloud recognizers are built with redactText: they only ever get redacted text', async () => {
    let deps: UnderstandingDeps | undefined;
    const result: IntentResult = { intent: 'refill', score: 0.9, kind: null, locale: 'en', runnerUp: null, source: 'clu' };
    const pending = new PendingUnderstanding(loadConfig({ NODE_ENV: 'test' }).nlu, silentLogger(), async (_settings, given) => {
      deps = given;
      return { understand: async () => result };
    });
    await pending.ready;
    assert.equal(deps?.redactForCloud?.('refill Rx 1234567, born 3/4/1975, call 503-555-0142'), 'refill Rx [RX], born [DOB], call [PHONE]');
  });
});
