import type { ServerResponse } from 'node:http';

/**
 * Security headers. Every answer gets the baseline (`baselineSecurityHeaders`, applied to every
 * request by the HTTP guard, including restify's own 404 / 405): no MIME sniffing, no referrer,
 * a Content-Security-Policy that allows nothing (JSON needs nothing) and may not be framed, and
 * HSTS when configured. An HTML page replaces the policy with its own through `securityHeaders`
 * — the chat widget at `/` and the agent console use it.
 */

export interface PageSecurityOptions {
  /** Origins the page may connect to besides its own (fetch, WebSocket), e.g. Azure Direct Line. */
  connectOrigins?: readonly string[];
  /**
   * Origins allowed to embed the page in a frame, besides its own. Default: none (only this
   * origin). The chat widget passes FRAME_ANCESTORS; the agent console should pass nothing.
   */
  frameAncestors?: readonly string[];
  /** Allow `<style>` elements and style attributes (Web Chat injects its styles). Default true. */
  inlineStyles?: boolean;
}

/** The Content-Security-Policy of an HTML page: scripts, styles, images only from its own origin. */
export function pageContentSecurityPolicy(options: PageSecurityOptions = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    options.inlineStyles === false ? "style-src 'self'" : "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    `connect-src 'self' ${(options.connectOrigins ?? []).join(' ')}`.trim(),
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors 'self' ${(options.frameAncestors ?? []).join(' ')}`.trim(),
  ].join('; ');
}

/**
 * Headers for an HTML page (call before writing the answer): its Content-Security-Policy,
 * same-origin referrers (links to the portal carry no path), no MIME sniffing, and no access to
 * camera, microphone or location.
 */
export function securityHeaders(res: ServerResponse, options: PageSecurityOptions = {}): void {
  for (const [name, value] of Object.entries(securityHeaderMap(options))) res.setHeader(name, value);
}

/** The same policy as a header map (tests, and pages that collect their headers first). */
export function securityHeaderMap(options: PageSecurityOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': pageContentSecurityPolicy(options),
    'Referrer-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** The baseline every answer carries (pages override the policy with `securityHeaders`). */
export function baselineSecurityHeaders(res: ServerResponse, hstsMaxAgeSeconds = 0): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);
  if (hstsMaxAgeSeconds > 0) res.setHeader('Strict-Transport-Security', `max-age=${hstsMaxAgeSeconds}; includeSubDomains`);
}
