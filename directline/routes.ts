import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'restify';
import type { Logger } from '../common/logger';
import type { TriageCheck } from '../intents/types';
import type { Lifecycle } from '../common/lifecycle';
import { preferredLanguageTag } from '../http/acceptLanguage';
import { readJsonBody } from '../http/body';
import { clientAddress } from '../http/clientAddress';
import { guarded, HttpError, NOT_TAKING_MESSAGES, notReady, sendError } from '../http/errors';
import { CLIENT_TOO_MANY, clientBudgetExceeded } from '../ops/limits/httpGuard';
import type { Route } from '../http/server';
import { readUrgentOrRefuse } from '../http/urgentPass';
import { splitTarget } from '../http/url';
import { ChannelBusyError, ConversationRateLimitedError, type LocalDirectLineChannel } from './localDirectLine';
import { describeIssues, postedActivitySchema, startConversationSchema } from './schema';
import { ChannelFullError, UnknownConversationError } from './store';
import { TokenError, type DirectLineTokens, type TokenClaims } from './tokens';

/**
 * The REST half of Direct Line 3.0 for the local channel, as botframework-directlinejs (and so
 * Web Chat) uses it:
 *
 *   POST /v3/directline/conversations                      start (201; 200 if already started)
 *   GET  /v3/directline/conversations/{id}?watermark=      reconnect: a fresh streamUrl
 *   POST /v3/directline/conversations/{id}/activities      post an activity → { id }
 *   GET  /v3/directline/conversations/{id}/activities?watermark=   → { activities, watermark }
 *   POST /v3/directline/tokens/refresh                     → { conversationId, token, expires_in }
 *
 * Every call needs `Authorization: Bearer <token>` from POST /api/directline/token. A missing,
 * forged or malformed token gets 401; an expired one 403 (what directlinejs treats as "token
 * expired"); a token for another conversation 403; an unknown conversation 404.
 */

export const DIRECTLINE_PREFIX = '/v3/directline';
export const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,64}$/;
const HOST_HEADER = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

export interface DirectLineRouteDeps {
  channel: LocalDirectLineChannel;
  tokens: DirectLineTokens;
  lifecycle: Lifecycle;
  logger: Logger;
  maxBodyBytes: number;
  /** The URL browsers reach this server at (DIRECTLINE_PUBLIC_URL); unset: from the Host header. */
  publicUrl?: string;
  /** What no limit refuses: a client over its per-client budget still gets an urgent message through. */
  triageCheck: TriageCheck;
  /** Proxies in front of the server (TRUST_PROXY_HOPS): whose address a conversation start counts against. */
  trustProxyHops?: number;
}

/** Where browsers reach this server: the configured URL, else http://<Host header>. */
export function publicBaseUrl(req: IncomingMessage, configured: string | undefined): string {
  if (configured) return configured;
  const host = req.headers.host ?? '';
  if (!HOST_HEADER.test(host)) throw new HttpError(400, 'bad_host', 'The Host header is missing or is not a host name.');
  return `http://${host}`;
}

export async function authorize(req: IncomingMessage, tokens: DirectLineTokens, conversationId?: string): Promise<TokenClaims> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(String(req.headers.authorization ?? ''));
  if (!match) throw new HttpError(401, 'unauthorized', 'A Direct Line token is required: Authorization: Bearer <token>.');
  let claims: TokenClaims;
  try {
    claims = await tokens.verify(match[1]!);
  } catch (err) {
    if (err instanceof TokenError && err.reason === 'expired') {
      throw new HttpError(403, 'token_expired', 'The Direct Line token has expired; get a new one from POST /api/directline/token.');
    }
    throw new HttpError(401, 'unauthorized', 'The Direct Line token is not valid.');
  }
  if (conversationId !== undefined && claims.conversationId !== conversationId) {
    throw new HttpError(403, 'forbidden', 'This token is for another conversation.');
  }
  return claims;
}

/** `?watermark=` as directlinejs sends it: empty (from the start) or a whole number. */
export function parseWatermark(raw: string | null): number {
  if (raw === null || raw === '') return 0;
  if (!/^\d{1,15}$/.test(raw)) throw new HttpError(400, 'invalid_watermark', 'watermark must be a whole number (or empty).');
  return Number(raw);
}

function query(req: IncomingMessage): URLSearchParams {
  return splitTarget(req.url).query;
}

/** A body that may be absent (directlinejs posts none to tokens/refresh). */
async function readOptionalJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const length = req.headers['content-length'];
  if (length === '0' || (length === undefined && req.headers['transfer-encoding'] === undefined)) return undefined;
  return readJsonBody(req, limit);
}

function conversationParam(req: Request): string {
  const id = String((req.params as Record<string, unknown>).conversationId ?? '');
  if (!CONVERSATION_ID.test(id)) throw new HttpError(404, 'not_found', 'No such conversation.');
  return id;
}

export function directLineRoutes(deps: DirectLineRouteDeps): Route[] {
  const { channel, tokens, lifecycle, logger } = deps;

  const acceptingWork = () => {
    if (lifecycle.phase !== 'ready') throw notReady(NOT_TAKING_MESSAGES);
  };

  async function existing(conversationId: string) {
    const record = await channel.get(conversationId);
    if (!record) throw new HttpError(404, 'not_found', 'No such conversation (it may have ended after a long idle time).');
    return record;
  }

  async function conversationAnswer(req: IncomingMessage, token: string, claims: TokenClaims, watermark: number) {
    const base = publicBaseUrl(req, deps.publicUrl).replace(/^http/, 'ws');
    const streamToken = await tokens.issueStream(claims.conversationId, claims.userId);
    const params = new URLSearchParams({ watermark: watermark ? String(watermark) : '', t: streamToken });
    return {
      conversationId: claims.conversationId,
      token,
      expires_in: tokens.remaining(claims),
      streamUrl: `${base}${DIRECTLINE_PREFIX}/conversations/${claims.conversationId}/stream?${params}`,
    };
  }

  const bearer = (req: IncomingMessage) => /^Bearer\s+(\S+)/i.exec(String(req.headers.authorization))![1]!;

  const handle =
    (work: (req: Request, res: Response) => Promise<void>) =>
    guarded(work, { noStore: true, onError: (err, req, res) => failed(err, req, res) });

  /** Errors of the channel (HttpErrors are answered by `guarded`): their answers, else 503. */
  function failed(err: unknown, req: Request, res: Response): void {
    if (err instanceof UnknownConversationError) return sendError(res, 404, { error: 'not_found', message: 'No such conversation.' });
    if (err instanceof ConversationRateLimitedError) {
      return sendError(
        res,
        429,
        { error: 'too_many_requests', message: 'Too many messages in this conversation; wait a moment before sending more.' },
        { 'Retry-After': String(err.retryAfter) },
      );
    }
    if (err instanceof ChannelFullError) {
      const message =
        err.scope === 'client'
          ? 'Too many chats are open from this address; close one or wait a few minutes.'
          : 'The chat is busy right now; try again in a few minutes.';
      return sendError(res, err.scope === 'client' ? 429 : 503, { error: err.scope === 'client' ? 'too_many_requests' : 'unavailable', message }, { 'Retry-After': '60' });
    }
    if (err instanceof ChannelBusyError) {
      return sendError(res, 429, { error: 'too_many_requests', message: 'Too many messages at once; wait for the answer.' }, { 'Retry-After': '2' });
    }
    logger.error({ err: { name: (err as Error)?.name }, route: req.getRoute?.()?.path }, 'direct line request failed');
    sendError(res, 503, { error: 'unavailable', message: 'The assistant could not handle this request. Try again shortly.' }, { 'Retry-After': '5' });
  }

  return [
    {
      method: 'post',
      path: `${DIRECTLINE_PREFIX}/conversations`,
      handler: handle(async (req, res) => {
        const claims = await authorize(req, tokens);
        acceptingWork();
        const parsed = startConversationSchema.safeParse((await readOptionalJson(req, deps.maxBodyBytes)) ?? {});
        if (!parsed.success) throw new HttpError(400, 'invalid_request', describeIssues(parsed.error, 'conversation start'));
        // The client's locale (Web Chat's conversationStartProperties); else the browser's language.
        const locale = parsed.data.locale ?? preferredLanguageTag(req.headers['accept-language']);
        const created = await channel.start(claims.conversationId, claims.userId, locale, clientAddress(req, deps.trustProxyHops ?? 0));
        res.send(created ? 201 : 200, await conversationAnswer(req, bearer(req), claims, 0));
      }),
    },
    {
      method: 'get',
      path: `${DIRECTLINE_PREFIX}/conversations/:conversationId`,
      handler: handle(async (req, res) => {
        const claims = await authorize(req, tokens, conversationParam(req));
        const watermark = parseWatermark(query(req).get('watermark'));
        await existing(claims.conversationId);
        res.send(200, await conversationAnswer(req, bearer(req), claims, watermark));
      }),
    },
    {
      method: 'post',
      path: `${DIRECTLINE_PREFIX}/conversations/:conversationId/activities`,
      handler: handle(async (req, res) => {
        // Over the per-client budget (ops/limits/httpGuard.ts): the text is read first; an urgent
        // message is answered, then counted; anything else is refused as the guard would.
        const exceeded = clientBudgetExceeded(req);
        let urgent: unknown;
        if (exceeded) {
          const refusal = new HttpError(429, 'too_many_requests', CLIENT_TOO_MANY, { 'Retry-After': String(exceeded.retryAfter) });
          try {
            urgent = await readUrgentOrRefuse(req, deps.maxBodyBytes, deps.triageCheck, refusal);
          } catch (err) {
            exceeded.refuse();
            throw err;
          }
          exceeded.admit();
          logger.info({ route: 'directline.activities' }, 'client over its budget: an urgent message let through');
        }
        const claims = await authorize(req, tokens, conversationParam(req));
        acceptingWork();
        const body = urgent ?? (await readJsonBody(req, deps.maxBodyBytes));
        const parsed = postedActivitySchema.safeParse(body);
        if (!parsed.success) throw new HttpError(400, 'invalid_activity', describeIssues(parsed.error, 'activity'));
        const record = await existing(claims.conversationId);
        const id = await channel.post(record, parsed.data);
        res.send(200, { id });
      }),
    },
    {
      method: 'get',
      path: `${DIRECTLINE_PREFIX}/conversations/:conversationId/activities`,
      handler: handle(async (req, res) => {
        const claims = await authorize(req, tokens, conversationParam(req));
        const watermark = parseWatermark(query(req).get('watermark'));
        res.send(200, await channel.page(claims.conversationId, watermark));
      }),
    },
    {
      method: 'post',
      path: `${DIRECTLINE_PREFIX}/tokens/refresh`,
      handler: handle(async (req, res) => {
        const claims = await authorize(req, tokens);
        await readOptionalJson(req, deps.maxBodyBytes);
        await existing(claims.conversationId);
        await channel.touch(claims.conversationId);
        const { token, expiresIn } = await tokens.issue(claims.conversationId, claims.userId);
        res.send(200, { conversationId: claims.conversationId, token, expires_in: expiresIn });
      }),
    },
  ];
}
