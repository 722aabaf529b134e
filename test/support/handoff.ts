import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashPassword } from '../../handoff/core/accounts';
import { messageActivity } from './activities';
import { post, replies, request, type HttpAnswer } from './assistant';
import { until } from './directline';

/**
 * Helpers for hand-off tests: a fake Bot Connector (the serviceUrl a channel would give) that
 * records the activities the assistant sends to it, agents on the agent API, and a client for the
 * agent console's live stream.
 */

/** Passwords of the test agents, and AGENT_ACCOUNTS with their hashes (made once: scrypt is slow on purpose). */
export const AGENTS = { pat: 'correct horse battery', sam: 'staple ocean violet' } as const;
let accounts: Promise<string> | undefined;
export function agentAccounts(): Promise<string> {
  accounts ??= (async () =>
    JSON.stringify([
      { username: 'pat', name: 'Pat', passwordHash: await hashPassword(AGENTS.pat) },
      { username: 'sam', name: 'Sam', passwordHash: await hashPassword(AGENTS.sam) },
    ]))();
  return accounts;
}

export interface ConnectorActivity {
  conversationId: string;
  activity: Record<string, any>;
}

/** A loopback Bot Connector: POST /v3/conversations/{id}/activities[/{replyTo}] → 200 { id }. */
export class FakeConnector {
  readonly received: ConnectorActivity[] = [];
  /** Requests that were not an activity POST. */
  readonly unexpected: string[] = [];
  private listeners = new Set<() => void>();
  private server!: Server;
  url = '';
  /** Answer with this status instead of 200 (a channel that refuses). */
  failWith?: number;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
        if (!match || req.method !== 'POST') {
          this.unexpected.push(`${req.method} ${req.url}`);
          res.writeHead(404);
          res.end();
          return;
        }
        if (this.failWith) {
          res.writeHead(this.failWith, { 'content-type': 'application/json' });
          res.end('{"error":{"code":"Refused"}}');
          return;
        }
        this.received.push({ conversationId: decodeURIComponent(match[1]!), activity: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `sent-${this.received.length}` }));
        for (const wake of [...this.listeners]) wake();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  /** Waits for a message to `conversationId` whose text matches (after `after` received ones). */
  message(conversationId: string, pattern: RegExp, after = 0): Promise<Record<string, any>> {
    return until(
      (wake) => {
        this.listeners.add(wake);
        return () => this.listeners.delete(wake);
      },
      () =>
        this.received
          .slice(after)
          .find((r) => r.conversationId === conversationId && r.activity.type === 'message' && pattern.test(textOf(r.activity)))?.activity,
      `a message matching ${pattern} at the connector`,
    );
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * A member's conversation on /api/messages whose channel is `connector` (agent messages arrive
 * there); `say` answers the texts of the replies to that turn (expectReplies).
 */
export function connectorMember(baseUrl: string, connector: FakeConnector, conversationId: string, channelId = 'webchat') {
  return {
    conversationId,
    async say(text: string): Promise<string> {
      const answer = await post(
        `${baseUrl}/api/messages`,
        messageActivity(text, { channelId, serviceUrl: connector.url, conversation: { id: conversationId }, from: { id: `m-${conversationId}`, role: 'user' }, ...(channelId === 'sms' ? { locale: undefined } : {}) }),
      );
      if (answer.status !== 200) throw new Error(`/api/messages answered ${answer.status}: ${answer.text}`);
      return replies(answer).map(textOf).join('\n');
    },
  };
}

/** Text of an activity including its card's text blocks and link buttons. */
export function textOf(activity: Record<string, any>): string {
  const parts = [activity.text ?? ''];
  for (const attachment of activity.attachments ?? []) {
    for (const block of attachment.content?.body ?? []) parts.push(block.text ?? '');
    for (const action of attachment.content?.actions ?? []) parts.push(`${action.title} ${action.url ?? ''}`);
  }
  return parts.join('\n');
}

/** An agent signed in to the agent API. */
export class Agent {
  constructor(
    readonly baseUrl: string,
    readonly token: string,
  ) {}

  static async login(baseUrl: string, username: string, password: string): Promise<Agent> {
    const answer = await post(`${baseUrl}/api/agent/login`, { username, password });
    if (answer.status !== 200) throw new Error(`login answered ${answer.status}: ${answer.text}`);
    return new Agent(baseUrl, (answer.json as { token: string }).token);
  }

  get headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}` };
  }

  get(path: string): Promise<HttpAnswer> {
    return request(`${this.baseUrl}${path}`, { headers: this.headers });
  }

  post(path: string, body: unknown = {}): Promise<HttpAnswer> {
    return post(`${this.baseUrl}${path}`, body, this.headers);
  }

  async escalations(): Promise<Array<Record<string, any>>> {
    const answer = await this.get('/api/agent/escalations');
    if (answer.status !== 200) throw new Error(`list answered ${answer.status}`);
    return (answer.json as { escalations: Array<Record<string, any>> }).escalations;
  }

  stream(): AgentStream {
    return new AgentStream(`${this.baseUrl}/api/agent/events`, this.token);
  }
}

export interface StreamEvent {
  event: string;
  data: any;
}

/** The console's live stream (Server-Sent Events over fetch, with the bearer token). */
export class AgentStream {
  readonly events: StreamEvent[] = [];
  private listeners = new Set<() => void>();
  private readonly controller = new AbortController();
  readonly status: Promise<number>;
  ended = false;

  constructor(url: string, token: string) {
    this.status = fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: this.controller.signal }).then((res) => {
      void this.pump(res);
      return res.status;
    });
    this.status.catch(() => undefined);
  }

  private async pump(res: Response): Promise<void> {
    if (!res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        const blocks = buffer.split('\n\n');
        buffer = blocks.pop()!;
        for (const block of blocks) {
          let event = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data += line.slice(6);
          }
          if (data) this.events.push({ event, data: JSON.parse(data) });
        }
        this.notify();
      }
    } catch {
      /* aborted */
    }
    this.ended = true;
    this.notify();
  }

  waitFor<T>(check: (events: StreamEvent[]) => T | undefined | false, what: string, timeoutMs?: number): Promise<T> {
    return until(
      (wake) => {
        this.listeners.add(wake);
        return () => this.listeners.delete(wake);
      },
      () => check(this.events) || undefined,
      what,
      timeoutMs,
    );
  }

  /** The latest queue the stream showed that satisfies `check`. */
  queue(check: (escalations: Array<Record<string, any>>) => boolean, what: string, timeoutMs?: number): Promise<Array<Record<string, any>>> {
    return this.waitFor(
      (events) => {
        const latest = events.filter((e) => e.event === 'queue').at(-1)?.data.escalations as Array<Record<string, any>> | undefined;
        return latest && check(latest) ? latest : undefined;
      },
      what,
      timeoutMs,
    );
  }

  close(): void {
    this.controller.abort();
  }

  private notify(): void {
    for (const wake of [...this.listeners]) wake();
  }
}
