import assert from 'node:assert/strict';
import { ActivityTypes, TestAdapter } from 'botbuilder';
import { createBotCore } from '../../bot/app';
import { ConfigError, loadConfig } from '../../bot/config';
import { PendingUnderstanding } from '../../bot/compose/understanding';
import { silentLogger } from '../../common/logger';
import { SafetyTriage } from '../../intents';
import type { IntentResult, Understanding } from '../../intents/types';

const result: IntentResult = { intent: 'billing', score: 0.9, kind: null, locale: 'en', runnerUp: null, source: 'local' };
const settings = loadConfig({ NODE_ENV: 'test' }).nlu;

describe('wiring the intents layer', () => {
  it('messages that arrive while the recognizer is being built wait for it', async () => {
    let finish!: (u: Understanding) => void;
    const pending = new PendingUnderstanding(settings, silentLogger(), () => new Promise((resolve) => (finish = resolve)));
    const answer = pending.understand('pay my bill');
    finish({ understand: async () => result });
    assert.deepEqual(await answer, result);
    await pending.ready;
  });

  it('a recognizer that cannot be built fails start-up, and turns, never silently', async () => {
    const pending = new PendingUnderstanding(settings, silentLogger(), () => Promise.reject(new Error('model data broken')));
    await assert.rejects(pending.ready, /model data broken/);
    await assert.rejects(pending.understand('hi'), /model data broken/);
  });

  it('by default the bot runs the real emergency detector and recognizer (NLU_* settings)', async () => {
    const core = createBotCore(loadConfig({ NODE_ENV: 'test' }), { logger: silentLogger() });
    await core.ready;
    const adapter = new TestAdapter((context) => core.bot.run(context), { channelId: 'sms' });
    await adapter.processActivity({ type: ActivityTypes.Message, text: "I can't breathe" });
    assert.match(adapter.activeQueue.map((a) => a.text).join('\n'), /Call 911 now/);
    adapter.activeQueue.splice(0);
    await adapter.processActivity({ type: ActivityTypes.Message, text: 'how do I pay my bill' });
    assert.match(adapter.activeQueue.map((a) => a.text).join('\n'), /Pay a bill: https:\/\/member\.evergreen-health\.example\/secure\/billing\/pay/);
  });

  it('by default the gate, the limits and the recognizer share one safety triage: one run per message, and each text is checked', async () => {
    const seen: string[] = [];
    const original = SafetyTriage.prototype.triage;
    SafetyTriage.prototype.triage = function (this: SafetyTriage, text: string) {
      seen.push(text);
      return original.call(this, text);
    };
    try {
      const core = createBotCore(loadConfig({ NODE_ENV: 'test' }), { logger: silentLogger() });
      await core.ready;
      const adapter = new TestAdapter((context) => core.bot.run(context), { channelId: 'sms' });
      await adapter.processActivity({ type: ActivityTypes.Message, text: 'how do I pay my bill' });
      assert.deepEqual(seen, ['how do I pay my bill']);
      assert.match(adapter.activeQueue.map((a) => a.text).join('\n'), /Pay a bill/);
      adapter.activeQueue.splice(0);
      // The recognizer gets the masked text: a text the gate did not see is checked again.
      seen.splice(0);
      await adapter.processActivity({ type: ActivityTypes.Message, text: 'my ssn is 123-45-6789, what is my balance' });
      assert.deepEqual(seen, ['my ssn is 123-45-6789, what is my balance', 'my ssn is [SSN], what is my balance']);
      adapter.activeQueue.splice(0);
      seen.splice(0);
      await adapter.processActivity({ type: ActivityTypes.Message, text: "I can't breathe" });
      assert.deepEqual(seen, ["I can't breathe"]);
      assert.match(adapter.activeQueue.map((a) => a.text).join('\n'), /Call 911 now/);
    } finally {
      SafetyTriage.prototype.triage = original;
    }
  });

  it('NLU settings are validated with the rest, and keys are never echoed', () => {
    assert.throws(() => loadConfig({ NLU_PROVIDER: 'clu' }), (err: Error) => err instanceof ConfigError && /CLU_ENDPOINT is required when NLU_PROVIDER=clu/.test(err.message));
    assert.throws(
      () => loadConfig({ NLU_PROVIDER: 'watson', CLU_API_KEY: 'do-not-print' }),
      (err: Error) => /NLU_PROVIDER must be one of local, clu, luis/.test(err.message) && !err.message.includes('do-not-print'),
    );
    assert.equal(loadConfig({ NODE_ENV: 'test' }).nlu.provider, 'local');
  });
});
