import type { Request, Response } from 'restify';
import type { Logger } from '../../common/logger';
import type { Authenticated } from './auth';
import type { HandoffEvent, HandoffEvents } from '../core/events';
import type { TranscriptEntry } from '../core/model';
import type { AgentPresence } from '../core/presence';
import type { HandoffService } from '../core/service';
import type { AgentSessions } from '../core/sessions';
import { queueView, type EscalationView } from '../core/views';
import type { AgentWorkspace } from '../core/workspace';

/**
 * The console's live feed: GET /api/agent/events as Server-Sent Events (`text/event-stream`),
 * authenticated like every agent endpoint (the console reads it with fetch and its bearer token,
 * so the token never goes into a URL). Events:
 *
 * - `queue`   `{ escalations: [...] }` — the open escalations, on connect and whenever they change
 *   (with the workspace: each one's queue and whether it is offered to this agent);
 * - `entries` `{ escalationId, status, entries: [...] }` — new transcript entries (member and agent
 *   messages, notices, alerts);
 * - `alert`   `{ escalationId, kind }` — the member wrote about an emergency;
 * - `notes`   `{ escalationId, notes: [...] }` — agents' internal notes (workspace.ts; never to the member);
 * - `typing`  `{ escalationId, from: "member" }` — the member is typing (not stored);
 * - `expired` — the session ended, was signed out or could not be checked (the stream closes;
 *   sign in again).
 *
 * Changes on this instance arrive at once (HandoffEvents); changes made on other instances are
 * picked up by reading the store every `pollMs`. While the stream is open the agent counts as on
 * duty (presence refreshed with each keep-alive).
 */

interface Stream {
  send(event: string, data: unknown): void;
  close(): void;
}

export class AgentStreams {
  private readonly open = new Set<Stream>();
  /** Session token → its open streams (logout ends them at once). */
  private readonly bySession = new Map<string, Set<Stream>>();

  constructor(
    private readonly deps: {
      service: HandoffService;
      events: HandoffEvents;
      presence: AgentPresence;
      sessions: AgentSessions;
      logger: Logger;
      now: () => number;
      pollMs?: number;
      keepAliveMs?: number;
      /** Each agent's view of the queue (their queue, offers): workspace.ts. */
      workspace?: AgentWorkspace;
    },
  ) {}

  get size(): number {
    return this.open.size;
  }

  async serve(req: Request, res: Response, auth: Authenticated): Promise<void> {
    const { service, events, presence, sessions, logger, now } = this.deps;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
      'X-Content-Type-Options': 'nosniff',
    });
    let closed = false;
    /** Escalation id → last entry seq sent. */
    const seen = new Map<string, number>();
    let signature = '';
    let timers: NodeJS.Timeout[] = [];
    let unsubscribe: () => void = () => undefined;
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));

    const stream: Stream = {
      send(event, data) {
        if (!closed) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      },
      close() {
        if (closed) return;
        closed = true;
        for (const timer of timers) clearInterval(timer);
        timers = [];
        unsubscribe();
        res.end();
        finish();
      },
    };
    this.open.add(stream);
    let mine = this.bySession.get(auth.token);
    if (!mine) this.bySession.set(auth.token, (mine = new Set()));
    mine.add(stream);
    req.once('close', () => stream.close());
    res.once('close', () => stream.close());

    const sendEntries = (escalationId: string, status: string, entries: TranscriptEntry[]) => {
      const last = seen.get(escalationId) ?? 0;
      const fresh = entries.filter((e) => e.seq > last);
      if (!fresh.length) return;
      seen.set(escalationId, Math.max(last, ...fresh.map((e) => e.seq)));
      stream.send('entries', { escalationId, status, entries: fresh });
    };

    // One queue refresh at a time; a refresh asked for meanwhile runs once more afterwards.
    let refreshing: Promise<void> | undefined;
    let again = false;
    const refresh = (withEntries: boolean): Promise<void> => {
      if (refreshing) {
        again = true;
        return refreshing;
      }
      refreshing = (async () => {
        do {
          again = false;
          const open = await service.listOpen();
          const plain = queueView(open, now(), (record) => service.memberOnline(record));
          const list: Array<EscalationView & { offered?: boolean; queue?: string }> = this.deps.workspace ? await this.deps.workspace.decorate(plain, open, auth.session.agent) : plain;
          const next = JSON.stringify(list.map((e) => [e.id, e.status, e.agent?.id, e.alerts, e.position, e.memberOnline, e.offered, e.queue]));
          if (next !== signature) {
            signature = next;
            stream.send('queue', { escalations: list });
          }
          for (const record of open) {
            if (!seen.has(record.id)) seen.set(record.id, record.nextSeq - 1);
            else if (withEntries) sendEntries(record.id, record.status, record.transcript);
          }
        } while (again && !closed);
      })()
        .catch((err) => logger.warn({ err: { name: (err as Error)?.name } }, 'agent stream: queue not read'))
        .finally(() => (refreshing = undefined));
      return refreshing;
    };

    unsubscribe = events.subscribe((event: HandoffEvent) => {
      if (event.type === 'queue') void refresh(false);
      else if (event.type === 'entries') sendEntries(event.escalationId, event.status, event.entries);
      else if (event.type === 'alert') stream.send('alert', { escalationId: event.escalationId, kind: event.kind });
      else stream.send(event.type, event);
    });

    stream.send('hello', { agent: auth.session.agent, expiresAt: new Date(auth.session.expiresAt).toISOString() });
    await refresh(false);

    if (!closed) timers.push(
      setInterval(() => {
        void (async () => {
          // A session that cannot be checked is not taken for a valid one: the stream ends.
          const check = await sessions.check(auth.token).catch(() => ({ ok: false, reason: 'unavailable' }) as const);
          if (!check.ok) {
            stream.send('expired', { reason: check.reason });
            stream.close();
            return;
          }
          res.write(': keep-alive\n\n');
          await presence.seen(auth.session.agent).catch(() => undefined);
        })();
      }, this.deps.keepAliveMs ?? 20_000),
      setInterval(() => void refresh(true), this.deps.pollMs ?? 5_000),
    );
    for (const timer of timers) timer.unref();
    await done;
    this.open.delete(stream);
    mine.delete(stream);
    if (!mine.size && this.bySession.get(auth.token) === mine) this.bySession.delete(auth.token);
  }

  /**
   * The session was signed out: its streams on this instance end now, before they could send
   * another event (streams on other instances end at their next session check).
   */
  endSession(token: string): void {
    for (const stream of [...(this.bySession.get(token) ?? [])]) {
      stream.send('expired', { reason: 'signedOut' });
      stream.close();
    }
  }

  /** Shutdown: ends every stream (consoles reconnect, to another instance if need be). */
  close(): void {
    for (const stream of [...this.open]) stream.close();
    this.open.clear();
  }
}
