import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StartupError } from '../../common/errors';
import { fromRoot } from '../../common/paths';
import { WorkspaceData } from '../../handoff/core/workspaceData';

describe('agent console data files (handoff/data)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'workspace-data-'));
    cpSync(fromRoot('handoff', 'data'), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the shipped files load: dispositions, queues (Spanish by language, billing by topic), canned responses in both languages', () => {
    const data = WorkspaceData.load(dir);
    assert.ok(data.disposition('answered'));
    assert.equal(data.route('es', 'billing').id, 'spanish');
    assert.equal(data.route('en', 'billing').id, 'billing');
    assert.equal(data.route('en', 'refill').id, 'pharmacy');
    assert.equal(data.route('en', null).id, 'general');
    assert.deepEqual(data.canned.en.map((c) => c.id), data.canned.es.map((c) => c.id));
  });

  it('a broken file stops start-up with one line naming the file and the problem', () => {
    writeFileSync(path.join(dir, 'canned.json'), JSON.stringify({ en: [{ id: 'hi', title: 'Hi', text: '' }], es: [] }));
    assert.throws(() => WorkspaceData.load(dir), (err: Error) => err instanceof StartupError && /canned\.json is invalid: en\.0\.text/.test(err.message));
    writeFileSync(path.join(dir, 'queues.json'), JSON.stringify({ defaultQueue: 'nowhere', skillFirstSeconds: 60, queues: [{ id: 'general', name: 'General', skills: {} }] }));
    assert.throws(() => WorkspaceData.load(dir), /queues\.json is invalid: defaultQueue: defaultQueue must name one of the queues/);
    writeFileSync(path.join(dir, 'dispositions.json'), '{ not json');
    assert.throws(() => WorkspaceData.load(dir), /dispositions\.json could not be read/);
  });
});
