import assert from 'node:assert/strict';
import { runTool } from '../support/tool';

/**
 * The shared lint rules (eslint.config.mjs) hold everywhere: no console.* in product code (the
 * injected logger; scripts print), no unused variables, type-only imports marked as such. A
 * finding is fixed, not switched off. Cached (node_modules/.cache/eslint): a second run reads
 * only the files that changed.
 */
describe('lint (eslint, the shared config)', function () {
  this.timeout(180_000);

  it('eslint reports nothing', async () => {
    const { code, output } = await runTool('eslint', ['--cache', '--cache-location', 'node_modules/.cache/eslint/', '--max-warnings', '0', '.']);
    assert.equal(code, 0, `eslint found:\n${output}`);
  });
});
