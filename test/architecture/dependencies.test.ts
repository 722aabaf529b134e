import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromRoot } from '../../common/paths';

/**
 * CONTRIBUTING.md's dependency rules as code: dependency-cruiser with .dependency-cruiser.cjs
 * (which folder may import which, framework at the edges, no module cycles), plus what
 * dependency-cruiser does not check itself: no cycle between top-level folders. handoff/ and
 * identity/ are one home each for a feature with layers of its own (core, http, bot edge), so
 * their sub-folders count as folders here.
 */

interface CruiseResult {
  modules: { source: string; dependencies: { resolved: string; coreModule: boolean; couldNotResolve: boolean }[] }[];
  summary: { violations: { from: string; to: string; rule: { name: string } }[] };
}

const DEPCRUISE = fromRoot('node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

function cruise(dir: string, folders: string[]): CruiseResult {
  const run = spawnSync(process.execPath, [DEPCRUISE, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...folders], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  assert.ok(run.stdout.trim().startsWith('{'), `dependency-cruiser did not run: ${run.stderr}`);
  return JSON.parse(run.stdout) as CruiseResult;
}

/** The folder a file belongs to for the cycle check: its top-level folder, or handoff/x, identity/x. */
export function unitOf(file: string): string {
  const parts = file.split('/');
  if ((parts[0] === 'handoff' || parts[0] === 'identity') && parts.length > 2) return `${parts[0]}/${parts[1]}`;
  return parts[0]!;
}

/** Cycles between folders, each as its folders and one import that closes it (Tarjan's components). */
export function folderCycles(result: CruiseResult): string[] {
  const edges = new Map<string, Map<string, string>>();
  for (const m of result.modules) {
    if (m.source.startsWith('node_modules/')) continue;
    for (const d of m.dependencies) {
      if (d.coreModule || d.couldNotResolve || d.resolved.startsWith('node_modules/')) continue;
      const a = unitOf(m.source);
      const b = unitOf(d.resolved);
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Map());
      if (!edges.get(a)!.has(b)) edges.get(a)!.set(b, `${m.source} → ${d.resolved}`);
    }
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return components.map((c) => {
    const imports = c.flatMap((a) => c.filter((b) => edges.get(a)?.has(b)).map((b) => `    ${edges.get(a)!.get(b)}`));
    return `${c.join(' ⇄ ')}:\n${imports.join('\n')}`;
  });
}

function describeViolations(result: CruiseResult): string[] {
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('architecture: the dependency rules of CONTRIBUTING.md', function () {
  this.timeout(120_000);

  it('hold for the whole tree: every rule, no module cycle, no cycle between folders', () => {
    const tsconfig = JSON.parse(readFileSync(fromRoot('tsconfig.json'), 'utf8')) as { include: string[] };
    const result = cruise(fromRoot(), tsconfig.include);
    assert.ok(result.modules.length > 300, `only ${result.modules.length} modules cruised`);
    assert.deepEqual(describeViolations(result), []);
    assert.deepEqual(folderCycles(result), []);
  });

  it('every compiled top-level folder has a README.md saying what it owns and what it may import', () => {
    const tsconfig = JSON.parse(readFileSync(fromRoot('tsconfig.json'), 'utf8')) as { include: string[] };
    const missing = tsconfig.include.filter((folder) => !existsSync(fromRoot(folder, 'README.md')));
    assert.deepEqual(missing, []);
    for (const folder of tsconfig.include.filter((f) => !['test', 'scripts', 'bot'].includes(f))) {
      assert.match(readFileSync(fromRoot(folder, 'README.md'), 'utf8'), /may import/i, `${folder}/README.md does not say what it may import`);
    }
  });

  it('catch a core that imports botbuilder, common importing a feature, and two folders that import each other', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'architecture-'));
    try {
      copyFileSync(fromRoot('.dependency-cruiser.cjs'), path.join(dir, '.dependency-cruiser.cjs'));
      symlinkSync(fromRoot('node_modules'), path.join(dir, 'node_modules'), 'dir');
      writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16' } }));
      const files: Record<string, string> = {
        'handoff/core/queue.ts': "import type { TurnContext } from 'botbuilder';\nexport type Q = TurnContext;\n",
        'common/clock.ts': "import { answer } from '../services/answer';\nexport const now = answer;\n",
        'services/answer.ts': 'export const answer = 42;\n',
        'dialogs/ask.ts': "import { render } from '../channels/render';\nexport const ask = render;\n",
        'channels/render.ts': "import { label } from '../dialogs/label';\nexport const render = label;\n",
        'dialogs/label.ts': "export const label = 'x';\n",
      };
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      }
      const result = cruise(dir, ['handoff', 'common', 'services', 'dialogs', 'channels']);
      const violations = describeViolations(result);
      // The fixture's node_modules is a link to the project's, so the package resolves outside it.
      assert.ok(violations.some((v) => /^plain-typescript-cores: handoff\/core\/queue\.ts → .*node_modules\/botbuilder\//.test(v)), violations.join('\n'));
      assert.ok(violations.includes('common-imports-only-common: common/clock.ts → services/answer.ts'), violations.join('\n'));
      const cycles = folderCycles(result);
      assert.equal(cycles.length, 1, cycles.join('\n'));
      assert.match(cycles[0]!, /^channels ⇄ dialogs:/);
      assert.match(cycles[0]!, /channels\/render\.ts → dialogs\/label\.ts/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
