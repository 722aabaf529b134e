import assert from 'node:assert/strict';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../common/logger';
import { createUnderstanding } from '../../intents';
import type { Understanding } from '../../intents/types';

/**
 * Someone else collecting the member's medicine is a pharmacy errand, not pills gathered for a
 * crisis ("is it ok if my wife picks up my meds" was answered with 988 at 0.59), while the same
 * errand with a wish to die or pills taken stays the crisis.
 */
describe('classify: someone else picking up my medicine is an errand, not a crisis', function () {
  this.timeout(60_000);
  let u: Understanding;
  before(async () => {
    u = await createUnderstanding(loadConfig({ NODE_ENV: 'test' }).nlu, { logger: silentLogger() });
  });
  const plain = [
    'is it ok if my wife picks up my meds',
    'is it ok if my son gets my pills for me',
    'mi hija puede pasar por mis pastillas?',
  ];
  for (const text of plain) {
    it(`not an emergency: ${text}`, async () => {
      const r = await u.understand(text);
      assert.notEqual(r.intent, 'emergency', `${r.intent}:${r.kind} for ${text}`);
    });
  }
  const crises = [
    'my husband is going to pick up my pills and i will take them all tonight',
    'i want someone to pick up my meds so i can end it',
    'my son picked up my meds and i took all of them',
  ];
  for (const text of crises) {
    it(`crisis: ${text}`, async () => {
      const r = await u.understand(text);
      assert.equal(`${r.intent}:${r.kind}`, 'emergency:crisis');
    });
  }
});
