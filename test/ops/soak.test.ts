import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { slopePerMinute } from '../../scripts/soak/index';
import { assertLoopback, goldenReplies, runSoak } from '../../scripts/soak/run';
import { fromRoot } from '../../common/paths';
import { startAssistant, type RunningAssistant } from '../support/assistant';

/**
 * A very short version of `npm run soak` (which runs for minutes and watches RSS; not part of
 * `npm test`): many conversations at once on both channels, every reply checked against what its
 * own script gets when run alone.
 */
describe('soak (smoke: a few dozen concurrent conversations)', function () {
  this.timeout(60_000);
  const scripts = JSON.parse(readFileSync(fromRoot('scripts', 'bench', 'conversations.json'), 'utf8')) as string[][];
  let running: RunningAssistant;

  before(async () => {
    running = await startAssistant({ RATE_LIMIT_PER_CLIENT_PER_MINUTE: '0', DIRECTLINE_TOKENS_PER_MINUTE: '0' });
  });
  after(() => running.stop());

  it('no errors and no cross-talk across concurrent conversations on /api/messages and Direct Line', async () => {
    const golden = await goldenReplies(running.url, scripts, 'smoke', true);
    const counters = await runSoak({ url: running.url, scripts, concurrency: 12, maxConversations: 48, directLineShare: 0.25, runId: 'smoke' }, golden);
    assert.equal(counters.errors, 0, counters.firstError);
    assert.equal(counters.crossTalk, 0, counters.firstCrossTalk);
    assert.equal(counters.conversations, 48);
    assert.ok(counters.turns >= 48 * 2);
  });

  it('would notice a reply that belongs to another script (the check can fail)', async () => {
    const golden = await goldenReplies(running.url, scripts, 'smoke-wrong', false);
    golden.messages.reverse();
    const counters = await runSoak({ url: running.url, scripts, concurrency: 4, maxConversations: scripts.length, directLineShare: 0, runId: 'smoke-wrong' }, golden);
    assert.ok(counters.crossTalk > 0);
    assert.match(counters.firstCrossTalk ?? '', /expected/);
  });

  it('refuses targets that are not on this machine, and measures RSS growth per minute', () => {
    assert.throws(() => assertLoopback('http://203.0.113.5:3978'), /loopback/);
    assert.doesNotThrow(() => assertLoopback('http://127.0.0.1:3978'));
    const flat = Array.from({ length: 60 }, (_, t) => ({ t, rss: 300 + (t % 2) }));
    assert.ok(Math.abs(slopePerMinute(flat)) < 0.1);
    const growing = Array.from({ length: 60 }, (_, t) => ({ t, rss: 300 + t / 6 }));
    assert.ok(Math.abs(slopePerMinute(growing) - 10) < 1e-9, '10 MiB per minute');
  });
});
