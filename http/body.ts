import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors';

/** JSON nested deeper than this is refused: no activity or request body needs more. */
export const MAX_JSON_DEPTH = 64;

/**
 * `application/json`, with at most a UTF-8 charset: the only JSON the assistant reads. Bodies are
 * decoded as UTF-8 whatever the header says, so `charset=utf-16` is refused rather than misread,
 * and `application/<anything>+json` is not taken for JSON.
 */
function isJsonType(header: string): boolean {
  const [type = '', ...params] = header.split(';');
  if (type.trim().toLowerCase() !== 'application/json') return false;
  for (const param of params) {
    const [name = '', value = ''] = param.split('=');
    if (name.trim().toLowerCase() !== 'charset') continue;
    const charset = value.trim().replace(/^"(.*)"$/, '$1').toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') return false;
  }
  return true;
}

/** True when brackets nest deeper than `limit` (strings skipped): one pass, no recursion. */
function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Reads a JSON request body of at most `limitBytes`, before any framework sees it.
 * - 415 unless Content-Type is JSON (this also keeps browsers from posting activities
 *   cross-site with a "simple" form request),
 * - 413 as soon as the declared or the received size passes the limit,
 * - 400 for an empty body, bytes that are not UTF-8 JSON, or JSON nested deeper than
 *   MAX_JSON_DEPTH (copied into replies, it would fail to serialize: a 500).
 */
export async function readJsonBody(req: IncomingMessage, limitBytes: number, what = 'the activity'): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!isJsonType(type)) {
    throw new HttpError(415, 'unsupported_media_type', `Send ${what} as JSON with Content-Type: application/json.`);
  }
  const tooLarge = () =>
    new HttpError(413, 'payload_too_large', `The request body is larger than ${limitBytes} bytes.`, { Connection: 'close' });
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge();

  const body = await collect(req, limitBytes, tooLarge);
  const size = body.length;
  if (size === 0) throw new HttpError(400, 'empty_body', `The request body is empty; send ${what} as JSON.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid UTF-8 JSON.');
  }
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new HttpError(400, 'invalid_json', `The request body nests deeper than ${MAX_JSON_DEPTH} levels.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}

/**
 * Collects the body, or rejects as soon as it passes the limit. The rest of an oversized body is
 * drained and dropped (not destroyed), so the client still reads the 413 answer; the answer
 * carries `Connection: close`.
 */
function collect(req: IncomingMessage, limitBytes: number, tooLarge: () => HttpError): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        req.off('data', onData);
        req.off('end', onEnd);
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks, size));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', () => reject(new HttpError(400, 'aborted', 'The request body could not be read.')));
  });
}
