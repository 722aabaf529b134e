import restify, { type Request, type Response, type Server } from 'restify';
import { newCorrelationId, runWithCorrelationId } from '../common/correlation';
import type { Logger } from '../common/logger';
import type { Lifecycle } from '../common/lifecycle';
import { sendError } from './errors';

/**
 * restify's own log lines (a body it cannot format, say) go to the assistant's logger, with the
 * request reduced to its method and route: by default restify writes them with its own pino to
 * stdout, with the raw request — Authorization and Cookie headers included — and the query
 * string, where a Direct Line stream token travels.
 */
export function restifyLog(logger: Logger): Logger {
  const request = (req: Partial<Request> | undefined) => ({
    method: typeof req?.method === 'string' ? req.method.slice(0, 16) : undefined,
    route: typeof req?.getRoute === 'function' ? req.getRoute()?.path : undefined,
  });
  return logger.child(
    { component: 'restify' },
    {
      serializers: {
        req: request,
        res: (res: { statusCode?: number } | undefined) => ({ statusCode: res?.statusCode }),
        err: (err: Error | undefined) => ({ name: err?.name }),
      },
    },
  );
}

/** A route as the composition root registers it. Handlers are async and write their own answer. */
export interface Route {
  method: 'get' | 'post' | 'put' | 'del' | 'patch';
  path: string;
  handler: (req: Request, res: Response) => Promise<void>;
}

const ROUTER_ERRORS: Record<string, { status: number; error: string; message: (req: Request) => string }> = {
  ResourceNotFoundError: { status: 404, error: 'not_found', message: () => 'No such endpoint.' },
  MethodNotAllowedError: {
    status: 405,
    error: 'method_not_allowed',
    message: (req) => `${String(req.method).slice(0, 16)} is not allowed on this endpoint.`,
  },
};

/**
 * restify with the answers a client should see: JSON `{ error, message }` for 404 / 405, a
 * generic 500 body (never the error text) if a handler ever throws, no `Server` header, and no
 * body parsing — each route reads its own body within its own limit. Every request counts as
 * work in flight until its answer has been handed to the operating system, so a graceful stop
 * never cuts an answer off. Every request gets a correlation id (the `x-correlation-id` answer
 * header): every log line written on its behalf — its turn's too — carries it.
 */
export function createHttpServer(routes: Route[], logger: Logger, lifecycle: Lifecycle): Server {
  const server = restify.createServer({ name: '', handleUncaughtExceptions: false, ignoreTrailingSlash: true, log: restifyLog(logger) as never });

  server.on('restifyError', (req: Request, res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
    const known = ROUTER_ERRORS[err.name];
    const status = known?.status ?? err.statusCode ?? 500;
    // restify's own errors (a request it cannot parse, say) keep their status, never their text.
    const body = known
      ? { error: known.error, message: known.message(req) }
      : status < 500
        ? { error: 'bad_request', message: 'The request could not be handled as sent.' }
        : { error: 'internal', message: 'Something went wrong on our side.' };
    if (!known) logger[status < 500 ? 'warn' : 'error']({ err: { name: err.name }, status, route: req.getRoute?.()?.path }, 'request failed');
    Object.assign(err, { toJSON: () => body });
    res.statusCode = status;
    callback();
  });

  for (const route of routes) {
    // restify tells async handlers from callback ones by the AsyncFunction type.
    server[route.method](route.path, async (req: Request, res: Response) => {
      const correlationId = newCorrelationId();
      return lifecycle.track(() => runWithCorrelationId(correlationId, () => handle(route, req, res, correlationId)));
    });
  }

  async function handle(route: Route, req: Request, res: Response, correlationId: string): Promise<void> {
    res.setHeader('x-correlation-id', correlationId);
    const answered = new Promise<void>((resolve) => {
      res.once('finish', resolve);
      res.once('close', resolve);
    });
    try {
      await route.handler(req, res);
    } catch (err) {
      logger.error({ err: { name: (err as Error)?.name }, route: route.path }, 'handler failed');
      sendError(res, 500, { error: 'internal', message: 'Something went wrong on our side.' });
    }
    await answered;
  }
  return server;
}
