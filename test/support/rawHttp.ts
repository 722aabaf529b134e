import http from 'node:http';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * Raw requests for fuzzing: any method, path, headers and bytes (fetch would refuse some of
 * these), over one keep-alive agent; `close()` when done. A body is always framed with
 * Content-Length: Node's client sends a DELETE or OPTIONS body without any framing, which the
 * server can only read as garbage in front of the next request (it then closes the connection,
 * and the agent's next request on that socket fails on the client side).
 */
export class RawClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

  send(base: string, method: string, path: string, headers: Record<string, string>, body?: Buffer | string): Promise<RawAnswer> {
    const url = new URL(base);
    const framed = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    return new Promise((resolve, reject) => {
      const req = http.request({ agent: this.agent, host: url.hostname, port: url.port, method, path, headers: framed }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
