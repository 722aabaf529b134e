import assert from 'node:assert/strict';
import { DeniedTopic } from '../../dialogs/deniedTopic';
import { TopicNames } from '../../dialogs/topicNames';

/** What a denial drops (dialogs/deniedTopic.ts), and what is no denial at all. */
describe('DeniedTopic: a topic the member says the message is not about', () => {
  const denied = new DeniedTopic(TopicNames.load());
  const cases: Array<[string, { topic: string; rest: string } | null]> = [
    ['its not a password thing. can someone just call me back', { topic: 'password_reset', rest: 'can someone just call me back' }],
    ['not a billing question, i need my refill', { topic: 'billing', rest: 'i need my refill' }],
    ['no es por la contraseña. que alguien me llame por favor', { topic: 'password_reset', rest: 'que alguien me llame por favor' }],
    // "not my bill" disputes a bill; it does not set billing aside
    ['this is not my bill, I never went there', null],
    // a long run after "not" that names the topic meant is no denial of it
    ['its not the app its my login', null],
    ['my bill is not right', null],
    ['the appointment is not until friday', null],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} -> ${expected ? `${expected.topic} dropped` : 'no denial'}`, () => assert.deepEqual(denied.read(text), expected));
  }
});
