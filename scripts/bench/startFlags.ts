import { readFileSync } from 'node:fs';
import { fromRoot } from '../../common/paths';

/**
 * The V8 heap flags that `npm start` gives Node (package.json `scripts.start`), so that the bench
 * and the soak test measure the assistant as it is started, not under V8's defaults. Only the
 * heap-size flags are taken: the others (`--enable-source-maps`, warnings) do not change what is
 * measured.
 */
export function startHeapFlags(): string[] {
  const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { scripts?: { start?: string } };
  return (pkg.scripts?.start ?? '').split(/\s+/).filter((flag) => /^--max-(old|semi)-space-size=\d+$/.test(flag));
}
