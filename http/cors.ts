import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS for the endpoints a portal page may call from its own origin when it hosts Web Chat itself:
 * the token endpoint and the local Direct Line channel. Only the configured portal origins
 * (CORS_ORIGINS) get CORS headers; a browser request from any other foreign origin is refused with
 * 403 (and its preflight too), so nothing there runs on behalf of a page we do not know. Requests
 * without an Origin header (servers, curl) and same-origin requests (the chat page at `/`) pass
 * untouched. Every other endpoint has no CORS at all: /api/messages is server-to-server (the Bot
 * Connector), /metrics and /healthz are for the operators' tools, so browsers cannot call them
 * from another origin.
 */

const CORS_PATH = /^\/(?:api\/directline\/token|v3\/directline\/.*)$/;
const ALLOWED_METHODS = new Set(['GET', 'POST']);
/** What botframework-directlinejs sends: the token, JSON, and its agent string. */
const ALLOWED_HEADERS = 'Authorization, Content-Type, x-ms-bot-agent';

export type CorsOutcome = 'continue' | 'answered';

export class CorsPolicy {
  private readonly allowed: ReadonlySet<string>;
  private readonly publicOrigin?: string;

  constructor(origins: readonly string[], publicUrl?: string) {
    this.allowed = new Set(origins.map((origin) => origin.toLowerCase()));
    this.publicOrigin = publicUrl ? new URL(publicUrl).origin.toLowerCase() : undefined;
  }

  appliesTo(path: string): boolean {
    return CORS_PATH.test(path);
  }

  /** Adds the CORS headers, or answers a preflight or a refusal itself ('answered'). */
  handle(req: IncomingMessage, res: ServerResponse, path: string): CorsOutcome {
    if (!this.appliesTo(path)) return 'continue';
    res.setHeader('Vary', 'Origin');
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin.toLowerCase() : undefined;
    if (origin === undefined || this.sameOrigin(origin, req)) return 'continue';
    if (!this.allowed.has(origin)) {
      answer(res, 403, { error: 'origin_not_allowed', message: 'Pages from this origin may not use the chat service.' });
      return 'answered';
    }
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin as string);
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After, x-correlation-id');
    if (req.method !== 'OPTIONS') return 'continue';
    const method = String(req.headers['access-control-request-method'] ?? '').toUpperCase();
    if (!ALLOWED_METHODS.has(method)) {
      answer(res, 403, { error: 'method_not_allowed', message: 'Only GET and POST are allowed here.' });
      return 'answered';
    }
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
    res.statusCode = 204;
    res.end();
    return 'answered';
  }

  /** The page calling is this server's own (the chat page at `/`): no CORS involved. */
  private sameOrigin(origin: string, req: IncomingMessage): boolean {
    if (this.publicOrigin && origin === this.publicOrigin) return true;
    try {
      return new URL(origin).host === String(req.headers.host ?? '').toLowerCase();
    } catch {
      return false;
    }
  }
}

function answer(res: ServerResponse, status: number, body: { error: string; message: string }): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.setHeader('Cache-Control', 'no-store');
  res.end(text);
}
