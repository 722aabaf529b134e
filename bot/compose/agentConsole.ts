import { AgentAccounts } from '../../handoff/core/accounts';
import { profileOf } from '../../handoff/core/agentProfile';
import { AgentStatuses } from '../../handoff/core/agentStatus';
import { AgentWorkspace } from '../../handoff/core/workspace';
import { WorkspaceData } from '../../handoff/core/workspaceData';
import { AgentAuth } from '../../handoff/http/auth';
import { AgentConsoleError, AgentConsolePage } from '../../handoff/http/consolePage';
import { OidcClient } from '../../handoff/http/oidc';
import { agentRoutes } from '../../handoff/http/routes';
import { AgentSessions, OneTimeRecords } from '../../handoff/core/sessions';
import { AgentStreams } from '../../handoff/http/stream';
import type { BotCore } from './botCore';
import type { AssistantOverrides } from './overrides';
import type { Config } from '../config';
import { FixedWindowRateLimiter } from '../../http/rateLimit';
import type { Route } from '../../http/server';
import type { Lifecycle } from '../../common/lifecycle';

export interface AgentConsole {
  routes: Route[];
  /** Ends the live streams and the queue sweeps (graceful stop). */
  close(): void;
  /** For the start-up log line. */
  description: string;
  /** Notes, transfer, presence, typing, history (queue mode only). */
  workspace?: AgentWorkspace;
}

/**
 * The agent side of the hand-off (HANDOFF_MODE=queue): the console page at /agent, the agent API
 * under /api/agent/ with its sign-in (configured accounts, the demo agent in development, or the
 * organisation's OpenID Connect provider), the live stream, and the sweeps that make sure nobody
 * waits in a line no agent is watching. Production refuses the demo credentials.
 */
export async function createAgentConsole(
  config: Config,
  core: BotCore,
  lifecycle: Lifecycle,
  overrides: AssistantOverrides,
): Promise<AgentConsole> {
  const settings = config.handoff;
  const { service, presence, events } = core.handoff;
  if (settings.mode !== 'queue' || !service || !presence || !events) {
    const what = settings.mode === 'event' ? 'handoff.initiate events to the contact centre' : 'members are given contact details';
    return { routes: [], close: () => undefined, description: `${settings.mode}: ${what}, no agent console` };
  }
  const now = overrides.clock ?? Date.now;
  const { logger, storage } = core;

  const accounts = settings.demoAgent ? await AgentAccounts.demo() : new AgentAccounts(settings.accounts);
  if (config.env === 'production') {
    const demo = await accounts.usingDemoCredentials();
    if (demo.length) {
      throw new AgentConsoleError(
        `Configuration error: AGENT_ACCOUNTS uses the demo agent's credentials (${demo.join(', ')}), which production refuses: give every agent their own password (npm run agent:hash-password).`,
      );
    }
  }

  // The console's data files (dispositions, queues, canned responses): a broken one stops start-up.
  const workspace = new AgentWorkspace({
    store: core.handoff.escalations,
    service,
    events,
    presence,
    statuses: new AgentStatuses(storage, now),
    data: WorkspaceData.load(overrides.handoff?.workspaceDir),
    catalog: core.catalog,
    profile: (agentId) => profileOf(accounts.account(agentId)?.profile),
    logger,
    now,
    retentionDays: config.identity.transcriptRetentionDays,
  });
  const sessions = new AgentSessions(storage, settings.sessionTtlMinutes * 60_000, now);
  const auth = new AgentAuth({
    accounts,
    sessions,
    presence,
    limiter: new FixedWindowRateLimiter(settings.loginAttemptsPerMinute, 60_000, now),
    logger,
  });
  const oidc = settings.oidc ? new OidcClient({ settings: settings.oidc, storage, fetch: overrides.handoff?.fetch, now }) : undefined;
  const streams = new AgentStreams({
    service,
    events,
    presence,
    sessions,
    logger,
    now,
    pollMs: overrides.handoff?.streamPollMs,
    keepAliveMs: overrides.handoff?.keepAliveMs,
    workspace,
  });
  const page = new AgentConsolePage({ profile: core.profile, demoAgent: settings.demoAgent, passwordSignIn: accounts.size > 0, oidcSignIn: Boolean(oidc) });
  const routes = [
    ...agentRoutes({
      auth,
      service,
      streams,
      oidc,
      loginCodes: new OneTimeRecords(storage, 'handoff/login-codes/', 2 * 60_000, now),
      lifecycle,
      logger,
      maxBodyBytes: Math.min(config.server.maxBodyBytes, 64 * 1024),
      now,
      trustProxyHops: config.operations.trustProxyHops,
      workspace,
    }),
    ...page.routes(),
  ];

  let sweeping = false;
  const sweeper = setInterval(() => {
    if (sweeping || lifecycle.phase !== 'ready') return;
    sweeping = true;
    service
      .sweep()
      .catch((err) => logger.warn({ err: { name: (err as Error)?.name } }, 'hand-off queue sweep failed'))
      .finally(() => (sweeping = false));
  }, overrides.handoff?.sweepEveryMs ?? 30_000);
  sweeper.unref();

  const signIn = [
    settings.demoAgent ? 'demo agent demo-agent / demo-agent (development only)' : accounts.size ? `${accounts.size} agent account(s)` : '',
    oidc ? `OpenID Connect (${settings.oidc!.issuer})` : '',
  ].filter(Boolean);
  return {
    routes,
    workspace,
    close() {
      clearInterval(sweeper);
      streams.close();
    },
    description: `queue: agent console at /agent, sign-in: ${signIn.join(' and ') || 'none'}`,
  };
}
