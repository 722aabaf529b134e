import { existsSync } from 'node:fs';
import path from 'node:path';
import { StartupError } from '../common/errors';
import { createAssistant } from './app';
import { loadConfig } from './config';

/**
 * `npm start`: read `.env` when present (real environment variables win), validate the
 * configuration, start, and stop gracefully on SIGTERM / SIGINT. Start-up problems print one
 * line and exit 1; a clean stop exits 0.
 */
function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function describeStartupFailure(err: unknown, port: string | undefined): string {
  if (err instanceof StartupError) return err.message;
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EADDRINUSE') return `Start-up failed: port ${port ?? 3978} is already in use; stop the other process or set PORT.`;
  if (e?.code === 'EACCES') return `Start-up failed: not allowed to listen on port ${port ?? 3978}; choose a PORT above 1024.`;
  return `Start-up failed: ${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`;
}

async function main(): Promise<void> {
  const envFile = path.resolve(process.env.ENV_FILE ?? '.env');
  if (existsSync(envFile)) {
    try {
      process.loadEnvFile(envFile);
    } catch (err) {
      fail(`Configuration error: ${envFile} could not be read (${(err as Error).message}).`);
    }
  }

  let assistant: Awaited<ReturnType<typeof createAssistant>>;
  try {
    assistant = await createAssistant(loadConfig(process.env));
  } catch (err) {
    fail(describeStartupFailure(err, process.env.PORT));
  }

  // Installed before listening, so a signal that arrives right after "ready" is never missed.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    assistant.logger.info({ signal }, 'shutting down');
    assistant.stop().then(
      (clean) => process.exit(clean ? 0 : 1),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  try {
    await assistant.start();
  } catch (err) {
    fail(describeStartupFailure(err, process.env.PORT));
  }
}

void main();
