/**
 * `npm run bench:storage`: how long the stores take for a typical conversation-state item
 * (~4 KB, a dialog stack half-way through a booking), what the file store's two halves cost in
 * CPU per write when 20 conversations save at once (one file per write against the conversation
 * journal's group commit), and what a burst across two instances costs in re-run turns. Numbers
 * for people, not assertions: tests never time anything.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { AzureBlobStorage } from '../../storage/blobStorage';
import { FileStorage } from '../../storage/fileStorage';
import { JournalStorage } from '../../storage/journalStorage';
import { LockedStorage } from '../../storage/lockedStorage';
import type { AssistantStorage } from '../../storage/types';
import { silentLogger } from '../../common/logger';
import { messageActivity } from '../support/activities';
import { post, replies, startAssistant } from '../support/assistant';
import { startAzurite } from '../support/azurite';
import { CounterDialog } from '../support/dialogs';
import { LogCapture } from '../support/logs';

const ITEM = {
  dialogState: {
    dialogStack: [
      { id: 'main', state: { dialogs: { dialogStack: [{ id: 'booking', state: { stepIndex: 2, values: { day: 'Tuesday', notes: 'n'.repeat(3000) } } }] } } },
    ],
  },
  welcomed: true,
  lastMessageAt: Date.now(),
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function measure(name: string, storage: AssistantStorage, rounds: number): Promise<void> {
  const writes: number[] = [];
  const reads: number[] = [];
  let eTag: string | null;
  for (let i = 0; i < rounds; i++) {
    const key = `webchat/conversations/bench-${i % 20}/`;
    let t = performance.now();
    const found = (await storage.read([key]))[key];
    reads.push(performance.now() - t);
    eTag = typeof found?.eTag === 'string' ? found.eTag : null;
    t = performance.now();
    await storage.put(key, { ...ITEM, round: i }, eTag);
    writes.push(performance.now() - t);
  }
  for (const [what, list] of [['read', reads], ['checked write', writes]] as const) {
    const sorted = [...list].sort((a, b) => a - b);
    console.log(`${name.padEnd(22)} ${what.padEnd(14)} p50 ${percentile(sorted, 50).toFixed(2)} ms  p95 ${percentile(sorted, 95).toFixed(2)} ms  (n=${list.length})`);
  }
}

/** 20 conversations saving at once, as under load: writes per second and CPU (all threads) per write. */
async function concurrent(name: string, storage: AssistantStorage, writesPerConversation: number): Promise<void> {
  const conversations = 20;
  const cpu = process.cpuUsage();
  const t = performance.now();
  await Promise.all(
    Array.from({ length: conversations }, async (_, c) => {
      const key = `webchat/conversations/concurrent-${c}/`;
      let eTag: string | null = null;
      for (let i = 0; i < writesPerConversation; i++) eTag = await storage.put(key, { ...ITEM, round: i }, eTag);
    }),
  );
  const elapsed = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const writes = conversations * writesPerConversation;
  console.log(
    `${name.padEnd(22)} 20 at once      ${((writes / elapsed) * 1000).toFixed(0)} writes/s, CPU ${((used.user + used.system) / 1000 / writes).toFixed(3)} ms per write ` +
      `(user ${(used.user / 1000 / writes).toFixed(3)}, system ${(used.system / 1000 / writes).toFixed(3)})`,
  );
}

async function burst(connectionString: string, n: number): Promise<void> {
  const logs = new LogCapture('debug');
  const env = { STORAGE: 'blob', AZURE_STORAGE_CONNECTION_STRING: connectionString, AZURE_STORAGE_CONTAINER: 'bench-burst' };
  const a = await startAssistant(env, { mainDialog: new CounterDialog(), logger: logs.logger });
  const b = await startAssistant(env, { mainDialog: new CounterDialog(), logger: logs.logger });
  const conversation = `burst-${Date.now()}`;
  const t = performance.now();
  const answers = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      post(`${(i % 2 ? b : a).url}/api/messages`, messageActivity(`m${i}`, { conversation: { id: conversation } })).then(replies),
    ),
  );
  const elapsed = performance.now() - t;
  const reruns = logs.entries.filter((e) => String(e.msg).startsWith('conversation state changed by a concurrent turn')).length;
  const counted = answers.flat().filter((r) => String(r.text).startsWith('count=')).length;
  console.log(`burst of ${n} messages on 2 instances (Azurite): ${elapsed.toFixed(0)} ms, ${counted} counted, ${reruns} turn re-runs`);
  await a.stop();
  await b.stop();
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-storage-'));
  const azurite = await startAzurite();
  try {
    await measure('memory', new LockedStorage(), 2000);
    const files = new FileStorage({ dir: path.join(dir, 'files'), logger: silentLogger() });
    const journal = new JournalStorage({ dir: path.join(dir, 'journal'), logger: silentLogger() });
    await measure('file: one file per key', files, 500);
    await measure('file: journal', journal, 500);
    await concurrent('file: one file per key', files, 100);
    await concurrent('file: journal', journal, 100);
    await journal.close();
    await measure('blob (Azurite, local)', new AzureBlobStorage(azurite.connectionString, 'bench'), 300);
    await burst(azurite.connectionString, 16);
    await burst(azurite.connectionString, 40);
  } finally {
    await azurite.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
