import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fromDist } from '../../common/paths';
import { startHeapFlags } from '../../scripts/bench/startFlags';

describe('how npm start runs the assistant', () => {
  it('caps the V8 heap (the memory target: RSS under 300 MB after 10,000 conversations), and the bench and soak measure with the same flags', () => {
    const flags = startHeapFlags();
    assert.ok(flags.some((f) => /^--max-old-space-size=\d+$/.test(f)), `npm start has no --max-old-space-size: ${flags.join(' ')}`);
    assert.ok(flags.some((f) => /^--max-semi-space-size=\d+$/.test(f)), `npm start has no --max-semi-space-size: ${flags.join(' ')}`);
  });

  it('loads the Azure storage and LUIS SDKs only when they are configured', () => {
    const app = fromDist('bot', 'app.js');
    const script = `require(${JSON.stringify(app)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)))`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const loaded = JSON.parse(run.stdout) as string[];
    for (const sdk of ['@azure/cosmos', '@azure/storage-blob', 'botbuilder-azure-blobs', '@azure/cognitiveservices-luis-runtime']) {
      assert.ok(!loaded.some((file) => file.includes(`node_modules/${sdk}/`)), `${sdk} is loaded at start`);
    }
    assert.ok(loaded.some((file) => file.includes('node_modules/botbuilder/')), 'the check sees loaded packages');
  });
});
