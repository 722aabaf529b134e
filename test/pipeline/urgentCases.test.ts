import assert from 'node:assert/strict';
import { URGENT_CASES } from '../../pipeline/urgentCases/cases';

describe('the urgent follow-up: an ordered list of named cases (pipeline/urgentCases/cases.ts)', () => {
  it('keeps the order of the cases as they were decided, each named once, the catch-all last', () => {
    assert.deepEqual(
      URGENT_CASES.map((one) => one.name),
      [
        'helpCame',
        'called',
        'onTheWay',
        'firstAidAfterPoison',
        'drowsyAfterPoison',
        'injuryAfterDisclosure',
        'dangerAfterDisclosure',
        'watched',
        'mailElsewhere',
        'whoWillKnow',
        'means',
        'calmer',
        'safeNow',
        'ack',
        'noCall',
        'personAsked',
        'alone',
        'goodbye',
        'thanks',
        'refusal',
        'visitInstead',
        'seemsFine',
        'coverage',
        'goesOn',
        'aside',
      ],
    );
  });
});
