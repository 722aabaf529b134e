import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Report } from '../../scripts/analytics/report';
import { Chat } from '../support/chat';
import { runCommand, type Exited } from '../support/process';
import { fromDist } from '../../common/paths';

const REPORT_JS = fromDist('scripts', 'report.js');

/** The compiled CLI as `npm run report` runs it, with only these settings (no .env: cwd is the temp folder). */
function report(cwd: string, env: Record<string, string>, ...args: string[]): Promise<Exited> {
  return runCommand(process.execPath, ['--disable-warning=DEP0111', REPORT_JS, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
}

/** A few real conversations through the whole bot, kept by the file store in `dataDir`. */
async function seed(dataDir: string): Promise<void> {
  const env = { STORAGE: 'file', DATA_DIR: dataDir, HANDOFF_MODE: 'contact' };
  // The real clock: the report looks at the last days before now.
  const overrides = { storage: undefined, clock: Date.now };
  const conversations: Array<[string, string[]]> = [
    ['webchat', ['I need a prescription refill', 'Lisinopril']],
    ['webchat', ['what is the meaning of life', 'What is the  MEANING of life', 'talk to a person']],
    ['webchat', ['my chest hurts']],
    ['sms', ['hi', 'write me at jane.doe@example.org about my hat', 'pay my bill']],
  ];
  for (const [channelId, messages] of conversations) {
    const chat = new Chat({ channelId, env, overrides });
    await chat.core.storage.ready();
    await chat.open(messages[0]);
    for (const message of messages.slice(chat.channelId === 'sms' ? 1 : 0)) await chat.say(message);
    await chat.core.handoff.transcripts.drain();
    await chat.core.storage.close();
  }
}

describe('npm run report (the compiled CLI over a DATA_DIR)', function () {
  this.timeout(30_000);
  let dir: string;
  let dataDir: string;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'report-cli-'));
    dataDir = path.join(dir, 'data');
    await seed(dataDir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the table and writes report.json and report.svg', async () => {
    const out = path.join(dir, 'out');
    const r = await report(dir, { DATA_DIR: dataDir }, '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /^Member assistant report: \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d \(30 days, UTC\)$/m);
    assert.match(r.stdout, /^Channels: sms, webchat$/m);
    assert.match(r.stdout, /Conversations \(with a member message\)\s+4$/m);
    assert.match(r.stdout, /Contained \(never escalated\)\s+3\s+75\.0%/);
    assert.match(r.stdout, /Escalated to a person\s+1\s+25\.0%/);
    assert.match(r.stdout, /given the ways to reach a person\s+1$/m);
    assert.match(r.stdout, /medical \(911\)\s+1$/m);
    assert.match(r.stdout, /^\s+2\s+what is the meaning of life$/im, 'the same question twice, counted once with 2');
    assert.match(r.stdout, /^\s+1\s+write me at \[EMAIL\] about my hat$/m);
    assert.ok(!r.stdout.includes('jane.doe'));
    for (const intent of ['refill', 'agent', 'billing', 'greeting']) assert.match(r.stdout, new RegExp(`^\\s+\\d\\s+${intent}\\s+1\\s`, 'm'), intent);
    assert.match(r.stdout, new RegExp(`Written: ${escapeRegExp(path.join(out, 'report.json'))}, ${escapeRegExp(path.join(out, 'report.svg'))}`));

    const json = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) as Report;
    assert.equal(json.conversations, 4);
    assert.equal(json.escalated, 1);
    assert.equal(json.emergencies.byKind.medical, 1);
    assert.equal(json.notUnderstood, 3);
    assert.ok(!JSON.stringify(json).includes('jane.doe'));
    const svg = readFileSync(path.join(out, 'report.svg'), 'utf8');
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"') && svg.trimEnd().endsWith('</svg>'));
    assert.match(svg, /containment 75\.0%/);
  });

  it('--json --channel: the report of one channel as JSON; files go to DATA_DIR/reports by default', async () => {
    const r = await report(dir, { DATA_DIR: dataDir }, '--json', '--channel', 'sms', '--days', '2');
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as Report;
    assert.deepEqual(json.channels, ['sms']);
    assert.equal(json.conversations, 1);
    assert.equal(json.period.days, 2);
    assert.deepEqual(json.unrecognized, [{ text: 'write me at [EMAIL] about my hat', count: 1 }]);
    assert.ok(existsSync(path.join(dataDir, 'reports', 'report.json')) && existsSync(path.join(dataDir, 'reports', 'report.svg')));
  });

  it('nothing stored: says so and exits 0, writing nothing', async () => {
    const empty = path.join(dir, 'empty');
    const r = await report(dir, { DATA_DIR: empty }, '--days', '7');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^No conversations in the last 7 days \(\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d, UTC\): nothing to report\.\n$/);
    assert.ok(!existsSync(empty), 'not even the folder');
  });

  it('bad arguments: one line on stderr, exit 2, no stack', async () => {
    for (const args of [['--days', '0'], ['--days', 'ten'], ['--top', '1000'], ['--channel', '../x'], ['--frobnicate'], ['--out'], ['stray'], ['--json=yes']]) {
      const r = await report(dir, { DATA_DIR: dataDir }, ...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^report: [^\n]+\n$/, args.join(' '));
      assert.doesNotMatch(r.stderr, /\bat .+:\d+:\d+/);
    }
  });

  it('a store it cannot report on (STORAGE=memory) or a bad setting: one line, exit 1', async () => {
    const memory = await report(dir, { NODE_ENV: 'test' }); // memory is the test default (refused elsewhere)
    assert.equal(memory.code, 1);
    assert.match(memory.stderr, /^report: STORAGE=memory keeps transcripts only inside the running assistant[^\n]*\n$/);
    const bad = await report(dir, { STORAGE: 'floppy' });
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /^report: Configuration error: STORAGE [^\n]+\n$/);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
