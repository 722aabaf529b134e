import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JsonLinesAuditLog } from '../../services/audit/auditLog';
import { messageActivity } from '../support/activities';
import { post, replies, request, startAssistant } from '../support/assistant';

const text = (answer: Awaited<ReturnType<typeof post>>) => replies(answer).map((a) => a.text ?? '').join('\n');

async function signIn(url: string, conversation: { id: string }) {
  const page = await request(`${url}/demo/portal/chat?member=EH1000001`);
  const assertion = /data-identity-assertion="([^"]+)"/.exec(page.text)![1]!;
  return post(`${url}/api/messages`, { ...messageActivity(''), type: 'event', name: 'member/identity', value: assertion, text: undefined, conversation });
}

/** A disk that fills up on demand: writes fail with ENOSPC, as on a full audit volume. */
class FillableDisk {
  full = false;
  readonly lines: string[] = [];
  write(line: string): void {
    if (this.full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    this.lines.push(line);
  }
}

describe('security: no PHI without its audit record (issue 17)', function () {
  this.timeout(20_000);

  it('when the audit log cannot be written, prescriptions are not shown; the member gets an apology instead', async () => {
    const disk = new FillableDisk();
    const running = await startAssistant({}, { audit: new JsonLinesAuditLog(disk) });
    try {
      const conversation = { id: 'audit-full-1' };
      assert.match(text(await signIn(running.url, conversation)), /You're signed in, Alex/);
      const shown = await post(`${running.url}/api/messages`, messageActivity('where is my refill Rx 1000101', { conversation }));
      assert.match(text(shown), /Lisinopril/, 'with the audit log writable, records are shown');
      assert.equal(disk.lines.filter((l) => l.includes('phi.disclosure')).length, 1);

      disk.full = true;
      const refused = await post(`${running.url}/api/messages`, messageActivity('where is my refill Rx 1000101', { conversation }));
      assert.equal(refused.status, 200);
      assert.doesNotMatch(text(refused), /Lisinopril|1000101|ready for pickup/);
      assert.match(text(refused), /something went wrong|911/i);
      assert.ok(running.logs.entries.some((e) => (e.err as { name?: string } | undefined)?.name === 'AuditUnavailableError'), 'the cause is logged');
    } finally {
      await running.stop();
    }
  });

  it('a full audit volume (the audit file on /dev/full): sign-in fails closed and shutdown does not hang', async function () {
    if (!existsSync('/dev/full')) this.skip();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'audit-full-'));
    mkdirSync(path.join(dataDir, 'audit'), { mode: 0o700 });
    symlinkSync('/dev/full', path.join(dataDir, 'audit', 'phi-audit.jsonl'));
    const running = await startAssistant({ DATA_DIR: dataDir, AUDIT_LOG: 'file', SHUTDOWN_TIMEOUT_MS: '2000' });
    try {
      const conversation = { id: 'audit-full-2' };
      const answer = await signIn(running.url, conversation);
      assert.doesNotMatch(text(answer), /You're signed in/);
      const asked = await post(`${running.url}/api/messages`, messageActivity('where is my refill Rx 1000101', { conversation }));
      assert.doesNotMatch(text(asked), /Lisinopril/);
    } finally {
      // Before the fix pino's flushSync retried ENOSPC forever here (the test's timeout catches it).
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
