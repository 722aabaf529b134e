import { isIP } from 'node:net';

/**
 * True when a URL points at this machine: an IPv4 loopback address (127.0.0.0/8), `::1`, or
 * `localhost`. The parsed address is checked, never the name's text: `127.evil.example` and
 * `127.0.0.1.evil.example` are names that resolve wherever their owner likes. (The WHATWG URL
 * parser has already turned shorthand forms such as `127.1` or `0x7f.1` into dotted quads.)
 */
export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (host === 'localhost') return true;
  const family = isIP(host);
  if (family === 4) return host.split('.')[0] === '127';
  if (family === 6) return host === '::1';
  return false;
}
