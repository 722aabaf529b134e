import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorPost {
  path: string;
  conversationId: string;
  activity: Record<string, any>;
}

/**
 * A Bot Connector on loopback: records the activities the assistant sends to
 * `{serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]` and answers each with an id.
 * `next(n)` resolves once `n` posts have arrived (no sleeping).
 */
export class FakeConnector {
  readonly posts: ConnectorPost[] = [];
  private waiters: Array<{ ready: () => boolean; resolve: () => void }> = [];
  private server?: http.Server;
  url = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
        let activity: Record<string, any> = {};
        try {
          activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, any>;
        } catch {
          /* recorded as empty */
        }
        this.posts.push({ path: req.url ?? '', conversationId: decodeURIComponent(match?.[1] ?? ''), activity });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `sent-${this.posts.length}` }));
        this.waiters = this.waiters.filter((w) => {
          if (!w.ready()) return true;
          w.resolve();
          return false;
        });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this.url;
  }

  /** Resolves once `ready()` is true, rechecked after every post. */
  until(ready: () => boolean): Promise<void> {
    if (ready()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ ready, resolve }));
  }

  /** Resolves when a message with this text has been posted. */
  untilMessage(text: string): Promise<void> {
    return this.until(() => this.texts.includes(text));
  }

  /** Message texts posted so far (typing activities left out). */
  get texts(): string[] {
    return this.posts.filter((p) => p.activity.type === 'message').map((p) => String(p.activity.text));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
