import type { Activity, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import { currentCorrelationId, newCorrelationId, runWithCorrelationId } from '../../common/correlation';
import { errorFields, type Logger } from '../../common/logger';
import { classifyAuthError, type AssistantAdapter } from '../../channels/adapter';
import type { TriageCheck } from '../../intents/types';
import type { Lifecycle } from '../../common/lifecycle';
import type { ConversationRateLimit } from '../../ops/limits/conversationLimit';
import { settlesWithin } from '../../ops/limits/turnDeadline';
import type { OperationsMetrics } from '../../ops/observability/prometheus';
import { clientAddress, isDirectLoopback } from '../../http/clientAddress';
import type { RateLimiter } from '../../http/rateLimit';
import { describeActivityIssues, inboundActivitySchema, type InboundActivity } from '../../http/activitySchema';
import { readJsonBody } from '../../http/body';
import { isLoopbackUrl } from '../../common/loopback';
import { setRequestOrigin } from '../../channels/requestOrigin';
import { guarded, HttpError, NOT_TAKING_MESSAGES, sendError } from '../../http/errors';
import type { Route } from '../../http/server';
import { readUrgentOrRefuse } from '../../http/urgentPass';

export interface MessagesRouteDeps {
  adapter: AssistantAdapter;
  /** The bot's turn logic. */
  logic: (context: TurnContext) => Promise<void>;
  lifecycle: Lifecycle;
  logger: Logger;
  maxBodyBytes: number;
  /** False when no MicrosoftAppId is configured (development). */
  authEnabled: boolean;
  /** Rate limits and the turn deadline (bot/compose/operations.ts); absent: none. */
  limits?: MessageLimits;
  /**
   * The channel id of the local Direct Line channel when it runs in this process. Its
   * conversations (state, session binding) are reachable only through that channel: with
   * authentication off, /api/messages refuses activities that claim its channel id.
   */
  localChannelId?: string;
}

export interface MessageLimits {
  /** Member messages per conversation per minute, decided after authentication. */
  conversation: ConversationRateLimit;
  /** Per client address: every request while authentication is off, refused requests when it is on. */
  client: RateLimiter;
  trustProxyHops: number;
  /** Turns on Bot Connector channels still running after this long are answered 202 and finish in the background. */
  turnDeadlineMs: number;
  metrics: Pick<OperationsMetrics, 'rateLimited' | 'turnDeferred'>;
  /** What no limit refuses: a client over its budget still gets an urgent message through (isUrgent). */
  triageCheck: TriageCheck;
}

const TOO_MANY = 'Too many requests; wait a moment before sending more.';

/** Where the bot may send replies. With authentication off only this machine: no open relay. */
function checkServiceUrl(activity: InboundActivity, authEnabled: boolean): void {
  if (activity.deliveryMode === 'expectReplies') return;
  if (!activity.serviceUrl) {
    throw new HttpError(400, 'invalid_activity', 'Not a valid activity: serviceUrl: required unless deliveryMode is "expectReplies".');
  }
  let url: URL;
  try {
    url = new URL(activity.serviceUrl);
  } catch {
    throw new HttpError(400, 'invalid_activity', 'Not a valid activity: serviceUrl: expected an http(s) URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HttpError(400, 'invalid_activity', 'Not a valid activity: serviceUrl: expected an http(s) URL.');
  }
  if (!authEnabled && !isLoopbackUrl(url)) {
    throw new HttpError(
      400,
      'invalid_activity',
      'Not a valid activity: serviceUrl must be on this machine while authentication is off (set MicrosoftAppId to accept channels).',
    );
  }
}

/**
 * The local Direct Line channel's conversations belong to it alone. Its conversation and user ids
 * are readable in any of its tokens' payloads and never expire, so with authentication off an
 * activity on /api/messages claiming that channel would share the member's state and session.
 * (With authentication on, only the Bot Connector can send activities here.)
 */
function checkChannel(activity: InboundActivity, authEnabled: boolean, localChannelId: string | undefined): void {
  if (authEnabled || !localChannelId) return;
  if (String(activity.channelId).trim().toLowerCase() === localChannelId.toLowerCase()) {
    throw new HttpError(
      403,
      'forbidden',
      `Activities on the "${localChannelId}" channel are taken only by the local Direct Line channel (/v3/directline).`,
    );
  }
}

function parseActivity(body: unknown): InboundActivity {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'invalid_activity', 'The request body must be a JSON object: a Bot Framework activity.');
  }
  const parsed = inboundActivitySchema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, 'invalid_activity', describeActivityIssues(parsed.error));
  return parsed.data;
}

/** An auth error's reason for the log: its wording, with anything token-like cut out. */
function authReason(err: unknown): string {
  return String((err as Error)?.message ?? '')
    .slice(0, 200)
    .replace(/[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]*/g, '[token]')
    .replace(/Bearer\s+\S+/gi, 'Bearer [token]');
}

/**
 * Whether this turn's HTTP request may be answered before the turn ends (its replies then follow
 * through the Bot Connector, as proactive messages do): the channels behind the Bot Connector give
 * a bot 15 seconds. Not for expectReplies (the replies are the HTTP answer) or invokes (their
 * answer is in the HTTP body).
 */
function deferrable(activity: InboundActivity): boolean {
  return activity.deliveryMode !== 'expectReplies' && activity.type !== 'invoke';
}

/**
 * POST /api/messages: read, limit and validate the activity, then run one turn through the adapter.
 *
 * Per client address (RATE_LIMIT_PER_CLIENT_PER_MINUTE): with authentication off every request
 * counts; with it on only refused requests (bad token, bad body) count — valid traffic comes from
 * the Bot Connector, which carries every member, and is limited per conversation instead. Over
 * the budget the body is still read (bounded) and triaged: an urgent message (an emergency or an
 * abuse disclosure) goes through and is counted; anything else gets 429.
 */
export function messagesRoute(deps: MessagesRouteDeps): Route {
  const { adapter, logic, lifecycle, logger, limits } = deps;
  const clientLimited = limits !== undefined && limits.client.enabled !== false;
  const refused = (req: Request) => {
    if (clientLimited && deps.authEnabled) limits.client.take(clientAddress(req, limits.trustProxyHops));
  };
  return {
    method: 'post',
    path: '/api/messages',
    handler: async (req: Request, res: Response) => {
      // The server gives every request one; a route used on its own (tests) makes its own.
      const correlationId = currentCorrelationId() ?? newCorrelationId();
      res.setHeader('x-correlation-id', correlationId);
      const work = async () => {
        let body: unknown;
        if (clientLimited) {
          const address = clientAddress(req, limits.trustProxyHops);
          const wait = deps.authEnabled ? (limits.client.peek?.(address) ?? 0) : limits.client.take(address);
          if (wait) {
            // Over the budget: the text is read first, and an urgent message is answered, then counted.
            const refusal = new HttpError(429, 'too_many_requests', TOO_MANY, { 'Retry-After': String(wait) });
            try {
              body = await readUrgentOrRefuse(req, deps.maxBodyBytes, limits.triageCheck, refusal);
            } catch (err) {
              limits.metrics.rateLimited('client');
              throw err;
            }
            if (!deps.authEnabled) limits.client.charge?.(address);
            logger.info({ correlationId }, 'client over its budget: an urgent message let through');
          }
        }
        const activity = parseActivity(body ?? (await readJsonBody(req, deps.maxBodyBytes)));
        checkServiceUrl(activity, deps.authEnabled);
        checkChannel(activity, deps.authEnabled, deps.localChannelId);
        activity.recipient ??= { id: 'member-assistant', name: 'Member Assistant', role: 'bot' };
        const authHeader = String(req.headers.authorization ?? '');
        let authenticated = false;
        let recheck = () => undefined as void;
        const origin = isDirectLoopback(req) ? 'loopback' : 'remote';
        const turn = runWithCorrelationId(correlationId, () =>
          adapter.processInbound(authHeader, activity as unknown as Activity, (context) => {
            authenticated = true;
            recheck();
            setRequestOrigin(context, origin);
            return logic(context);
          }),
        );
        if (limits && deferrable(activity)) {
          const wait = settlesWithin(turn, limits.turnDeadlineMs, () => authenticated);
          recheck = wait.recheck;
          if (!(await wait.settled)) {
            // Answered now; the turn goes on and its replies reach the member through the Bot
            // Connector when they are ready (TurnGuard still holds them until state is saved).
            limits.metrics.turnDeferred(activity.channelId);
            logger.info({ correlationId, channelId: activity.channelId, deadlineMs: limits.turnDeadlineMs }, 'turn still running at the deadline: answered 202, replies follow');
            void lifecycle.track(() =>
              turn.catch((err: unknown) => logger.error({ correlationId, err: errorFields(err) }, 'deferred turn failed')),
            );
            res.send(202);
            return;
          }
        }
        const result = await turn;
        const retryAfter = limits?.conversation.rejection(activity);
        if (retryAfter !== undefined) {
          throw new HttpError(429, 'too_many_requests', 'Too many messages in this conversation; wait a moment before sending more.', {
            'Retry-After': String(retryAfter),
          });
        }
        if (result?.body !== undefined) res.send(result.status, result.body);
        else res.send(result?.status ?? 200);
      };
      const failed = (err: unknown) => {
        const auth = classifyAuthError(err);
        if (auth === 'unauthorized') {
          refused(req);
          logger.warn({ correlationId, reason: authReason(err) }, 'request refused: not authenticated');
          return sendError(res, 401, { error: 'unauthorized', message: 'A valid Bot Connector token is required.', correlationId });
        }
        logger.error(
          { correlationId, err: errorFields(err) },
          auth ? 'authentication keys could not be loaded' : 'activity could not be processed',
        );
        sendError(
          res,
          503,
          { error: 'unavailable', message: 'The assistant could not process this activity. Try again shortly.', correlationId },
          { 'Retry-After': '5' },
        );
      };
      return guarded(work, {
        ready: { lifecycle, message: NOT_TAKING_MESSAGES },
        correlationId,
        onHttpError: (err) => {
          if (err.status !== 429 && err.status < 500) refused(req);
        },
        onError: failed,
      })(req, res);
    },
  };
}
