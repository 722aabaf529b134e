import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fromRoot } from '../../common/paths';

/** The base URL the recorded fixtures were captured from; replaced by the test server's own. */
export const RECORDED_BASE = 'http://fhir.test/fhir';

export interface SeenRequest {
  method: string;
  /** Path and query, e.g. /fhir/MedicationRequest?patient=… */
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Answer = { status: number; body?: unknown; raw?: string; headers?: Record<string, string> } | 'hang';
type Handler = (req: SeenRequest) => Answer;

/**
 * A loopback FHIR server for tests: answers from recorded R4 fixtures (test/fixtures/fhir/) by
 * method and path, records every request, and can misbehave on demand (5xx, malformed bodies,
 * hanging). Listens on a free port; `close()` also drops hanging connections.
 */
export class FhirTestServer {
  readonly requests: SeenRequest[] = [];
  private readonly routes: Array<{ method: string; path: string; handler: Handler }> = [];
  private readonly sockets = new Set<Socket>();
  private server!: http.Server;
  url = '';

  static async start(): Promise<FhirTestServer> {
    const s = new FhirTestServer();
    s.server = http.createServer((req, res) => s.handle(req, res));
    s.server.on('connection', (socket) => {
      s.sockets.add(socket);
      socket.on('close', () => s.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => s.server.listen(0, '127.0.0.1', resolve));
    s.url = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`;
    return s;
  }

  get base(): string {
    return `${this.url}/fhir`;
  }

  /** A fixture's JSON with the recorded server's URLs pointing here. */
  fixture(name: string, keepLinks = false): unknown {
    const text = readFileSync(fromRoot('test', 'fixtures', 'fhir', name), 'utf8');
    return JSON.parse(keepLinks ? text : text.split(RECORDED_BASE).join(this.base));
  }

  /** Answers METHOD path (without the query; later routes win). */
  on(method: string, path: string, handler: Handler | Answer): this {
    this.routes.unshift({ method, path, handler: typeof handler === 'function' ? handler : () => handler });
    return this;
  }

  /** Answers with a fixture file. */
  serve(method: string, path: string, fixture: string, status = 200): this {
    return this.on(method, path, () => ({ status, body: this.fixture(fixture) }));
  }

  seen(method: string, path: string): SeenRequest[] {
    return this.requests.filter((r) => r.method === method && r.url.split('?')[0] === path);
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const seen: SeenRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      this.requests.push(seen);
      const path = seen.url.split('?')[0];
      const route = this.routes.find((r) => r.method === seen.method && r.path === path);
      const answer: Answer = route ? route.handler(seen) : { status: 404, body: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] } };
      if (answer === 'hang') return;
      res.writeHead(answer.status, { 'content-type': 'application/fhir+json', ...answer.headers });
      res.end(answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body)));
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
