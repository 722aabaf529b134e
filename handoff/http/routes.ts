import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'restify';
import { readJsonBody } from '../../http/body';
import { clientAddress } from '../../http/clientAddress';
import { guarded, HttpError, sendError, sendHttpError } from '../../http/errors';
import type { Route } from '../../http/server';
import { splitTarget } from '../../http/url';
import type { Lifecycle } from '../../common/lifecycle';
import type { Logger } from '../../common/logger';
import type { AgentAuth, Authenticated } from './auth';
import {
  exchangeBodySchema,
  loginBodySchema,
  messageBodySchema,
  resolveBodySchema,
  type EscalationRecord,
} from '../core/model';
import { OidcError, type OidcClient } from './oidc';
import type { HandoffService } from '../core/service';
import type { OneTimeRecords } from '../core/sessions';
import type { AgentStreams } from './stream';
import { detailView, queueView, view } from '../core/views';
import { WorkspaceRefusal, type AgentWorkspace } from '../core/workspace';
import { workspaceRoutes } from './workspaceRoutes';
import { escalationId, parse } from './params';

/**
 * The agent API under /api/agent/ (and the OIDC sign-in under /agent/oidc/). Every endpoint but
 * sign-in needs an agent session (AgentAuth); bodies are JSON, validated with zod; problems are
 * `{ "error", "message" }` with a 4xx status. Answers are never cached.
 */

export interface AgentRoutesDeps {
  auth: AgentAuth;
  service: HandoffService;
  streams: AgentStreams;
  oidc?: OidcClient;
  /** Single-use codes that hand an OIDC sign-in's session to the console page. */
  loginCodes: OneTimeRecords<{ agent: { id: string; name: string } }>;
  lifecycle: Lifecycle;
  logger: Logger;
  maxBodyBytes: number;
  now: () => number;
  /** Reverse proxies whose X-Forwarded-For names the client (TRUST_PROXY_HOPS), for the sign-in limit. */
  trustProxyHops: number;
  /** Notes, wrap-up, transfer, presence, routing, typing, history (workspace.ts); absent: the plain API. */
  workspace?: AgentWorkspace;
}

const OIDC_COOKIE = 'ma_agent_oidc';

/** A body that may be left out (resolve): no Content-Type and no bytes mean `{}`. */
async function optionalBody(req: Request, limit: number): Promise<unknown> {
  const length = req.headers['content-length'];
  if (length === '0' || (!req.headers['content-type'] && length === undefined && !req.headers['transfer-encoding'])) return {};
  return readJsonBody(req, limit, 'the request');
}

function cookie(req: Request, name: string): string | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** The origin the browser used (for the OIDC redirect URI when AGENT_OIDC_REDIRECT_URL is unset). */
function origin(req: Request): string {
  const proto = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  return `${proto}://${String(req.headers.host ?? 'localhost')}`;
}

export function agentRoutes(deps: AgentRoutesDeps): Route[] {
  const { auth, service, now } = deps;
  const online = (record: EscalationRecord) => service.memberOnline(record);

  /** Wraps a handler: no caching, authentication when asked, HttpErrors as JSON, nothing else leaks. */
  const handle =
    (authenticated: boolean, work: (req: Request, res: Response, agent: Authenticated | undefined) => Promise<void>) =>
    guarded(async (req, res) => work(req, res, authenticated ? await auth.authenticate(req) : undefined), {
      noStore: true,
      ready: { lifecycle: deps.lifecycle, message: 'The assistant is starting or stopping. Try again shortly.' },
      onError: (err, req, res) => {
        if (err instanceof WorkspaceRefusal) return sendHttpError(res, new HttpError(err.status, err.code, err.message));
        deps.logger.error({ err: { name: (err as Error)?.name }, route: req.getRoute?.()?.path }, 'agent API request failed');
        sendError(res, 503, { error: 'unavailable', message: 'That did not work on our side. Try again shortly.' }, { 'Retry-After': '5' });
      },
    });

  const refusal = (result: { kind: string; record?: EscalationRecord }): never => {
    switch (result.kind) {
      case 'missing':
        throw new HttpError(404, 'not_found', 'No escalation with this id.');
      case 'not_claimed':
        throw new HttpError(409, 'not_claimed', 'Claim this conversation first (POST …/claim).');
      case 'taken':
        throw new HttpError(409, 'claimed_by_another_agent', `Another agent (${result.record?.agent?.name ?? 'someone'}) has this conversation.`);
      case 'closed':
        throw new HttpError(409, 'closed', `This conversation is closed (${result.record?.status ?? 'closed'}).`);
      case 'unknown_link':
        throw new HttpError(400, 'unknown_link', 'No portal page by that name: GET /api/agent/links lists them.');
      default:
        throw new HttpError(409, 'conflict', 'That is not possible in the conversation’s current state.');
    }
  };

  const routes: Route[] = [
    {
      method: 'post',
      path: '/api/agent/login',
      handler: handle(false, async (req, res) => {
        const body = parse(loginBodySchema, await readJsonBody(req, deps.maxBodyBytes, '{ "username", "password" }'));
        const { token, session } = await auth.login(clientAddress(req, deps.trustProxyHops), body.username, body.password);
        res.send(200, { token, expiresAt: new Date(session.expiresAt).toISOString(), agent: session.agent });
      }),
    },
    {
      method: 'post',
      path: '/api/agent/logout',
      handler: handle(true, async (_req, res, agent) => {
        await auth.logout(agent!);
        deps.streams.endSession(agent!.token);
        // Their members are told now (back in line, or the other ways to reach us).
        await service.agentLeft(agent!.session.agent.id).catch((err) => deps.logger.warn({ err: { name: (err as Error)?.name } }, 'chats of a signed-out agent not released'));
        res.send(204);
      }),
    },
    {
      method: 'get',
      path: '/api/agent/me',
      handler: handle(true, async (_req, res, agent) => {
        res.send(200, { agent: agent!.session.agent, via: agent!.session.via, expiresAt: new Date(agent!.session.expiresAt).toISOString() });
      }),
    },
    {
      method: 'get',
      path: '/api/agent/links',
      handler: handle(true, async (_req, res) => {
        res.send(200, { links: service.links });
      }),
    },
    {
      method: 'get',
      path: '/api/agent/escalations',
      handler: handle(true, async (_req, res, agent) => {
        const open = await service.listOpen();
        const list = queueView(open, now(), online);
        res.send(200, { escalations: deps.workspace ? await deps.workspace.decorate(list, open, agent!.session.agent) : list });
      }),
    },
    {
      method: 'get',
      path: '/api/agent/escalations/:id',
      handler: handle(true, async (req, res) => {
        const record = await service.get(escalationId(req));
        if (!record) refusal({ kind: 'missing' });
        const position = record!.status === 'queued' ? await service.position(record!) : null;
        const detail = detailView(record!, now(), position, online);
        res.send(200, { escalation: deps.workspace ? deps.workspace.detail(detail, record!) : detail });
      }),
    },
    {
      method: 'post',
      path: '/api/agent/escalations/:id/claim',
      handler: handle(true, async (req, res, agent) => {
        const id = escalationId(req);
        await optionalBody(req, deps.maxBodyBytes);
        await deps.workspace?.checkClaim(id, agent!.session.agent);
        const result = await service.claim(id, agent!.session.agent);
        if (result.kind !== 'claimed' && result.kind !== 'already_yours') {
          if (result.kind === 'taken') throw new HttpError(409, 'already_claimed', `Another agent (${result.record.agent?.name ?? 'someone'}) has claimed this conversation.`);
          refusal(result);
        }
        const claimed = (result as { record: EscalationRecord }).record;
        const detail = detailView(claimed, now(), null, online);
        res.send(200, { escalation: deps.workspace ? deps.workspace.detail(detail, claimed) : detail });
      }),
    },
    {
      method: 'post',
      path: '/api/agent/escalations/:id/messages',
      handler: handle(true, async (req, res, agent) => {
        const id = escalationId(req);
        const body = parse(messageBodySchema, await readJsonBody(req, deps.maxBodyBytes, '{ "text" } or { "link" }'));
        const result = await service.send(id, agent!.session.agent, body);
        if (result.kind !== 'ok') refusal(result);
        const ok = result as Extract<typeof result, { kind: 'ok' }>;
        res.send(201, { entry: ok.entries[0], delivered: ok.delivered, escalation: view(ok.record, now(), null, online) });
      }),
    },
    {
      method: 'post',
      path: '/api/agent/escalations/:id/resolve',
      handler: handle(true, async (req, res, agent) => {
        const id = escalationId(req);
        const body = parse(resolveBodySchema, await optionalBody(req, deps.maxBodyBytes));
        // A disposition (the console always sends one) is checked before anything closes.
        if (body.disposition !== undefined && !deps.workspace) throw new HttpError(400, 'unknown_disposition', 'Dispositions are not available here.');
        if (body.disposition !== undefined) deps.workspace!.disposition(body.disposition);
        const result = await service.resolve(id, agent!.session.agent, body.outcome);
        if (result.kind !== 'ok') refusal(result);
        const ok = result as Extract<typeof result, { kind: 'ok' }>;
        const record = body.disposition !== undefined ? await deps.workspace!.wrapUp(id, agent!.session.agent, { disposition: body.disposition, note: body.note }) : ok.record;
        res.send(200, { escalation: view(record, now(), null, online), delivered: ok.delivered });
      }),
    },
    {
      method: 'get',
      path: '/api/agent/events',
      handler: handle(true, async (req, res, agent) => {
        await deps.streams.serve(req, res, agent!);
      }),
    },
  ];

  if (deps.workspace) routes.push(...workspaceRoutes({ workspace: deps.workspace, service, handle, maxBodyBytes: deps.maxBodyBytes, now }));

  const { oidc } = deps;
  if (oidc) {
    routes.push(
      {
        method: 'get',
        path: '/agent/oidc/login',
        handler: async (req, res) => {
          res.header('Cache-Control', 'no-store');
          try {
            const { url, state } = await oidc.begin(origin(req));
            const secure = (req.socket as { encrypted?: boolean }).encrypted ? '; Secure' : '';
            res.header('Set-Cookie', `${OIDC_COOKIE}=${state}; Path=/agent/oidc; HttpOnly; SameSite=Lax; Max-Age=600${secure}`);
            res.redirect(302, url, () => undefined);
          } catch (err) {
            deps.logger.warn({ err: { name: (err as Error)?.name } }, 'OIDC sign-in could not start');
            res.redirect(302, '/agent?error=oidc_unavailable', () => undefined);
          }
        },
      },
      {
        method: 'get',
        path: '/agent/oidc/callback',
        handler: async (req, res) => {
          res.header('Cache-Control', 'no-store');
          res.header('Set-Cookie', `${OIDC_COOKIE}=; Path=/agent/oidc; HttpOnly; SameSite=Lax; Max-Age=0`);
          const query = splitTarget(req.url).query;
          const state = query.get('state') ?? undefined;
          try {
            // The state must be the one this browser started with (no sign-in planted from elsewhere).
            if (!state || cookie(req, OIDC_COOKIE) !== state) throw new OidcError('This sign-in was not started in this browser. Start again from the sign-in page.');
            const agent = await oidc.finish({ code: query.get('code') ?? undefined, state, error: query.get('error') ?? undefined });
            const code = randomBytes(32).toString('base64url');
            await deps.loginCodes.put(code, { agent });
            res.redirect(302, `/agent?login=${code}`, () => undefined);
          } catch (err) {
            const reason = err instanceof OidcError ? 'oidc_failed' : 'oidc_unavailable';
            deps.logger.warn({ err: { name: (err as Error)?.name }, reason }, 'OIDC sign-in failed');
            res.redirect(302, `/agent?error=${reason}`, () => undefined);
          }
        },
      },
      {
        method: 'post',
        path: '/api/agent/oidc/exchange',
        handler: handle(false, async (req, res) => {
          const body = parse(exchangeBodySchema, await readJsonBody(req, deps.maxBodyBytes, '{ "code" }'));
          const pending = await deps.loginCodes.take(body.code);
          if (!pending) throw new HttpError(401, 'invalid_code', 'This sign-in code expired or was already used: sign in again.');
          const { token, session } = await auth.start(pending.agent, 'oidc');
          res.send(200, { token, expiresAt: new Date(session.expiresAt).toISOString(), agent: session.agent });
        }),
      },
    );
  }
  return routes;
}
