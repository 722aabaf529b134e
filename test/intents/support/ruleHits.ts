import assert from 'node:assert/strict';
import type { EmergencyKind } from '../../../intents/types';
import { sharedDetector } from './fixtures';

/** [message, kind, rule id pattern]: a lexicon rule that must fire, strong, with that kind. */
export type RuleHit = [string, EmergencyKind, RegExp];

/** One test per message: the shared detector finds an emergency of that kind, by a strong rule matching the pattern. */
export function itFiresStrong(hits: readonly RuleHit[]): void {
  for (const [text, kind, rule] of hits) {
    it(`${kind}: ${text}`, () => {
      const m = sharedDetector().detect(text);
      assert.ok(m, `expected an emergency (${kind}) in: ${text}`);
      assert.equal(m.kind, kind, `wrong kind for: ${text} (rule ${m.rule})`);
      assert.match(m.rule, rule);
      assert.equal(m.strong, true, `${m.rule} should be a strong rule`);
    });
  }
}

/** One test per message: the shared detector fires no strong rule on it (a look-alike). */
export function itNeverStrong(lookalikes: readonly string[]): void {
  for (const text of lookalikes) {
    it(`not an emergency: ${text}`, () => {
      const m = sharedDetector().detect(text);
      assert.ok(!m?.strong, `false alarm (${m?.rule}) on: ${text}`);
    });
  }
}
