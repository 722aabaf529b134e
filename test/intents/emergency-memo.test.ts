import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LastTextMemo } from '../../intents/emergency/memo';
import type { EmergencyCheck, EmergencyMatch } from '../../intents/types';
import { sharedDetector } from './support/fixtures';

/** Emergencies of every kind, look-alikes and ordinary messages, in both languages. */
const TEXTS = [
  "I can't breathe",
  'I want to kill myself',
  'my toddler swallowed a button battery',
  'the bill for my ER visit is wrong',
  'how do I pay my bill',
  'no me puedo respirar',
  'quiero morir',
  'necesito una cita',
  'where is my refill',
  '',
  '   ',
];

class CountingCheck implements EmergencyCheck {
  readonly seen: string[] = [];
  constructor(private readonly answer: (text: string) => EmergencyMatch | null) {}
  detect(text: string): EmergencyMatch | null {
    this.seen.push(text);
    return this.answer(text);
  }
}

describe('LastTextMemo (the emergency check shared by the gate and the recognizer)', () => {
  it('answers every message as the detector does, whatever came before (never another message\'s answer)', () => {
    const detector = sharedDetector();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TEXTS), { maxLength: 30 }), (texts) => {
        const memo = new LastTextMemo(detector);
        for (const text of texts) assert.deepEqual(memo.detect(text), detector.detect(text), text);
      }),
    );
    const memo = new LastTextMemo(detector);
    assert.equal(memo.detect("I can't breathe")?.kind, 'medical');
    assert.equal(memo.detect('how do I pay my bill'), null);
    assert.equal(memo.detect('I want to kill myself')?.kind, 'crisis');
    assert.equal(memo.detect('I want to kill myself ')?.kind, 'crisis');
    assert.equal(memo.detect('necesito una cita'), null);
  });

  it('the same text twice in a row runs the detector once; any other text runs it again', () => {
    const check = new CountingCheck((text) => (text.includes('breathe') ? { kind: 'medical', locale: 'en', rule: 'test' } : null));
    const memo = new LastTextMemo(check);
    assert.equal(memo.detect("I can't breathe")?.kind, 'medical');
    assert.equal(memo.detect("I can't breathe")?.kind, 'medical');
    assert.equal(memo.detect('pay my bill'), null);
    assert.equal(memo.detect("I can't breathe")?.kind, 'medical');
    assert.deepEqual(check.seen, ["I can't breathe", 'pay my bill', "I can't breathe"]);
  });

  it('each caller gets its own copy of the match', () => {
    const memo = new LastTextMemo(new CountingCheck(() => ({ kind: 'crisis', locale: 'en', rule: 'test' })));
    const first = memo.detect('x')!;
    first.kind = 'poison';
    assert.deepEqual(memo.detect('x'), { kind: 'crisis', locale: 'en', rule: 'test' });
  });

  it('a detector that throws leaves nothing remembered', () => {
    let fail = false;
    const check = new CountingCheck((text) => {
      if (fail) throw new Error('lexicon broken');
      return text.includes('breathe') ? { kind: 'medical', locale: 'en', rule: 'test' } : null;
    });
    const memo = new LastTextMemo(check);
    assert.equal(memo.detect('pay my bill'), null);
    fail = true;
    assert.throws(() => memo.detect("I can't breathe"), /lexicon broken/);
    assert.throws(() => memo.detect("I can't breathe"), /lexicon broken/);
    fail = false;
    assert.equal(memo.detect("I can't breathe")?.kind, 'medical');
    assert.equal(memo.detect('pay my bill'), null);
  });
});
