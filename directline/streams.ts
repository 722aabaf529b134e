import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, WebSocket } from 'ws';
import type { Logger } from '../common/logger';
import type { Lifecycle } from '../common/lifecycle';
import type { LocalDirectLineChannel, StreamSubscriber } from './localDirectLine';
import { CONVERSATION_ID, DIRECTLINE_PREFIX, parseWatermark } from './routes';
import { TokenError, type DirectLineTokens, type TokenClaims } from './tokens';
import { HttpError } from '../http/errors';
import { splitTarget } from '../http/url';
import type { OneTimeIds } from '../storage/oneTimeIds';

/**
 * The WebSocket half of Direct Line 3.0: `GET {streamUrl}` upgrades to a stream of
 * `{ "activities": [...], "watermark": "42" }` messages — first everything after the stream
 * URL's watermark, then each new activity. Empty messages keep idle connections open through
 * proxies (as Azure's do; directlinejs ignores them and sends its own empty pings, which are
 * ignored here). The stream URL carries a short-lived stream token (`t=`), as Azure's does.
 */

const STREAM_PATH = new RegExp(`^${DIRECTLINE_PREFIX}/conversations/([^/]+)/stream$`);
/** A client that lets this much pile up unread is dropped; it reconnects from its watermark. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface DirectLineStreamsDeps {
  channel: LocalDirectLineChannel;
  tokens: DirectLineTokens;
  /** Stream token ids already used, in the configured store: each opens one stream. */
  usedTokens: OneTimeIds;
  lifecycle: Lifecycle;
  logger: Logger;
  /** How often idle streams get an empty message and a ping (a dead peer is then dropped). */
  keepAliveMs?: number;
}

const REASONS: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' };

function refuse(socket: Duplex, status: number): void {
  if (socket.writable) {
    socket.end(`HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\nCache-Control: no-store\r\n\r\n`);
  }
  socket.destroy();
}

export class DirectLineStreams {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly deps: DirectLineStreamsDeps) {}

  /** Handles upgrade requests on the server's stream paths (others are refused with 404). */
  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy());
      this.upgrade(req, socket, head).catch((err: unknown) => {
        const status = err instanceof HttpError ? err.status : 503;
        if (status === 503) this.deps.logger.error({ err: { name: (err as Error)?.name } }, 'direct line stream could not be opened');
        refuse(socket, status);
      });
    });
    this.timer = setInterval(() => this.keepAlive(), this.deps.keepAliveMs ?? 15_000);
    this.timer.unref();
  }

  get clients(): number {
    return this.wss.clients.size;
  }

  /**
   * Stops keep-alives and, once the clients have answered the channel's close frames (or after
   * `graceMs`), drops every connection still open.
   */
  async close(graceMs = 1000): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    const deadline = Date.now() + graceMs;
    while (this.wss.clients.size && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const first = this.wss.clients.values().next().value as WebSocket;
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        timer.unref();
        first.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }

  /**
   * A stream URL opens one connection: a URL read from a log, a proxy or a browser's history
   * cannot open a second stream of the conversation while its token lives (a reconnecting client
   * asks for a fresh URL, as Direct Line clients do, so nobody may present one again). Used token
   * ids are kept in the configured store until the token expires (at most STREAM_TOKEN_SECONDS),
   * so the rule holds on every instance and after a restart; if the store cannot say, the stream
   * is refused (503, the client asks for a fresh URL and tries again).
   */
  private async useOnce(claims: TokenClaims): Promise<void> {
    const id = claims.tokenId;
    const claim = id ? await this.deps.usedTokens.claim(id, null, claims.expiresAt * 1000) : 'used';
    if (claim === 'unavailable') throw new HttpError(503, 'unavailable', 'The stream URL cannot be checked now; try again.');
    if (claim === 'used') throw new HttpError(403, 'forbidden', 'This stream URL has been used; ask for a new one.');
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = splitTarget(req.url);
    const match = STREAM_PATH.exec(url.path);
    if (!match || !CONVERSATION_ID.test(match[1]!)) throw new HttpError(404, 'not_found', 'No such stream.');
    if (this.deps.lifecycle.phase !== 'ready') throw new HttpError(503, 'unavailable', 'Not taking new connections.');
    const conversationId = match[1]!;
    let claims;
    try {
      claims = await this.deps.tokens.verifyStream(url.query.get('t') ?? '');
    } catch (err) {
      throw new HttpError(err instanceof TokenError && err.reason === 'expired' ? 403 : 401, 'unauthorized', 'Bad stream token.');
    }
    if (claims.conversationId !== conversationId) throw new HttpError(403, 'forbidden', 'This stream token is for another conversation.');
    const watermark = parseWatermark(url.query.get('watermark'));
    if (!(await this.deps.channel.get(conversationId))) throw new HttpError(404, 'not_found', 'No such conversation.');
    await this.useOnce(claims);

    const ws = await new Promise<WebSocket>((resolve) => this.wss.handleUpgrade(req, socket, head, resolve));
    this.alive.set(ws, true);
    ws.on('pong', () => this.alive.set(ws, true));
    ws.on('message', () => this.alive.set(ws, true));
    ws.on('error', () => ws.terminate());

    const subscriber: StreamSubscriber = {
      send: (page) => {
        if (ws.readyState !== WebSocket.OPEN) return;
        if (ws.bufferedAmount > MAX_BUFFERED_BYTES) return void ws.terminate();
        ws.send(JSON.stringify(page));
      },
      close: (code, reason) => {
        if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(code, reason);
      },
    };
    let unsubscribe: (() => void) | undefined;
    let closed = false;
    ws.once('close', () => {
      closed = true;
      unsubscribe?.();
    });
    try {
      unsubscribe = await this.deps.channel.subscribe(conversationId, watermark, subscriber);
    } catch {
      ws.close(4404, 'conversation ended');
      return;
    }
    if (closed) unsubscribe();
  }

  private keepAlive(): void {
    for (const ws of this.wss.clients) {
      if (this.alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      this.alive.set(ws, false);
      ws.ping();
      if (ws.bufferedAmount === 0) ws.send('');
    }
  }
}
