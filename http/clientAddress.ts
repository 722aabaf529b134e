import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';

/**
 * The address a request came from, as the key of per-client rate limits.
 *
 * Without trusted proxies (TRUST_PROXY_HOPS=0, the default) it is the connection's own address;
 * X-Forwarded-For is ignored, since any client can write it. Behind N reverse proxies that each
 * append the address they received the request from, the client is the N-th entry from the right
 * (entries further left were written by the client and prove nothing). IPv4-mapped IPv6 addresses
 * count as IPv4, and IPv6 clients are keyed by their /64 network (one host usually has a whole /64
 * to pick addresses from).
 */
export function clientAddress(req: IncomingMessage, trustedHops = 0): string {
  let address = req.socket?.remoteAddress ?? '';
  if (trustedHops > 0) {
    const header = req.headers['x-forwarded-for'];
    const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    if (entries.length) address = entries[Math.max(0, entries.length - trustedHops)]!;
  }
  return rateLimitKey(address);
}

function rateLimitKey(raw: string): string {
  let address = raw.startsWith('[') && raw.includes(']') ? raw.slice(1, raw.indexOf(']')) : raw;
  if (address.toLowerCase().startsWith('::ffff:') && isIP(address.slice(7)) === 4) address = address.slice(7);
  switch (isIP(address)) {
    case 4:
      return address;
    case 6:
      return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
    default:
      return 'unknown';
  }
}

/** The eight 16-bit groups of an IPv6 address (zone id dropped). */
function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]!.toLowerCase().split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(Math.max(0, missing)).fill('0'), ...right].map((group) => group.replace(/^0+(?=.)/, ''));
}

const LOOPBACK = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;

/**
 * True when the request reached this process directly from this machine: a loopback connection
 * with no forwarding headers (a request relayed by a proxy on the same machine carries them).
 */
export function isDirectLoopback(req: IncomingMessage): boolean {
  if (req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined || req.headers['x-real-ip'] !== undefined) return false;
  return LOOPBACK.test(req.socket?.remoteAddress ?? '');
}
