import assert from 'node:assert/strict';
import { loadConfig } from '../../../bot/config';
import { silentLogger } from '../../../common/logger';
import { createUnderstanding } from '../../../intents';
import type { Understanding } from '../../../intents/types';

/** The whole understanding (recognizer and safety triage) as the bot builds it, once per describe. */
export function understandingForTests(): () => Understanding {
  let u: Understanding | undefined;
  before(async function () {
    this.timeout(60_000);
    u = await createUnderstanding(loadConfig({ NODE_ENV: 'test' }).nlu, { logger: silentLogger() });
  });
  return () => {
    if (!u) throw new Error('understanding not built yet');
    return u;
  };
}

/** One test per message: it is not an emergency. */
export function itIsNoEmergency(get: () => Understanding, texts: readonly string[]): void {
  for (const text of texts) {
    it(`not an emergency: ${text}`, async () => {
      const r = await get().understand(text);
      assert.notEqual(r.intent, 'emergency', `${r.intent}:${r.kind} for ${text}`);
    });
  }
}

/** One test per message: it is this emergency kind (or any emergency when `kind` is omitted). */
export function itIsEmergency(get: () => Understanding, texts: readonly string[], kind?: string): void {
  for (const text of texts) {
    it(`${kind ?? 'emergency'}: ${text}`, async () => {
      const r = await get().understand(text);
      if (kind) assert.equal(`${r.intent}:${r.kind}`, `emergency:${kind}`, text);
      else assert.equal(r.intent, 'emergency', `${r.intent}:${r.kind} for ${text}`);
    });
  }
}
