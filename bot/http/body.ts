import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * Reads a JSON request body of at most `limitBytes`, before any framework sees it.
 * - 415 unless Content-Type is JSON (this also keeps browsers from posting activities
 *   cross-site with a "simple" form request),
 * - 413 as soon as the declared or the received size passes the limit,
 * - 400 for an empty body, bytes that are not UTF-8 JSON.
 */
export async function readJsonBody(req: IncomingMessage, limitBytes: number, what = 'the activity'): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (!JSON_TYPE.test(type)) {
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
