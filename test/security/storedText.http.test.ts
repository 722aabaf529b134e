import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAssistant } from '../support/assistant';
import { getGrant, message, postActivity, startConversation } from '../support/directline';

/** Every file under a folder, as text (journals, transcripts, audit, corrupt copies). */
function everythingStored(dir: string): string {
  let out = '';
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out += readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

describe('security: what is stored (issue 17)', function () {
  this.timeout(20_000);

  it('an SSN and a card number typed in Web Chat never reach the disk in clear', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'stored-text-'));
    const running = await startAssistant({ STORAGE: 'file', DATA_DIR: dataDir });
    try {
      const grant = await getGrant(running.url);
      await startConversation(grant);
      const answer = await postActivity(grant, message('my ssn is 123-45-6789 and my card is 4111 1111 1111 1111'));
      assert.equal(answer.status, 200, answer.text);
    } finally {
      await running.stop();
    }
    try {
      const stored = everythingStored(dataDir);
      assert.match(stored, /my ssn is/, 'the message itself was stored');
      assert.doesNotMatch(stored, /123-45-6789|4111 1111 1111 1111|4111111111111111/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
