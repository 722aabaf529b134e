import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { messageActivity } from '../support/activities';
import { post, replies, startAssistant, type RunningAssistant } from '../support/assistant';
import { toStored, type TranscriptDoc } from '../../handoff/transcript/transcriptStore';
import { publicNumbers } from '../../common/redaction';
import { loadPortalProfile } from '../../services/portal/profile';
import { BookingDialog } from '../support/dialogs';
import { runToExit, startProcess } from '../support/process';

/** What the member sees in answer to `text` (the texts of the reply activities). */
async function say(url: string, text: string, conversationId: string, channelId = 'webchat'): Promise<string[]> {
  const answer = await post(`${url}/api/messages`, messageActivity(text, { conversation: { id: conversationId }, channelId }));
  assert.equal(answer.status, 200, answer.text);
  return replies(answer).map((a) => String(a.text ?? ''));
}

describe('restarts: the member continues where they were', function () {
  this.timeout(30_000);
  let dataDir: string;
  let running: RunningAssistant | undefined;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'restart-'));
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('half-way through a booking, through a graceful stop and a new start on the same DATA_DIR (file storage)', async () => {
    const env = { STORAGE: 'file', DATA_DIR: dataDir };
    running = await startAssistant(env, { mainDialog: new BookingDialog() });
    const first = await say(running.url, 'I need an appointment', 'restart-1');
    assert.match(first[0]!, /not for emergencies/, 'welcomed');
    assert.equal(first.at(-1), 'Which day works for you?');
    assert.deepEqual(await say(running.url, 'Tuesday', 'restart-1'), ['What time?']);
    await running.stop();
    assert.match(readFileSync(path.join(dataDir, 'state', 'conversations.journal'), 'utf8'), /"k":"webchat\/conversations\/restart-1\/"/, 'state is on disk');

    running = await startAssistant(env, { mainDialog: new BookingDialog() });
    assert.deepEqual(await say(running.url, '10am', 'restart-1'), ['Book Tuesday at 10am? (yes/no)'], 'no welcome again, no start-over');
    assert.deepEqual(await say(running.url, 'yes', 'restart-1'), ['Booked: Tuesday at 10am.']);
  });

  it('with memory storage the same restart would have lost the booking (what the store is for)', async () => {
    running = await startAssistant({ STORAGE: 'memory' }, { mainDialog: new BookingDialog() });
    await say(running.url, 'I need an appointment', 'restart-2');
    await say(running.url, 'Tuesday', 'restart-2');
    await running.stop();
    running = await startAssistant({ STORAGE: 'memory' }, { mainDialog: new BookingDialog() });
    const after = await say(running.url, '10am', 'restart-2');
    assert.match(after[0]!, /not for emergencies/, 'a stranger again: welcomed from scratch');
    assert.equal(after.at(-1), 'Which day works for you?');
  });

  it('the real process (npm start): SIGTERM, start again, and the conversation is remembered', async () => {
    const env = { STORAGE: 'file', DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    const first = await startProcess(env);
    const welcome = await say(first.url, 'hi', 'restart-sms', 'sms');
    assert.ok(welcome.some((t) => t.includes('call 911')), 'SMS: welcomed on the first message');
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);
    assert.ok(first.stdout.some((line) => line.includes('"storage":"file"') && line.includes('member assistant ready')));

    const second = await startProcess(env);
    try {
      const later = await say(second.url, 'hello again', 'restart-sms', 'sms');
      assert.ok(later.length > 0);
      assert.ok(!later.some((t) => t.includes('call 911') && t.includes('not for emergencies')), 'not welcomed a second time');
    } finally {
      second.child.kill('SIGTERM');
      assert.equal(await second.exited, 0);
    }
  });

  it('the real process killed with SIGKILL right after an answer: on restart the transcript holds every acknowledged message', async function () {
    // Two real starts and ten turns: 10-30 s on a busy 2-core machine (a start may take up to a minute).
    this.timeout(150_000);
    const env = { STORAGE: 'file', DATA_DIR: dataDir };
    const first = await startProcess(env);
    const said = new Map<string, Array<{ role: string; text: string }>>();
    // The plan's own numbers stay readable in transcripts (agents read them); a member's are masked.
    const keep = publicNumbers(loadPortalProfile('default').publicNumbers());
    const turn = async (conversationId: string, text: string) => {
      const answer = await post(`${first.url}/api/messages`, messageActivity(text, { conversation: { id: conversationId }, channelId: 'webchat' }));
      assert.equal(answer.status, 200, answer.text);
      const kept = said.get(conversationId) ?? [];
      kept.push({ role: 'user', text });
      for (const reply of replies(answer)) {
        const stored = toStored({ ...reply, type: 'message' }, 'bot', undefined, keep);
        if (reply.type === 'message' && stored) kept.push({ role: 'bot', text: stored.text });
      }
      said.set(conversationId, kept);
    };
    try {
      // Concurrent conversations (their transcript writes share a commit), several turns each. The
      // retention sweep run at start writes every conversation's pending entries meanwhile (and the
      // escalation at the end reads its transcript): turns commit while their tails are removed.
      for (const text of ['hi', 'what are your hours', 'thanks']) {
        await Promise.all(['kill-a', 'kill-b', 'kill-c'].map((id) => turn(id, text)));
      }
      await turn('kill-a', 'one more thing');
    } finally {
      first.child.kill('SIGKILL'); // right after the last acknowledged answer
      await first.exited;
    }
    const second = await startProcess(env);
    try {
      const docs = new Map<string, TranscriptDoc>();
      const stateDir = path.join(dataDir, 'state');
      for (const name of readdirSync(stateDir).filter((n) => n.endsWith('.json'))) {
        const record = JSON.parse(readFileSync(path.join(stateDir, name), 'utf8')) as { key: string; item: TranscriptDoc };
        if (record.key.startsWith('transcripts/webchat/')) docs.set(record.item.conversationId, record.item);
      }
      for (const [conversationId, expected] of said) {
        const kept = (docs.get(conversationId)?.activities ?? []).map((a) => ({ role: a.from.role, text: a.text }));
        assert.deepEqual(kept, expected, `transcript of ${conversationId}`);
      }
    } finally {
      second.child.kill('SIGTERM');
      assert.equal(await second.exited, 0);
    }
  });

  it('a second process on the same DATA_DIR is refused in one line while the first runs, and starts once it has stopped', async function () {
    // Three starts of the real process: each takes seconds, far more on a busy 2-core machine.
    this.timeout(150_000);
    const env = { STORAGE: 'file', DATA_DIR: dataDir };
    const first = await startProcess(env);
    try {
      const refused = await runToExit(env);
      assert.equal(refused.code, 1);
      assert.equal(refused.stderr.split('\n').length, 1, refused.stderr);
      assert.match(refused.stderr, new RegExp(`^DATA_DIR is in use: another running assistant \\(process ${first.child.pid}\\)`));
      assert.ok((await say(first.url, 'hi', 'still-served')).length > 0, 'the first one goes on');
    } finally {
      first.child.kill('SIGTERM');
      assert.equal(await first.exited, 0);
    }
    const second = await startProcess(env);
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0);
  });

  it('the real process refuses to start, in one line, when DATA_DIR cannot be written', async function () {
    this.timeout(90_000);
    const blocked = path.join(dataDir, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const result = await runToExit({ STORAGE: 'file', DATA_DIR: blocked });
    assert.equal(result.code, 1);
    assert.equal(result.stderr.split('\n').length, 1, result.stderr);
    assert.match(result.stderr, /^DATA_DIR is not writable: cannot write state files in .*a-file.state/);
  });
});
