/**
 * `npm run bench:turn`: what one turn costs inside the assistant, without HTTP: the whole turn
 * pipeline (emergency check, understanding, dialogs, state) driven through the Bot Framework
 * adapter with the bench's conversation scripts. Reports wall and CPU time per turn; CPU time is
 * the steadier figure on a shared machine (split into user and system time). For a CPU profile, run
 * `node --cpu-prof dist/scripts/bench/turn-cost.js`.
 *
 * Options: --conversations N (1500) --storage file|memory (file)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBotCore } from '../../bot/app';
import { AssistantAdapter } from '../../channels/adapter';
import { createBotFrameworkAuthentication } from '../../bot/auth';
import { loadConfig } from '../../bot/config';
import { ReusedClientsAuthentication } from '../../bot/reusedClients';
import { newCorrelationId, runWithCorrelationId } from '../../common/correlation';
import { silentLogger } from '../../common/logger';
import { fromRoot } from '../../common/paths';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

async function main(): Promise<void> {
  const conversations = Number(option('conversations', '1500'));
  const storage = option('storage', 'file');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'turn-cost-'));
  const config = loadConfig({ NODE_ENV: storage === 'memory' ? 'test' : 'production', STORAGE: storage, DATA_DIR: dataDir, DIRECTLINE_MODE: 'off' });
  const core = createBotCore(config, { logger: silentLogger() });
  await core.storage.ready();
  await core.ready;
  const adapter = new AssistantAdapter(new ReusedClientsAuthentication(createBotFrameworkAuthentication(config.auth)));
  adapter.onTurnError = core.onTurnError;
  const scripts = JSON.parse(readFileSync(fromRoot('scripts', 'bench', 'conversations.json'), 'utf8')) as string[][];

  const run = async (n: number, tag: string) => {
    let turns = 0;
    const wall = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    for (let i = 0; i < n; i++) {
      for (const text of scripts[i % scripts.length]!) {
        const activity = {
          type: 'message',
          channelId: 'webchat',
          serviceUrl: 'http://127.0.0.1:9/',
          deliveryMode: 'expectReplies',
          conversation: { id: `${tag}-${i}` },
          from: { id: `member-${tag}-${i}` },
          recipient: { id: 'bot' },
          locale: 'en-US',
          text,
        };
        await runWithCorrelationId(newCorrelationId(), () =>
          adapter.processInbound('', activity as never, (context) => core.bot.run(context)),
        );
        turns++;
      }
    }
    const used = process.cpuUsage(cpu);
    return { turns, wallMs: Number(process.hrtime.bigint() - wall) / 1e6, userMs: used.user / 1000, systemMs: used.system / 1000 };
  };

  await run(Math.min(200, conversations), 'warm');
  const result = await run(conversations, 'run');
  process.stdout.write(
    `${result.turns} turns (${storage} storage): ${(result.wallMs / result.turns).toFixed(3)} ms wall, ` +
      `${((result.userMs + result.systemMs) / result.turns).toFixed(3)} ms CPU per turn ` +
      `(user ${(result.userMs / result.turns).toFixed(3)}, system ${(result.systemMs / result.turns).toFixed(3)})\n`,
  );
  await core.storage.close();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:turn failed: ${(err as Error).message}\n`);
  process.exit(1);
});
