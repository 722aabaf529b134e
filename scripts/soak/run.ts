import http from 'node:http';
import { isLoopbackUrl } from '../../common/loopback';
import { expectRepliesMessage } from '../bench/load';

/**
 * The soak's load: many conversations at once against one assistant on loopback, each following a
 * realistic script (scripts/bench/conversations.json), most through /api/messages (expectReplies)
 * and some through the chat widget's local Direct Line channel (token, conversation, posts, the
 * transcript). Every answer is checked:
 *
 * - no error: every request answered as it should be (200/201), nothing thrown;
 * - no cross-talk: every reply is addressed to the conversation (and member) that asked, and is
 *   exactly what that script gets at that step when run alone (the "golden" run) — a reply meant
 *   for another conversation, or one from a state that leaked or got lost, differs.
 */

export interface SoakOptions {
  /** Base URL of the assistant; must be on loopback. */
  url: string;
  scripts: string[][];
  concurrency: number;
  /** Stop starting new conversations after this time (ms since start) … */
  durationMs?: number;
  /** … or after this many conversations, whichever comes first. */
  maxConversations?: number;
  /** Share of conversations run through the local Direct Line channel (0..1). */
  directLineShare: number;
  /** Prefix of conversation ids (runs never share state). */
  runId: string;
  onProgress?: (done: SoakCounters) => void;
}

export interface SoakCounters {
  conversations: number;
  turns: number;
  errors: number;
  crossTalk: number;
  latencies: number[];
  firstError?: string;
  firstCrossTalk?: string;
}

type Channel = 'messages' | 'directline';
/** The replies of one turn, reduced to what the member sees. */
type Replies = string[];

export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (!isLoopbackUrl(new URL(url))) throw new Error(`the soak runs against this machine only (loopback), not ${host}`);
}

interface Answer {
  status: number;
  body: string;
}

class Client {
  private readonly agent: http.Agent;
  constructor(
    private readonly base: URL,
    sockets: number,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  request(method: string, target: string, body?: unknown, token?: string): Promise<Answer> {
    const url = new URL(target, this.base);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = {};
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    if (token) headers.authorization = `Bearer ${token}`;
    return new Promise((resolve, reject) => {
      const req = http.request({ agent: this.agent, host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.setTimeout(60_000, () => req.destroy(new Error('no answer within 60 s')));
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

interface ActivityJson {
  type?: string;
  text?: string;
  conversation?: { id?: string };
  recipient?: { id?: string };
  from?: { role?: string };
  suggestedActions?: { actions?: Array<{ title?: string; value?: unknown }> };
  attachments?: Array<{ contentType?: string; content?: unknown }>;
}

/** What the member sees of a reply: its text, its buttons, its cards. */
function visible(activity: ActivityJson): string {
  const actions = (activity.suggestedActions?.actions ?? []).map((a) => a.title ?? '').join('|');
  const cards = (activity.attachments ?? []).map((a) => `${a.contentType}:${JSON.stringify(a.content)}`).join('|');
  return `${activity.type}:${activity.text ?? ''}#${actions}#${cards}`;
}

function parseJson<T>(body: string): T | undefined {
  try {
    return JSON.parse(body) as T;
  } catch {
    return undefined;
  }
}

/** One conversation's turns through /api/messages; yields each turn's replies, or throws. */
async function* viaMessages(client: Client, conversationId: string, userId: string, script: string[]): AsyncGenerator<{ replies: Replies; ms: number }> {
  for (const [turn, text] of script.entries()) {
    const started = performance.now();
    const answer = await client.request('POST', '/api/messages', expectRepliesMessage({ conversationId, userId, turn, text }));
    const ms = performance.now() - started;
    if (answer.status !== 200) throw new Error(`/api/messages answered ${answer.status}: ${answer.body.slice(0, 200)}`);
    const activities = parseJson<{ activities?: ActivityJson[] }>(answer.body)?.activities;
    if (!Array.isArray(activities)) throw new Error('/api/messages answered without activities');
    for (const a of activities) {
      if (a.conversation?.id !== conversationId || a.recipient?.id !== userId) {
        throw new CrossTalk(`a reply for ${a.conversation?.id}/${a.recipient?.id} reached ${conversationId}/${userId}`);
      }
    }
    yield { replies: activities.map(visible), ms };
  }
}

/** One conversation through the local Direct Line channel, as Web Chat drives it (REST). */
async function* viaDirectLine(client: Client, script: string[]): AsyncGenerator<{ replies: Replies; ms: number }> {
  const tokenAnswer = await client.request('POST', '/api/directline/token', {});
  if (tokenAnswer.status !== 200) throw new Error(`token endpoint answered ${tokenAnswer.status}: ${tokenAnswer.body.slice(0, 200)}`);
  const grant = parseJson<{ token: string; conversationId: string; domain: string }>(tokenAnswer.body)!;
  const base = new URL(grant.domain).pathname;
  const started = await client.request('POST', `${base}/conversations`, {}, grant.token);
  if (started.status !== 201) throw new Error(`conversation start answered ${started.status}`);
  let watermark = '';
  for (const text of script) {
    const begun = performance.now();
    const posted = await client.request('POST', `${base}/conversations/${grant.conversationId}/activities`, { type: 'message', text, from: { id: 'soak' }, locale: 'en-US' }, grant.token);
    const ms = performance.now() - begun;
    if (posted.status !== 200) throw new Error(`Direct Line post answered ${posted.status}: ${posted.body.slice(0, 200)}`);
    const page = await client.request('GET', `${base}/conversations/${grant.conversationId}/activities?watermark=${watermark}`, undefined, grant.token);
    if (page.status !== 200) throw new Error(`Direct Line transcript answered ${page.status}`);
    const parsed = parseJson<{ activities: ActivityJson[]; watermark: string }>(page.body)!;
    watermark = parsed.watermark ?? watermark;
    for (const a of parsed.activities) {
      if (a.conversation?.id !== grant.conversationId) throw new CrossTalk(`an activity of ${a.conversation?.id} in the transcript of ${grant.conversationId}`);
    }
    yield { replies: parsed.activities.filter((a) => a.from?.role === 'bot').map(visible), ms };
  }
}

class CrossTalk extends Error {}

/**
 * Runs each script once, alone, on each channel: the replies every later run of that script must
 * get, turn by turn.
 */
export async function goldenReplies(url: string, scripts: string[][], runId: string, withDirectLine: boolean): Promise<Record<Channel, Replies[][]>> {
  const client = new Client(new URL(url), 2);
  const golden: Record<Channel, Replies[][]> = { messages: [], directline: [] };
  try {
    for (const [i, script] of scripts.entries()) {
      const turns: Replies[] = [];
      for await (const turn of viaMessages(client, `${runId}-golden-${i}`, `member-${runId}-golden-${i}`, script)) turns.push(turn.replies);
      golden.messages.push(turns);
      if (withDirectLine) {
        const dl: Replies[] = [];
        for await (const turn of viaDirectLine(client, script)) dl.push(turn.replies);
        golden.directline.push(dl);
      }
    }
  } finally {
    client.close();
  }
  return golden;
}

export async function runSoak(options: SoakOptions, golden: Record<Channel, Replies[][]>): Promise<SoakCounters> {
  assertLoopback(options.url);
  const client = new Client(new URL(options.url), options.concurrency);
  const counters: SoakCounters = { conversations: 0, turns: 0, errors: 0, crossTalk: 0, latencies: [] };
  const started = performance.now();
  let next = 0;
  const more = () =>
    (options.durationMs === undefined || performance.now() - started < options.durationMs) &&
    (options.maxConversations === undefined || next < options.maxConversations);

  const worker = async () => {
    while (more()) {
      const i = next++;
      const index = i % options.scripts.length;
      const script = options.scripts[index]!;
      // Spread Direct Line conversations evenly over the run.
      const channel: Channel = options.directLineShare > 0 && Math.floor((i + 1) * options.directLineShare) > Math.floor(i * options.directLineShare) ? 'directline' : 'messages';
      const expected = golden[channel][index]!;
      const turns =
        channel === 'messages' ? viaMessages(client, `${options.runId}-${i}`, `member-${options.runId}-${i}`, script) : viaDirectLine(client, script);
      let step = 0;
      try {
        for await (const turn of turns) {
          counters.turns++;
          counters.latencies.push(turn.ms);
          const want = expected[step]!;
          if (turn.replies.length !== want.length || turn.replies.some((reply, k) => reply !== want[k])) {
            throw new CrossTalk(
              `${channel} script ${index} turn ${step} ("${script[step]}"): expected ${JSON.stringify(want).slice(0, 300)}, got ${JSON.stringify(turn.replies).slice(0, 300)}`,
            );
          }
          step++;
        }
      } catch (err) {
        if (err instanceof CrossTalk) {
          counters.crossTalk++;
          counters.firstCrossTalk ??= err.message;
        } else {
          counters.errors++;
          counters.firstError ??= `${channel}: ${(err as Error).message}`;
        }
      }
      counters.conversations++;
      options.onProgress?.(counters);
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    client.close();
  }
  return counters;
}
