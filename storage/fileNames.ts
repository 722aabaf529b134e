import { createHash } from 'node:crypto';

/**
 * File names for store keys. Keys come from channels ("webchat/conversations/<id>/", Teams ids with
 * colons and slashes, SMS conversations named after phone numbers) and must never escape the state
 * folder, exceed a file-name limit, collide on a case-insensitive file system, or put a member's
 * phone number into a file name (and so into a log line). So a name is a short readable part made
 * of the key's first two segments only (channel and kind, lower case letters and digits) plus a
 * hash of the exact key: `webchat-conversations.<32 hex>.json`.
 */
const READABLE_CHARS = 40;

export const STATE_SUFFIX = '.json';
export const TEMP_SUFFIX = '.tmp';
export const CORRUPT_SUFFIX = '.corrupt';

export function fileNameFor(key: string): string {
  if (typeof key !== 'string' || key.length === 0) throw new Error('Please provide a non-empty key');
  const digest = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 32);
  const readable = key
    .split('/')
    .slice(0, 2)
    .join('/')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, READABLE_CHARS)
    .replace(/-+$/, '');
  return `${readable ? `${readable}.` : ''}${digest}${STATE_SUFFIX}`;
}

/**
 * Whether the file named `name` can hold a key whose second segment is `kind` (say
 * "conversations"), judged from the readable part alone: it ends with the kind, or it was cut
 * to READABLE_CHARS and might have. Never false for such a key (a sweep or a move that skips
 * files by name must not miss one); true for a few others with very long channel names.
 */
export function fileNameMayHoldKind(name: string, kind: string): boolean {
  const dot = name.indexOf('.');
  const readable = name.split('.').length > 2 ? name.slice(0, dot) : '';
  return readable.endsWith(kind) || readable.length >= READABLE_CHARS - 1;
}

/**
 * Whether the file named `name` can hold a key whose first segment is `segment` (lower case
 * letters and digits, say "expiring"), judged from the readable part alone. Never false for such a
 * key; true for a few others (a channel named "expiring-…"), which the caller tells apart by the
 * key stored in the file.
 */
export function fileNameMayHoldFirstSegment(name: string, segment: string): boolean {
  const dot = name.indexOf('.');
  const readable = name.split('.').length > 2 ? name.slice(0, dot) : '';
  return readable === segment || readable.startsWith(`${segment}-`);
}

/** Temporary files start with a dot, so they are never mistaken for state. */
export function tempNameFor(name: string, unique: string): string {
  return `.${name}.${unique}${TEMP_SUFFIX}`;
}

export function isTempName(name: string): boolean {
  return name.startsWith('.') && name.endsWith(TEMP_SUFFIX);
}

export function isStateName(name: string): boolean {
  return !name.startsWith('.') && name.endsWith(STATE_SUFFIX);
}

/** What sort of key it is, for logs (the key itself holds channel ids, such as phone numbers). */
export function keyKind(key: string): string {
  if (key.includes('/conversations/')) return 'conversation';
  if (key.includes('/users/')) return 'user';
  return 'other';
}
