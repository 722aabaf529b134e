import http from 'node:http';

/**
 * A closed-loop load generator over loopback: `concurrency` conversations in flight at once, each
 * sending its script's messages one after another with `deliveryMode: "expectReplies"` and
 * timing every turn. It also checks every answer: status 200, at least one reply, and every
 * reply addressed to the conversation that asked (no cross-talk).
 */

export interface LoadOptions {
  url: string;
  conversations: number;
  concurrency: number;
  /** The messages of conversation number `i`. */
  script: (i: number) => readonly string[];
  channelId?: string;
  /** Prefix for conversation ids, so runs never share state. */
  runId: string;
}

export interface LoadResult {
  turns: number;
  errors: number;
  crossTalk: number;
  durationMs: number;
  /** Per-turn latency in milliseconds, in completion order. */
  latencies: number[];
  firstError?: string;
}

interface Answer {
  status: number;
  body: string;
}

function postJson(agent: http.Agent, url: URL, payload: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * A member's message that asks for its replies in the HTTP answer (`deliveryMode: "expectReplies"`),
 * as the bench and the soak script send it to /api/messages.
 */
export function expectRepliesMessage(m: { conversationId: string; userId: string; turn: number; text: string; channelId?: string }): object {
  return {
    type: 'message',
    id: `${m.conversationId}-${m.turn}`,
    channelId: m.channelId ?? 'webchat',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    conversation: { id: m.conversationId },
    from: { id: m.userId, role: 'user' },
    recipient: { id: 'member-assistant', role: 'bot' },
    locale: 'en-US',
    text: m.text,
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL('/api/messages', options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const result: LoadResult = { turns: 0, errors: 0, crossTalk: 0, durationMs: 0, latencies: [] };
  let next = 0;

  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= options.conversations) return;
      const conversationId = `${options.runId}-${i}`;
      const userId = `member-${options.runId}-${i}`;
      for (const [turn, text] of options.script(i).entries()) {
        const payload = JSON.stringify(expectRepliesMessage({ conversationId, userId, turn, text, channelId: options.channelId }));
        const started = process.hrtime.bigint();
        let answer: Answer;
        try {
          answer = await postJson(agent, url, payload);
        } catch (err) {
          result.errors++;
          result.firstError ??= (err as Error).message;
          continue;
        }
        result.latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        result.turns++;
        const activities = answer.status === 200 ? parseActivities(answer.body) : null;
        if (!activities || activities.length === 0) {
          result.errors++;
          result.firstError ??= `status ${answer.status}: ${answer.body.slice(0, 200)}`;
          continue;
        }
        if (activities.some((a) => a.conversation?.id !== conversationId || a.recipient?.id !== userId)) result.crossTalk++;
      }
    }
  };

  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  result.durationMs = Number(process.hrtime.bigint() - started) / 1e6;
  agent.destroy();
  return result;
}

function parseActivities(body: string): Array<{ conversation?: { id?: string }; recipient?: { id?: string } }> | null {
  try {
    const parsed = JSON.parse(body) as { activities?: unknown };
    return Array.isArray(parsed.activities) ? (parsed.activities as never) : null;
  } catch {
    return null;
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}
