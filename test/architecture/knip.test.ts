import assert from 'node:assert/strict';
import { runTool } from '../support/tool';

/**
 * Nothing unused: every source file is reached from an entry point (knip.json), every export is
 * imported somewhere (or used in its own file), every dependency in package.json is used and every
 * package the code imports is listed. A finding is fixed (removed), not allow-listed.
 */
describe('no unused code or dependencies (knip)', function () {
  this.timeout(180_000);

  it('knip finds no unused files, exports, types or dependencies', async () => {
    const { code, output } = await runTool('knip', ['--no-progress', '--reporter', 'compact']);
    assert.equal(code, 0, `knip found:\n${output}`);
  });
});
