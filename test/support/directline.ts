import { ConnectionStatus, DirectLine, type Activity as ClientActivity } from 'botframework-directlinejs';
import { Observable } from 'rxjs/Observable';
import { WebSocket } from 'ws';
import { post, type HttpAnswer } from './assistant';

/** What POST /api/directline/token answers. */
export interface Grant {
  token: string;
  conversationId: string;
  domain: string;
}

export async function getGrant(baseUrl: string): Promise<Grant> {
  const answer = await post(`${baseUrl}/api/directline/token`, {});
  if (answer.status !== 200) throw new Error(`token endpoint answered ${answer.status}: ${answer.text}`);
  return answer.json as Grant;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export interface Started {
  conversationId: string;
  token: string;
  streamUrl: string;
  expires_in: number;
}

/** POST /v3/directline/conversations with the grant's token. */
export async function startConversation(grant: Grant): Promise<Started> {
  const answer = await post(`${grant.domain}/conversations`, {}, bearer(grant.token));
  if (answer.status !== 201 && answer.status !== 200) throw new Error(`start answered ${answer.status}: ${answer.text}`);
  return answer.json as Started;
}

export function postActivity(grant: Grant, activity: Record<string, unknown>): Promise<HttpAnswer> {
  return post(`${grant.domain}/conversations/${grant.conversationId}/activities`, activity, bearer(grant.token));
}

export const message = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  text,
  from: { id: 'ignored-by-the-channel', name: 'Pat' },
  locale: 'en-US',
  ...extra,
});

/** Resolves when `check` returns a value; rechecked whenever `subscribe`'s callback fires. */
export function until<T>(subscribe: (wake: () => void) => () => void, check: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    let unsubscribe: () => void = () => undefined;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      unsubscribe();
      fn();
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out waiting for ${what}`))), timeoutMs);
    const attempt = () => {
      const value = check();
      if (value !== undefined) finish(() => resolve(value));
    };
    unsubscribe = subscribe(attempt);
    attempt();
  });
}

export interface StreamPage {
  activities: Array<Record<string, any>>;
  watermark?: string;
}

/** A raw WebSocket on a stream URL that records every message (empty keep-alives separately). */
export class RawStream {
  readonly pages: StreamPage[] = [];
  keepAlives = 0;
  closeCode?: number;
  private listeners = new Set<() => void>();
  readonly ws: WebSocket;
  readonly opened: Promise<void>;
  readonly closed: Promise<number>;

  constructor(streamUrl: string) {
    this.ws = new WebSocket(streamUrl);
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode })));
      this.ws.once('error', reject);
    });
    this.opened.catch(() => undefined);
    this.closed = new Promise((resolve) =>
      this.ws.once('close', (code) => {
        this.closeCode = code;
        this.notify();
        resolve(code);
      }),
    );
    this.ws.on('message', (data: Buffer) => {
      const text = data.toString('utf8');
      if (text === '') this.keepAlives++;
      else this.pages.push(JSON.parse(text) as StreamPage);
      this.notify();
    });
  }

  get activities(): Array<Record<string, any>> {
    return this.pages.flatMap((p) => p.activities);
  }

  get lastWatermark(): string | undefined {
    return [...this.pages].reverse().find((p) => p.watermark !== undefined)?.watermark;
  }

  /** Waits until `check` gives a value (checked after every message). */
  waitFor<T>(check: (stream: RawStream) => T | undefined | false, what: string): Promise<T> {
    return until(
      (wake) => {
        this.listeners.add(wake);
        return () => this.listeners.delete(wake);
      },
      () => check(this) || undefined,
      what,
    );
  }

  /** Waits for a bot message whose text matches. */
  botMessage(pattern: RegExp): Promise<Record<string, any>> {
    return this.waitFor(
      (s) => s.activities.find((a) => a.type === 'message' && a.from?.role === 'bot' && pattern.test(a.text ?? '')),
      `a bot message matching ${pattern}`,
    );
  }

  close(): void {
    this.ws.close();
  }

  private notify(): void {
    for (const wake of [...this.listeners]) wake();
  }
}

/**
 * botframework-directlinejs's ajax service on fetch: the library uses rxjs' XMLHttpRequest
 * ajax, which Node does not have. Same contract: `{ response, status, xhr }` or an error with
 * `status`.
 */
export function fetchAjax(request: { method?: string; url: string; body?: unknown; headers?: Record<string, string>; timeout?: number }) {
  return Observable.create((subscriber: { next(v: unknown): void; complete(): void; error(e: unknown): void }) => {
    const controller = new AbortController();
    const body = request.body === undefined || typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    fetch(request.url, { method: request.method ?? 'GET', headers: request.headers, body: body as string | undefined, signal: controller.signal }).then(
      async (res) => {
        const text = await res.text();
        let response: unknown = text;
        try {
          response = text ? JSON.parse(text) : null;
        } catch {
          /* not JSON */
        }
        const xhr = { getResponseHeader: (name: string) => res.headers.get(name) };
        if (res.ok) {
          subscriber.next({ response, status: res.status, xhr });
          subscriber.complete();
        } else {
          subscriber.error({ status: res.status, response, xhr });
        }
      },
      (err: unknown) => subscriber.error({ status: 0, response: null, xhr: { getResponseHeader: () => null }, message: String(err) }),
    );
    return () => controller.abort();
  });
}

export interface ClientOptions {
  token: string;
  domain: string;
  conversationId?: string;
  watermark?: string;
  webSocket: boolean;
  locale?: string;
}

/** The official Direct Line client (what Web Chat uses), recording what it receives. */
export class DirectLineClient {
  readonly directLine: DirectLine;
  readonly activities: ClientActivity[] = [];
  readonly statuses: ConnectionStatus[] = [];
  private listeners = new Set<() => void>();
  private subscriptions: Array<{ unsubscribe(): void }> = [];

  constructor(options: ClientOptions) {
    const global = globalThis as { WebSocket?: unknown };
    const hadWebSocket = 'WebSocket' in global;
    const previous = global.WebSocket;
    // directlinejs picks WebSocket streaming when a global WebSocket exists (browsers); Node 20 has none.
    if (options.webSocket) global.WebSocket = WebSocket;
    try {
      this.directLine = new DirectLine({
        token: options.token,
        domain: options.domain,
        conversationId: options.conversationId,
        watermark: options.watermark,
        webSocket: options.webSocket,
        pollingInterval: 200,
        conversationStartProperties: options.locale ? { locale: options.locale } : undefined,
        ajax: fetchAjax as never,
        WebSocket: WebSocket as never,
      });
    } finally {
      if (options.webSocket) {
        if (hadWebSocket) global.WebSocket = previous;
        else delete global.WebSocket;
      }
    }
    this.subscriptions.push(
      this.directLine.activity$.subscribe((activity) => {
        this.activities.push(activity);
        this.notify();
      }),
      this.directLine.connectionStatus$.subscribe((status) => {
        this.statuses.push(status);
        this.notify();
      }),
    );
  }

  waitFor<T>(check: (client: DirectLineClient) => T | undefined | false, what: string): Promise<T> {
    return until(
      (wake) => {
        this.listeners.add(wake);
        return () => this.listeners.delete(wake);
      },
      () => check(this) || undefined,
      what,
    );
  }

  botMessage(pattern: RegExp, after = 0): Promise<ClientActivity> {
    return this.waitFor(
      (c) => c.activities.slice(after).find((a) => a.type === 'message' && a.from.role === 'bot' && pattern.test((a as { text?: string }).text ?? '')),
      `a bot message matching ${pattern}`,
    );
  }

  /** Posts through the client; resolves with the id the channel gave the activity. */
  post(activity: Record<string, unknown>): Promise<string> {
    return new Promise((resolve, reject) => {
      this.directLine.postActivity(activity as never).subscribe({ next: (id: string) => resolve(id), error: reject });
    });
  }

  end(): void {
    for (const s of this.subscriptions) s.unsubscribe();
    this.directLine.end();
  }

  private notify(): void {
    for (const wake of [...this.listeners]) wake();
  }
}

export { ConnectionStatus };
