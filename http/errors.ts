import type { Request, Response } from 'restify';

/** An error that carries the status and the short, safe message a client may see. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly publicMessage: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(publicMessage);
    this.name = 'HttpError';
  }
}

export interface ErrorBody {
  error: string;
  message: string;
  correlationId?: string;
}

/** Writes `{ error, message }` as JSON. Never includes stack traces or internal messages. */
export function sendError(res: Response, status: number, body: ErrorBody, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(headers)) res.header(name, value);
  res.send(status, body);
}

export function sendHttpError(res: Response, err: HttpError, correlationId?: string): void {
  sendError(res, err.status, { error: err.code, message: err.publicMessage, correlationId }, err.headers);
}

export const NOT_TAKING_MESSAGES = 'The assistant is not taking new messages right now. Try again shortly.';

/** 503 while the assistant is starting or stopping (the client tries again). */
export function notReady(message: string): HttpError {
  return new HttpError(503, 'unavailable', message, { 'Retry-After': '5' });
}

export interface GuardOptions {
  /** `Cache-Control: no-store` on every answer. */
  noStore?: boolean;
  /** Refused with 503 (and `message`) unless the lifecycle is ready. */
  ready?: { lifecycle: { readonly phase: string }; message: string };
  /** Carried in an HttpError's JSON answer. */
  correlationId?: string;
  /** Told of an HttpError before it is answered (count a refusal, log a 5xx). */
  onHttpError?: (err: HttpError, req: Request) => void;
  /** Anything else: the route answers it (its known errors, else logged without member data and 5xx). */
  onError: (err: unknown, req: Request, res: Response) => void;
}

/**
 * The frame every JSON route shares: the ready check, then the work; an HttpError becomes its
 * `{ error, message }` answer and anything else goes to `onError`, never as a stack trace. A body
 * not read to its end is drained first.
 */
export function guarded(work: (req: Request, res: Response) => Promise<void>, options: GuardOptions): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    if (options.noStore) res.header('Cache-Control', 'no-store');
    try {
      if (options.ready && options.ready.lifecycle.phase !== 'ready') throw notReady(options.ready.message);
      await work(req, res);
    } catch (err) {
      if (!req.complete) req.resume();
      if (err instanceof HttpError) {
        options.onHttpError?.(err, req);
        return sendHttpError(res, err, options.correlationId);
      }
      options.onError(err, req, res);
    }
  };
}
