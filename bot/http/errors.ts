import type { Response } from 'restify';

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
