import type { IncomingMessage } from 'node:http';
import { isUrgent, type TriageCheck } from '../intents/types';
import { readJsonBody } from './body';
import type { HttpError } from './errors';

/**
 * What a per-client rate limit does with a request over its budget (DESIGN.md, safety rule 1:
 * no rate limit refuses an emergency): it reads the body (bounded, as every route does), runs the
 * safety triage on the activity's full text, and lets an urgent message (an emergency or an abuse
 * disclosure, isUrgent) through — the caller then counts it. Anything else — another message, a
 * body that is not a message activity, or one that cannot be read — gets the 429 the limit gives
 * today. Only the message's text is read, and nothing of it is logged.
 */
export async function readUrgentOrRefuse(
  req: IncomingMessage,
  maxBodyBytes: number,
  triageCheck: TriageCheck,
  refusal: HttpError,
): Promise<unknown> {
  let body: unknown;
  try {
    body = await readJsonBody(req, maxBodyBytes);
  } catch {
    throw refusal;
  }
  if (!isUrgentActivity(body, triageCheck)) throw refusal;
  return body;
}

/** Whether a posted body is a message activity whose text the triage calls urgent. */
export function isUrgentActivity(body: unknown, triageCheck: TriageCheck): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { type, text } = body as { type?: unknown; text?: unknown };
  if (type !== 'message' || typeof text !== 'string' || text.trim().length === 0) return false;
  try {
    return isUrgent(triageCheck.triage(text).match);
  } catch {
    // A triage that fails cannot vouch for the message; the turn's own gate still runs on it if it gets in later.
    return false;
  }
}
