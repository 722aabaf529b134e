import { createAssistant, type Assistant, type AssistantOverrides } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { LogCapture } from './logs';

export interface RunningAssistant {
  url: string;
  assistant: Assistant;
  logs: LogCapture;
  /** Stops the assistant (idempotent). */
  stop(): Promise<void>;
}

/** Starts the real assistant on a free loopback port with the given settings. */
export async function startAssistant(
  env: Record<string, string> = {},
  overrides: AssistantOverrides = {},
): Promise<RunningAssistant> {
  const logs = new LogCapture();
  const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', ...env });
  const assistant = await createAssistant(config, { logger: logs.logger, ...overrides });
  const url = await assistant.start();
  let stopped = false;
  return {
    url,
    assistant,
    logs,
    async stop() {
      if (stopped) return;
      stopped = true;
      await assistant.stop();
    },
  };
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** POSTs raw bytes (or JSON for objects) and reads the whole answer. */
export async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  const raw = typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: raw as string,
  });
  return read(res);
}

export async function request(url: string, init: RequestInit = {}): Promise<HttpAnswer> {
  return read(await fetch(url, init));
}

async function read(res: Response): Promise<HttpAnswer> {
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** The activities an expectReplies answer carries. */
export function replies(answer: HttpAnswer): Array<Record<string, any>> {
  const body = answer.json as { activities?: Array<Record<string, any>> } | undefined;
  return body?.activities ?? [];
}
