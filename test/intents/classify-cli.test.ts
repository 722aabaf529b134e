import assert from 'node:assert/strict';
import { REPO_ROOT } from '../../intents/paths';
import { runCommand, type Exited } from '../support/process';
import { fromDist } from '../../common/paths';

function run(command: string, args: string[], input: string, env: NodeJS.ProcessEnv = {}): Promise<Exited> {
  return runCommand(command, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, input });
}

const classifyJs = fromDist('scripts', 'classify.js');

function parseLines(stdout: string): Array<Record<string, unknown>> {
  const lines = stdout.split('\n');
  assert.equal(lines.pop(), '', 'output ends with a newline');
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('classify CLI (end to end)', () => {
  it('`npm run --silent classify` prints exactly one JSON object per input line', async () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const input = 'I need a refill\n\nhola, necesito una cita\ncant breath\nthe bill for my ER visit\nok\n';
    const r = await run(npm, ['run', '--silent', 'classify'], input);
    assert.equal(r.code, 0, r.stderr);
    const rows = parseLines(r.stdout);
    assert.equal(rows.length, 6);
    for (const row of rows) assert.deepEqual(Object.keys(row), ['text', 'intent', 'score', 'kind', 'locale']);
    assert.deepEqual(
      rows.map((x) => [x.text, x.intent, x.kind, x.locale]),
      [
        ['I need a refill', 'refill', null, 'en'],
        ['', 'none', null, 'en'],
        ['hola, necesito una cita', 'appointment', null, 'es'],
        ['cant breath', 'emergency', 'medical', 'en'],
        ['the bill for my ER visit', 'billing', null, 'en'],
        ['ok', 'none', null, 'en'],
      ],
    );
    for (const row of rows) assert.ok(typeof row.score === 'number' && row.score >= 0 && row.score <= 1);
    assert.equal(rows[3]!.score, 1);
  }).timeout(60_000);

  it('handles CRLF, a last line without newline, unicode and --locale', async () => {
    const r = await run(process.execPath, [classifyJs, '--locale', 'es'], 'ok\r\nme quiero morir\r\n"123" \\ 😀\nrefill');
    assert.equal(r.code, 0, r.stderr);
    const rows = parseLines(r.stdout);
    assert.deepEqual(
      rows.map((x) => [x.text, x.intent, x.kind, x.locale]),
      [
        ['ok', 'none', null, 'es'],
        ['me quiero morir', 'emergency', 'crisis', 'es'],
        ['"123" \\ 😀', 'none', null, 'es'],
        ['refill', 'refill', null, 'en'],
      ],
    );
  }).timeout(20_000);

  it('invalid settings: exit 2, a message on stderr naming the variable, nothing on stdout', async () => {
    const r = await run(process.execPath, [classifyJs], 'hi\n', { NLU_PROVIDER: 'clu', CLU_ENDPOINT: '', CLU_API_KEY: '' });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /CLU_ENDPOINT is required when NLU_PROVIDER=clu/);
  }).timeout(20_000);
});
