import { AssistantAdapter } from '../../channels/adapter';
import { createBotFrameworkAuthentication } from '../auth';
import type { Config } from '../config';
import { ReusedClientsAuthentication } from '../reusedClients';
import { typingIndicator } from '../typing';
import type { BotCore } from './botCore';
import { createOperations, type Operations } from './operations';

interface AdapterParts {
  adapter: AssistantAdapter;
  ops: Operations;
}

/**
 * The Bot Framework adapter (Bot Connector authentication, its clients reused) with its
 * middleware in order: operations first (metrics, the per-conversation budget, telemetry), then
 * typing indicators; its turn errors go to the core's handler.
 */
export function createAdapter(config: Config, core: BotCore, clock?: () => number): AdapterParts {
  const adapter = new AssistantAdapter(
    new ReusedClientsAuthentication(createBotFrameworkAuthentication(config.auth)),
    config.auth.botFramework.MicrosoftAppId ?? '',
  );
  // Metrics, the per-conversation budget and telemetry first, then typing indicators.
  const ops = createOperations(config, core, clock);
  for (const middleware of ops.middleware) adapter.use(middleware);
  adapter.use(typingIndicator(undefined, (context) => core.handoff.withPerson(context)));
  adapter.onTurnError = core.onTurnError;
  return { adapter, ops };
}
