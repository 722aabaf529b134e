import type { Activity, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import { newCorrelationId, runWithCorrelationId } from '../../common/correlation';
import type { Logger } from '../../common/logger';
import { classifyAuthError, type AssistantAdapter } from '../adapter';
import type { Lifecycle } from '../lifecycle';
import { describeActivityIssues, inboundActivitySchema, type InboundActivity } from './activitySchema';
import { readJsonBody } from './body';
import { HttpError, sendError, sendHttpError } from './errors';
import type { Route } from './server';

export interface MessagesRouteDeps {
  adapter: AssistantAdapter;
  /** The bot's turn logic. */
  logic: (context: TurnContext) => Promise<void>;
  lifecycle: Lifecycle;
  logger: Logger;
  maxBodyBytes: number;
  /** False when no MicrosoftAppId is configured (development). */
  authEnabled: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

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
  if (!authEnabled && !LOOPBACK_HOSTS.has(url.hostname) && !url.hostname.startsWith('127.')) {
    throw new HttpError(
      400,
      'invalid_activity',
      'Not a valid activity: serviceUrl must be on this machine while authentication is off (set MicrosoftAppId to accept channels).',
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

/** POST /api/messages: read, limit and validate the activity, then run one turn through the adapter. */
export function messagesRoute(deps: MessagesRouteDeps): Route {
  const { adapter, logic, lifecycle, logger } = deps;
  return {
    method: 'post',
    path: '/api/messages',
    handler: async (req: Request, res: Response) => {
      const correlationId = newCorrelationId();
      res.header('x-correlation-id', correlationId);
      try {
        if (lifecycle.phase !== 'ready') {
          throw new HttpError(503, 'unavailable', 'The assistant is not taking new messages right now. Try again shortly.', {
            'Retry-After': '5',
          });
        }
        const activity = parseActivity(await readJsonBody(req, deps.maxBodyBytes));
        checkServiceUrl(activity, deps.authEnabled);
        activity.recipient ??= { id: 'member-assistant', name: 'Member Assistant', role: 'bot' };
        const authHeader = String(req.headers.authorization ?? '');
        const result = await runWithCorrelationId(correlationId, () =>
          adapter.processInbound(authHeader, activity as unknown as Activity, logic),
        );
        if (result?.body !== undefined) res.send(result.status, result.body);
        else res.send(result?.status ?? 200);
      } catch (err) {
        if (!req.complete) req.resume();
        if (err instanceof HttpError) return sendHttpError(res, err, correlationId);
        const auth = classifyAuthError(err);
        if (auth === 'unauthorized') {
          logger.warn({ correlationId, reason: (err as Error).message.slice(0, 200) }, 'request refused: not authenticated');
          return sendError(res, 401, { error: 'unauthorized', message: 'A valid Bot Connector token is required.', correlationId });
        }
        logger.error(
          { correlationId, err: { name: (err as Error)?.name, message: auth ? undefined : (err as Error)?.message } },
          auth ? 'authentication keys could not be loaded' : 'activity could not be processed',
        );
        sendError(
          res,
          503,
          { error: 'unavailable', message: 'The assistant could not process this activity. Try again shortly.', correlationId },
          { 'Retry-After': '5' },
        );
      }
    },
  };
}
