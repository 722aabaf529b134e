import assert from 'node:assert/strict';
import { startAssistant, type RunningAssistant } from '../support/assistant';
import { getGrant, RawStream, startConversation } from '../support/directline';

describe('security: single-use credentials (issue 17)', function () {
  this.timeout(20_000);
  let running: RunningAssistant;
  before(async () => {
    running = await startAssistant();
  });
  after(() => running.stop());

  it('a Direct Line stream URL opens one stream; a second connection with it is refused (403)', async () => {
    const grant = await getGrant(running.url);
    const { streamUrl } = await startConversation(grant);
    const first = new RawStream(streamUrl);
    await first.opened;
    const second = new RawStream(streamUrl);
    await assert.rejects(second.opened, (err: Error & { status?: number }) => err.status === 403);
    first.ws.close();
    await first.closed;
    const third = new RawStream(streamUrl);
    await assert.rejects(third.opened, (err: Error & { status?: number }) => err.status === 403, 'not even after the first one closed');
  });
});
